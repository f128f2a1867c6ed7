namespace TikTokBot.Web;

/// <summary>Configuration <c>Web:*</c>: the web pages, and how the app trusts the reverse proxy in front of it.</summary>
internal sealed class WebOptions
{
    public const string SectionName = "Web";

    /// <summary>
    /// The playground: unset means open only to local callers outside Production; <c>true</c> also opens it to holders
    /// of <c>Scheduler:DashboardToken</c> (the only way in Production); <c>false</c> turns it off everywhere.
    /// </summary>
    public bool? Playground { get; set; }

    /// <summary><c>Strict-Transport-Security</c> max-age on answers served over HTTPS; zero sends none. Default 365 days.</summary>
    public TimeSpan HstsMaxAge { get; set; } = TimeSpan.FromDays(365);

    /// <summary>A login session cookie's life; past half of it a request gets a fresh cookie. Default 8 hours.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>The shortest <c>Scheduler:DashboardToken</c> the app starts with (it guards the dashboard and the playground). Default 24.</summary>
    public int MinimumTokenLength { get; set; } = 24;

    /// <summary>Login posts one client address may make per <see cref="LoginWindow"/>, right or wrong; more get 429. Default 10.</summary>
    public int LoginAttempts { get; set; } = 10;

    /// <summary>The largest login post read; a larger one gets 413 unread. Default 16 KiB.</summary>
    public int LoginFormMaxBytes { get; set; } = 16 * 1024;

    /// <summary>The window <see cref="LoginAttempts"/> counts in. Default 1 minute.</summary>
    public TimeSpan LoginWindow { get; set; } = TimeSpan.FromMinutes(1);

    // Web:KnownProxies and Web:KnownNetworks are read by WebSecurity.ForwardedOptions (a list or one comma-separated value).
}
