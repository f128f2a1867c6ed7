using Microsoft.Extensions.Options;

namespace TikTokBot.Web.Security;

/// <summary>
/// The headers every answer carries. The app's own pages load script and style from files only (no inline script, no
/// inline style), so their policy allows nothing else; the Hangfire dashboard sets inline styles, so its pages allow
/// those, and still no inline script. No page may be framed (clickjacking on the login and dashboard forms).
/// </summary>
internal static class SecurityHeaders
{
    public const string PagePolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; " +
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public const string DashboardPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self'; " +
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, IConfiguration configuration)
    {
        var dashboard = new PathString("/" + (configuration["Scheduler:DashboardPath"] ?? "/hangfire").Trim('/'));
        var web = app.ApplicationServices.GetRequiredService<IOptionsMonitor<WebOptions>>();
        return app.Use((http, next) =>
        {
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
            headers.ContentSecurityPolicy = http.Request.Path.StartsWithSegments(dashboard) ? DashboardPolicy : PagePolicy;
            // Only over HTTPS (directly, or as a named proxy says): a browser ignores it over plain HTTP anyway.
            if (http.Request.IsHttps && web.CurrentValue.HstsMaxAge > TimeSpan.Zero)
            {
                headers.StrictTransportSecurity = $"max-age={(long)web.CurrentValue.HstsMaxAge.TotalSeconds}";
            }

            return next(http);
        });
    }
}
