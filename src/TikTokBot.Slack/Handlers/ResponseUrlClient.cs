using System.Net.Http.Headers;
using System.Text.Json;
using TikTokBot.Slack.BlockKit;
using TikTokBot.Slack.WebApi;

namespace TikTokBot.Slack.Handlers;

/// <summary>Posts delayed answers to a request's response_url, through the same retry pipeline as the Web API.</summary>
internal sealed class ResponseUrlClient(SlackApiTransport transport, TimeProvider time)
{
    public const int MaxUses = 5;
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    public DateTimeOffset Now => time.GetUtcNow();

    public async Task PostAsync(string responseUrl, SlackMessage message, CancellationToken ct)
    {
        var bytes = BlockKitJson.SerializeToUtf8Bytes(message);
        using var response = await transport.SendAsync(new Uri(responseUrl, UriKind.Absolute), "response_url", null, () =>
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            return content;
        }, ct);
        if (!response.IsSuccessStatusCode)
            throw new SlackApiException("response_url", "http_" + (int)response.StatusCode);
    }
}
