using System.Text.Encodings.Web;

namespace TikTokBot.Accounts;

internal static class AccountsEndpoints
{
    /// <summary>Maps <c>GET /tiktok/oauth/callback</c>, where TikTok sends the person back after authorising advertisers.</summary>
    public static IEndpointRouteBuilder MapTikTokAccounts(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(AccountsService.CallbackPath, CallbackAsync);
        return endpoints;
    }

    private static async Task<IResult> CallbackAsync(HttpContext http, AccountsService accounts, CancellationToken ct)
    {
        var query = http.Request.Query;
        var authCode = query["auth_code"].FirstOrDefault() ?? query["code"].FirstOrDefault();
        var outcome = await accounts.CompleteConnectAsync(query["state"].FirstOrDefault(), authCode, ct);

        // The address still holds the auth code: keep it out of caches and of any Referer header.
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        return outcome switch
        {
            ConnectOutcome.Connected connected => Page(StatusCodes.Status200OK, "TikTok connected", Connected(connected)),
            ConnectOutcome.Failed failed => Page(StatusCodes.Status400BadRequest, "TikTok was not connected", Paragraph(failed.Message)),
            _ => throw new InvalidOperationException($"Unexpected outcome {outcome.GetType().Name}"),
        };
    }

    private static string Connected(ConnectOutcome.Connected connected)
    {
        var items = string.Concat(connected.Advertisers.Select(a =>
            $"<li><strong>{Html(a.Name)}</strong> ({Html(a.AdvertiserId)}): money in {Html(a.Currency.Code)}, days in {Html(a.TimeZone)}</li>"));
        var body = $"<p>These TikTok advertiser accounts are now connected to your Slack workspace:</p><ul>{items}</ul>";
        if (connected.WithoutReportingPermission.Count > 0)
        {
            body += Paragraph($"Not connected, because the authorisation may not read their reports: {string.Join(", ", connected.WithoutReportingPermission)}.");
        }

        return body + Paragraph("You can close this page and go back to Slack; TikTokBot sent you a message there too. `/ttmetrics accounts` lists what is connected.");
    }

    private static string Paragraph(string text) => $"<p>{Html(text)}</p>";

    private static string Html(string text) => HtmlEncoder.Default.Encode(text);

    private static IResult Page(int status, string title, string body) => Results.Text(
        $"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{Html(title)}</title></head>
        <body><h1>{Html(title)}</h1>{body}</body></html>
        """,
        "text/html; charset=utf-8",
        statusCode: status);
}
