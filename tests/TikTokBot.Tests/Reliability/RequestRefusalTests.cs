using System.Globalization;
using System.Net;
using System.Text;
using TikTokBot.Slack.Verification;

using TikTokBot.Tests.Permissions;

namespace TikTokBot.Tests.Reliability;

/// <summary>
/// Every signed endpoint of the real app refuses unsigned, mis-signed, replayed and oversized requests before it
/// parses anything: the bodies here would be a 400 if they were ever parsed, and a valid command if tampering worked.
/// </summary>
public sealed class RequestRefusalTests : IClassFixture<FakeSlackAppFactory>
{
    private readonly FakeSlackAppFactory _factory;

    public RequestRefusalTests(FakeSlackAppFactory factory) => _factory = factory;

    public static TheoryData<string, string, HttpStatusCode> Cases()
    {
        var data = new TheoryData<string, string, HttpStatusCode>();
        foreach (var path in new[] { "/slack/commands", "/slack/interactions", "/slack/events" })
        {
            data.Add(path, "unsigned", HttpStatusCode.Unauthorized);
            data.Add(path, "no timestamp", HttpStatusCode.Unauthorized);
            data.Add(path, "signed with another secret", HttpStatusCode.Unauthorized);
            data.Add(path, "body changed after signing", HttpStatusCode.Unauthorized);
            data.Add(path, "replayed 6 minutes later", HttpStatusCode.Unauthorized);
            data.Add(path, "timestamp 6 minutes ahead", HttpStatusCode.Unauthorized);
            data.Add(path, "v1 signature", HttpStatusCode.Unauthorized);
            data.Add(path, "oversized, signed", HttpStatusCode.RequestEntityTooLarge);
            data.Add(path, "oversized, chunked, signed", HttpStatusCode.RequestEntityTooLarge);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_request_that_is_not_provably_from_slack_is_refused_before_parsing(string path, string attack, HttpStatusCode expected)
    {
        var team = "T-REFUSE-" + Guid.NewGuid().ToString("N")[..8];
        var body = path == "/slack/commands"
            ? $"team_id={team}&channel_id=C1&user_id=U-ADMIN&command=%2Fttmetrics&text=alias+refused+campaign-42&response_url=not-a-url"
            : "payload=%7Bbroken";
        if (attack.StartsWith("oversized", StringComparison.Ordinal))
        {
            body += "&pad=" + new string('x', SlackVerificationFilter.MaxBodyBytes);
        }

        var now = TikTokBot.Testing.RunningClock.Shared.GetUtcNow().ToUnixTimeSeconds();
        var timestamp = attack switch
        {
            "replayed 6 minutes later" => now - 360,
            "timestamp 6 minutes ahead" => now + 360,
            _ => now,
        };
        var ts = timestamp.ToString(CultureInfo.InvariantCulture);
        var bytes = Encoding.UTF8.GetBytes(body);
        var signature = attack switch
        {
            "signed with another secret" => SlackSignature.Sign("another-secret", ts, bytes),
            "v1 signature" => "v1=" + SlackSignature.Sign(KestrelAppFactory.SigningSecret, ts, bytes)[3..],
            _ => SlackSignature.Sign(KestrelAppFactory.SigningSecret, ts, bytes),
        };
        if (attack == "body changed after signing")
        {
            bytes = Encoding.UTF8.GetBytes(body.Replace("refused", "changed", StringComparison.Ordinal).Replace("broken", "brokem", StringComparison.Ordinal));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = attack.Contains("chunked", StringComparison.Ordinal) ? new StreamContent(new MemoryStream(bytes)) : new ByteArrayContent(bytes),
        };
        request.Content.Headers.ContentType = new(path == "/slack/events" ? "application/json" : SlackTestRequests.Form);
        if (attack.Contains("chunked", StringComparison.Ordinal))
        {
            request.Headers.TransferEncodingChunked = true;
        }

        if (attack != "unsigned")
        {
            request.Headers.Add(SlackSignature.SignatureHeader, signature);
            if (attack != "no timestamp")
            {
                request.Headers.Add(SlackSignature.TimestampHeader, ts);
            }
        }

        using var client = _factory.CreateKestrelClient();
        var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        Assert.DoesNotContain("campaign", await response.Content.ReadAsStringAsync());
        Assert.Contains("No campaign called \\u0060refused", await SlackAsk.Command(_factory, team, "U-READER", "refused"));
    }
}
