using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace TikTokBot.Web.Security;

/// <summary>
/// The web security policy in one place: which proxies are believed, which host names are served, and (in the order
/// they run) the middleware that applies it. See "Deploying behind a proxy" in the README.
/// </summary>
internal static class WebSecurity
{
    /// <summary>Loopback names a health check on the machine itself uses, served besides <c>App:PublicUrl</c>'s host.</summary>
    private static readonly string[] LoopbackHosts = ["localhost", "127.0.0.1", "[::1]"];

    /// <summary>The rate limiter policy of the login posts (<c>Web:LoginAttempts</c> per <c>Web:LoginWindow</c> and client address).</summary>
    public const string LoginPolicy = "login";

    public static IServiceCollection AddWebSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        // A short token is refused at start, not discovered by whoever guesses it.
        services.AddOptions<WebOptions>()
            .Validate<IConfiguration>(
                (web, config) => config["Scheduler:DashboardToken"] is not { Length: > 0 } token || token.Length >= web.MinimumTokenLength,
                "Scheduler:DashboardToken is shorter than Web:MinimumTokenLength (default 24 characters): choose a longer, random token.")
            .ValidateOnStart();
        services.AddSingleton<LoginSessions>();
        services.AddSingleton<TokenGuesses>();

        // Guesses at the login pages: a fixed budget per client address (the real one, behind a named proxy).
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(LoginPolicy, http =>
            {
                var web = http.RequestServices.GetRequiredService<IOptionsMonitor<WebOptions>>().CurrentValue;
                return RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = Math.Max(1, web.LoginAttempts), Window = web.LoginWindow, QueueLimit = 0, AutoReplenishment = true,
                });
            });
        });

        // The Hangfire dashboard checks an antiforgery token on every write once this service exists.
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "tiktokbot_antiforgery";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.HeaderName = "X-CSRF-TOKEN";
        });

        // "AllowedHosts": "*" (the shipped default) with a public URL set means "only that URL": a request naming another
        // host is refused (400) before anything could build a link or a redirect from it.
        services.PostConfigure<HostFilteringOptions>(options =>
        {
            if (options.AllowedHosts is [] or ["*"] && PublicHost(configuration) is { } host)
            {
                options.AllowedHosts = [host, .. LoopbackHosts];
            }
        });
        return services;
    }

    /// <summary>
    /// The first middleware: who the caller is, then the forwarded client address and scheme from named proxies only,
    /// then the security headers (HSTS needs the scheme the proxy saw).
    /// </summary>
    public static IApplicationBuilder UseWebSecurity(this IApplicationBuilder app, IConfiguration configuration)
    {
        app.UseCallerFacts();
        var forwarded = ForwardedOptions(configuration);
        // The middleware believes every sender when both lists are empty: with no proxy named it must not run at all.
        if (forwarded.KnownProxies.Count > 0 || forwarded.KnownIPNetworks.Count > 0)
        {
            app.UseForwardedHeaders(forwarded);
        }

        app.UseSecurityHeaders(configuration);
        app.UseRateLimiter();
        return app;
    }

    /// <summary>
    /// ASP.NET Core believes loopback proxies by default; here no proxy is believed unless named, so a header a stranger
    /// sends never becomes the client address or makes a plain request look like HTTPS.
    /// </summary>
    public static ForwardedHeadersOptions ForwardedOptions(IConfiguration configuration)
    {
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            // Every named proxy in the chain is peeled off; the first address not named is the client.
            ForwardLimit = null,
        };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in List(configuration, "Web:KnownProxies"))
        {
            options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                ? address
                : throw new InvalidOperationException($"Web:KnownProxies: \"{proxy}\" is not an IP address."));
        }

        foreach (var network in List(configuration, "Web:KnownNetworks"))
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"Web:KnownNetworks: \"{network}\" is not a network such as 10.0.0.0/8."));
        }

        return options;
    }

    /// <summary>A list setting: its numbered children, or one value separated by commas or semicolons.</summary>
    internal static IReadOnlyList<string> List(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var values = section.GetChildren().Select(c => c.Value).Append(section.Value);
        return values.SelectMany(v => (v ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();
    }

    private static string? PublicHost(IConfiguration configuration) =>
        Uri.TryCreate(configuration["App:PublicUrl"], UriKind.Absolute, out var url) ? url.Host : null;
}
