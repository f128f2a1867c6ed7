using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TikTokBot.Slack.Verification;

namespace TikTokBot.Tests.Interactions;

/// <summary>The report's buttons, pressed through the real app; answers arrive at a local response_url.</summary>
public sealed class ReportActionsEndToEndTests : IClassFixture<KestrelAppFactory>, IAsyncLifetime
{
    private readonly KestrelAppFactory _factory;
    private readonly ConcurrentQueue<string> _responses = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private WebApplication _hook = null!;
    private string _hookUrl = "";

    public ReportActionsEndToEndTests(KestrelAppFactory factory) => _factory = factory;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _hook = builder.Build();
        _hook.MapPost("/hook", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            _responses.Enqueue(await reader.ReadToEndAsync());
            _arrived.Release();
            return Results.Ok();
        });
        await _hook.StartAsync();
        _hookUrl = _hook.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/hook";
    }

    public async Task DisposeAsync() => await _hook.DisposeAsync();

    private async Task<string> Press(string actionId, string value, bool menu = false)
    {
        var action = menu
            ? new Dictionary<string, object> { ["action_id"] = actionId, ["type"] = "static_select", ["selected_option"] = new { value } }
            : new Dictionary<string, object> { ["action_id"] = actionId, ["type"] = "button", ["value"] = value };
        var payload = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["type"] = "block_actions",
            ["team"] = new { id = "T-BUTTONS" },
            ["user"] = new { id = "U-BUTTONS" },
            ["api_app_id"] = "A1",
            ["trigger_id"] = "1.2.3",
            ["response_url"] = _hookUrl,
            ["container"] = new { type = "message" },
            ["actions"] = new[] { action },
        });
        var body = "payload=" + Uri.EscapeDataString(payload);
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/slack/interactions")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Add(SlackSignature.TimestampHeader, timestamp);
        request.Headers.Add(SlackSignature.SignatureHeader, SlackSignature.Sign(KestrelAppFactory.SigningSecret, timestamp, Encoding.UTF8.GetBytes(body)));
        using var client = _factory.CreateKestrelClient();

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(await _arrived.WaitAsync(TimeSpan.FromSeconds(20)), "no answer arrived at the response_url");
        Assert.True(_responses.TryDequeue(out var answer));
        return answer!;
    }

    [Fact]
    public async Task What_should_i_fix_answers_beside_the_report_with_the_fixes()
    {
        var answer = await Press("report.fix", "1800000000000042|7d");

        Assert.Contains("Do this first:", answer);
        Assert.Contains("\"replace_original\":false", answer);
    }

    [Fact]
    public async Task The_breakdown_menu_answers_with_the_chosen_breakdown()
    {
        var answer = await Press("report.breakdown", "1800000000000044|14d|adgroup", menu: true);

        Assert.Contains("by AdGroup", answer);
        Assert.Contains("Lookalike 1%", answer);
    }

    [Fact]
    public async Task Share_posts_the_report_for_the_whole_channel()
    {
        var answer = await Press("report.share", "1800000000000042|7d");

        Assert.Contains("\"response_type\":\"in_channel\"", answer);
        Assert.Contains("Creative fatigue", answer);
    }
}
