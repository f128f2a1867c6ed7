using Microsoft.Extensions.Options;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Hangfire;
using Hangfire.Dashboard;
using TikTokBot.Digests;
using TikTokBot.Web.Security;
using TikTokBot.Jobs;

namespace TikTokBot.Web;

/// <summary>
/// The Hangfire Dashboard behind <c>Scheduler:DashboardToken</c>: a request brings the token as a bearer header, or the
/// session cookie (<see cref="LoginSessions"/>) the login page at <c>{path}/login</c> sets once the token is typed there.
/// Hangfire's default filter (local requests only) is replaced: behind a reverse proxy every request looks local. Writes
/// are checked against the page's antiforgery token by Hangfire itself, since the app registers the antiforgery service.
/// </summary>
internal static class DigestDashboard
{
    /// <summary>
    /// Serves the Hangfire Dashboard at <c>Scheduler:DashboardPath</c> behind <c>Scheduler:DashboardToken</c>; without a
    /// token it is not served at all.
    /// </summary>
    public static IEndpointRouteBuilder MapDigestDashboard(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<SchedulerOptions>>().Value;
        if (!string.IsNullOrEmpty(options.DashboardToken))
        {
            Map(endpoints, options);
        }

        return endpoints;
    }

    private static void Map(IEndpointRouteBuilder endpoints, SchedulerOptions options)
    {
        var path = "/" + options.DashboardPath.Trim('/');
        var token = options.DashboardToken!;
        var login = new LoginKind("tiktokbot-dashboard", path);

        endpoints.MapGet($"{path}/login", () => LoginPage(path, failed: false));
        endpoints.MapPost($"{path}/login", async (HttpContext http) =>
        {
            var (typed, refusal) = await LoginForm.ReadTokenAsync(http.Request);
            if (refusal is not null)
            {
                return refusal;
            }

            if (!SameSecret(typed!, token))
            {
                return LoginPage(path, failed: true);
            }

            http.RequestServices.GetRequiredService<LoginSessions>().Issue(http, login, token);
            return Results.Redirect(path);
        }).RequireRateLimiting(WebSecurity.LoginPolicy);

        endpoints.MapHangfireDashboard(path, new DashboardOptions
        {
            AppPath = null,
            DashboardTitle = "TikTokBot digests",
            Authorization = [new TokenFilter(token, login)],
            IsReadOnlyFunc = _ => !options.DashboardWrite,
        });
    }

    private static IResult LoginPage(string path, bool failed)
    {
        var message = failed ? "<p>That is not the dashboard token.</p>" : "";
        var html = $"""
            <!doctype html><html><head><meta charset="utf-8"><title>TikTokBot digests</title></head><body>
            <h1>TikTokBot digests</h1>{message}
            <form method="post" action="{WebUtility.HtmlEncode(path)}/login">
            <label>Dashboard token <input type="password" name="token" autocomplete="current-password"></label>
            <button type="submit">Open</button></form></body></html>
            """;
        return Results.Content(html, "text/html", Encoding.UTF8, failed ? StatusCodes.Status401Unauthorized : StatusCodes.Status200OK);
    }

    private static bool SameSecret(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));

    private sealed class TokenFilter(string token, LoginKind login) : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context)
        {
            var http = context.GetHttpContext();
            var request = http.Request;
            var header = request.Headers.Authorization.ToString();
            if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                return PlaygroundAccess.BearerIsRight(http, header["Bearer ".Length..].Trim(), token, http.RequestServices.GetRequiredService<TokenGuesses>());
            }

            return http.RequestServices.GetRequiredService<LoginSessions>().IsValid(http, login, token);
        }
    }
}
