using System.Net;

namespace TikTokBot.Web.Security;

/// <summary>
/// Who is on the other end of a request, recorded before the forwarded headers are applied. Local means the connection
/// itself comes from loopback and carries no forwarding header: a reverse proxy on the same host also connects from
/// loopback, but it always says whom it forwards for.
/// </summary>
internal static class Caller
{
    private static readonly string[] ForwardingHeaders = ["X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "Forwarded", "X-Real-IP"];

    private sealed record Facts(bool IsLocal);

    // The two answers there are, shared by every request: a request's facts are never changed after they are set.
    private static readonly Facts Local = new(true);
    private static readonly Facts NotLocal = new(false);

    /// <summary>The first middleware: notes whether the caller is local while the connection's own address is still there.</summary>
    public static IApplicationBuilder UseCallerFacts(this IApplicationBuilder app) => app.Use(static (http, next) =>
    {
        var remote = http.Connection.RemoteIpAddress;
        http.Features.Set(remote is not null && IPAddress.IsLoopback(remote) && !Forwarded(http.Request.Headers) ? Local : NotLocal);
        return next(http);
    });

    private static bool Forwarded(IHeaderDictionary headers)
    {
        foreach (var header in ForwardingHeaders)
        {
            if (headers.ContainsKey(header))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the request came straight from this machine. False when unknown.</summary>
    public static bool IsLocal(HttpContext http) => http.Features.Get<Facts>()?.IsLocal ?? false;
}
