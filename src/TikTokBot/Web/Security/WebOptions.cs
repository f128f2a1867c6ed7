namespace TikTokBot.Web;

/// <summary>Configuration <c>Web:*</c>: the web pages, and how the app trusts the reverse proxy in front of it.</summary>
public sealed class WebOptions
{
    public const string SectionName = "Web";

    /// <summary>
    /// The playground: unset means open only to local callers outside Production; <c>true</c> also opens it to holders
    /// of <c>Scheduler:DashboardToken</c> (the only way in Production); <c>false</c> turns it off everywhere.
    /// </summary>
    public bool? Playground { get; set; }

    /// <summary><c>Strict-Transport-Security</c> max-age on answers served over HTTPS; zero sends none. Default 365 days.</summary>
    public TimeSpan HstsMaxAge { get; set; } = TimeSpan.FromDays(365);

    // Web:KnownProxies and Web:KnownNetworks are read by WebSecurity.ForwardedOptions (a list or one comma-separated value).
}
