using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace TikTokBot.Web;

/// <summary>Configuration <c>Web:*</c>.</summary>
public sealed class WebOptions
{
    public const string SectionName = "Web";

    /// <summary>
    /// The playground: unset means on when the app listens on loopback only or runs in Development; <c>true</c> also
    /// opens it elsewhere, to holders of <c>Scheduler:DashboardToken</c>; <c>false</c> turns it off everywhere.
    /// </summary>
    public bool? Playground { get; set; }
}

public enum PlaygroundDecision
{
    Open,
    NeedsToken,
    Off,
}

/// <summary>Who may use the playground, which runs commands against the app's real data source.</summary>
public sealed class PlaygroundAccess(IOptionsMonitor<WebOptions> options, IConfiguration configuration, IHostEnvironment environment, IServer server)
{
    public const string CookieName = "tiktokbot_playground";

    public PlaygroundDecision Decide()
    {
        var setting = options.CurrentValue.Playground;
        if (setting == false)
        {
            return PlaygroundDecision.Off;
        }

        if (environment.IsDevelopment() || ListensOnLoopbackOnly(server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []))
        {
            return PlaygroundDecision.Open;
        }

        return setting == true && !string.IsNullOrEmpty(Token) ? PlaygroundDecision.NeedsToken : PlaygroundDecision.Off;
    }

    /// <summary>Whether this request may use the playground: open, or carrying the dashboard token (bearer header or login cookie).</summary>
    public bool Allows(HttpContext http) => Decide() switch
    {
        PlaygroundDecision.Open => true,
        PlaygroundDecision.NeedsToken => HasToken(http),
        _ => false,
    };

    /// <summary>The cookie value a correct token earns: a hash, so the token itself never sits in a browser.</summary>
    public string? CookieFor(string typedToken) =>
        Token is { Length: > 0 } token && Same(typedToken, token) ? Hash(token) : null;

    public static bool ListensOnLoopbackOnly(IEnumerable<string> addresses)
    {
        var any = false;
        foreach (var address in addresses)
        {
            any = true;
            var host = address.Split("://", 2) is [_, var rest] ? rest : address;
            host = host.StartsWith('[') ? host[1..host.IndexOf(']', StringComparison.Ordinal)] : host.Split(':')[0];
            if (!host.Equals("localhost", StringComparison.OrdinalIgnoreCase) && !(IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip)))
            {
                return false;
            }
        }

        return any;
    }

    private string? Token => configuration["Scheduler:DashboardToken"];

    private bool HasToken(HttpContext http)
    {
        var token = Token!;
        var header = http.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && Same(header["Bearer ".Length..].Trim(), token))
        {
            return true;
        }

        return http.Request.Cookies.TryGetValue(CookieName, out var cookie) && Same(cookie, Hash(token));
    }

    private static bool Same(string typed, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(typed)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("playground:" + token)));
}
