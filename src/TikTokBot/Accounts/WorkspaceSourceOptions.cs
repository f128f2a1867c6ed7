namespace TikTokBot.Accounts;

/// <summary>Configuration <c>TikTok:*</c> deciding what a workspace without a connection reads, and what the deployment's own advertisers are.</summary>
internal sealed class WorkspaceSourceOptions
{
    /// <summary>A workspace with no TikTok account connected reads the demo data (every reply says so).</summary>
    public bool DemoForUnconnected { get; set; } = true;

    /// <summary>With the OAuth install, the one workspace the static <c>TikTok:AccessToken</c> or CSV may serve.</summary>
    public string? StaticTokenTeam { get; set; }

    /// <summary>The currency of the deployment's static advertisers (<c>TikTok:AdvertiserCurrency</c>); connected ones carry their own.</summary>
    public string AdvertiserCurrency { get; set; } = "USD";

    /// <summary>The time zone of the deployment's static advertisers (<c>TikTok:AdvertiserTimeZone</c>); connected ones carry their own.</summary>
    public string AdvertiserTimeZone { get; set; } = "UTC";

    /// <summary>
    /// How long an instance answers from the connections list it last read (zero: read it every time). Changes made on this
    /// instance are seen at once; one made on another instance sharing the database is seen within this time.
    /// </summary>
    public TimeSpan ConnectionsFreshFor { get; set; } = TimeSpan.FromSeconds(5);
}
