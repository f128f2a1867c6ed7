using System.Globalization;
using System.Text;
using System.Text.Json;
using TikTokBot.Slack.Verification;

namespace TikTokBot.LoadTest;

/// <summary>A request body signed the way Slack signs it; Slack accepts the timestamp for five minutes, so it can be replayed.</summary>
internal sealed record SignedRequest(byte[] Body, string Timestamp, string Signature)
{
    public const string FormContentType = "application/x-www-form-urlencoded";

    public static SignedRequest Sign(string secret, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return new SignedRequest(bytes, timestamp, SlackSignature.Sign(secret, timestamp, bytes));
    }

    public HttpRequestMessage ToHttp(Uri url, string contentType = FormContentType)
    {
        var content = new ByteArrayContent(Body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.Add(SlackSignature.TimestampHeader, Timestamp);
        request.Headers.Add(SlackSignature.SignatureHeader, Signature);
        return request;
    }

    /// <summary>Three files per request (PREFIX.body, .timestamp, .signature), read by bench/wrk/signed-post.lua and by <c>rate</c>.</summary>
    public void WriteTo(string prefix)
    {
        File.WriteAllBytes(prefix + ".body", Body);
        File.WriteAllText(prefix + ".timestamp", Timestamp);
        File.WriteAllText(prefix + ".signature", Signature);
    }

    public static SignedRequest ReadFrom(string prefix) =>
        new(File.ReadAllBytes(prefix + ".body"), File.ReadAllText(prefix + ".timestamp"), File.ReadAllText(prefix + ".signature"));
}

/// <summary>The two requests the load tests replay: a summary and a press of the report's "What should I fix?" button.</summary>
internal static class SignedRequests
{
    public const string DemoCampaignId = "1800000000000042";

    public static string SummaryBody(string responseUrl, string text = "campaign-42") =>
        "token=bench&team_id=T-BENCH&team_domain=bench&channel_id=C-BENCH&channel_name=bench&user_id=U-BENCH&user_name=bench" +
        $"&command=%2Fttmetrics&text={Uri.EscapeDataString(text)}&response_url={Uri.EscapeDataString(responseUrl)}" +
        "&trigger_id=1.2.3&api_app_id=A-BENCH";

    // A private report's button: Slack sends no message, so the fixes go back through response_url.
    public static string FixButtonBody(string responseUrl) => "payload=" + Uri.EscapeDataString(JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["type"] = "block_actions",
        ["team"] = new { id = "T-BENCH" },
        ["user"] = new { id = "U-BENCH" },
        ["api_app_id"] = "A-BENCH",
        ["trigger_id"] = "1.2.3",
        ["response_url"] = responseUrl,
        ["container"] = new { type = "message" },
        ["actions"] = new[] { new { action_id = "report.fix", type = "button", value = $"{DemoCampaignId}|7d" } },
    }));

    public static int Write(Arguments arguments)
    {
        var secret = arguments.Text("secret");
        var responseUrl = arguments.Text("response-url");
        var prefix = arguments.Text("out");
        SignedRequest.Sign(secret, SummaryBody(responseUrl)).WriteTo(prefix + ".summary");
        SignedRequest.Sign(secret, FixButtonBody(responseUrl)).WriteTo(prefix + ".button");
        return 0;
    }
}
