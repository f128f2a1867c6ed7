namespace TikTokBot.TikTok.Accounts;

/// <summary>
/// Configuration <c>TikTok:*</c> of the TikTok developer app through which workspaces connect their own advertiser
/// accounts (advertiser OAuth). Without <see cref="AppId"/> and <see cref="AppSecret"/> nobody can connect.
/// </summary>
public sealed class TikTokAppOptions
{
    public const string SectionName = "TikTok";

    /// <summary>The developer app's id, from its Basic Information page in TikTok for Business.</summary>
    public string? AppId { get; set; }

    /// <summary>The developer app's secret; sent only to TikTok, never logged or shown.</summary>
    public string? AppSecret { get; set; }

    /// <summary>TikTok's advertiser authorisation page; copy the exact one from the app's Basic Information if it differs.</summary>
    public Uri AuthorizeUrl { get; set; } = new("https://business-api.tiktok.com/portal/auth");

    /// <summary>The API for Business base, the same key the API source reads.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://business-api.tiktok.com/open_api/v1.3/");

    /// <summary>How long a connect link stays valid after the person asked for it.</summary>
    public TimeSpan ConnectStateLifetime { get; set; } = TimeSpan.FromMinutes(10);

    public bool CanConnect => !string.IsNullOrWhiteSpace(AppId) && !string.IsNullOrWhiteSpace(AppSecret);
}
