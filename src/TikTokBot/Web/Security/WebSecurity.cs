using System.Net;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;

namespace TikTokBot.Web.Security;

/// <summary>
/// The web security policy in one place: which proxies are believed, which host names are served, and (in the order
/// they run) the middleware that applies it. See "Deploying behind a proxy" in the README.
/// </summary>
public static class WebSecurity
{
    /// <summary>Loopback names a health check on the machine itself uses, served besides <c>App:PublicUrl</c>'s host.</summary>
    private static readonly string[] LoopbackHosts = ["localhost", "127.0.0.1", "[::1]"];

    public static IServiceCollection AddWebSecurity(this IServiceCollection services, IConfiguration configuration)
    {
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
