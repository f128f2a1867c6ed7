using System.Net;
using System.Text.Json;

namespace TikTokBot.Tests.Interactions;

/// <summary>Buttons and events that call Slack's Web API: the calls land at a local fake Slack.</summary>
public sealed class SlackWebApiEndToEndTests : IClassFixture<FakeSlackAppFactory>
{
    private readonly FakeSlackAppFactory _factory;

    public SlackWebApiEndToEndTests(FakeSlackAppFactory factory) => _factory = factory;

    private async Task Post(string path, string body, string contentType = "application/x-www-form-urlencoded")
    {
        using var request = SlackTestRequests.Signed(path, body, contentType);
        using var client = _factory.CreateKestrelClient();
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
    }

    private async Task<(string Method, string Authorization, string Body)> WaitForCall(string method) =>
        (await _factory.WaitForCallsAsync(calls => calls.Any(c => c.Method == method))).First(c => c.Method == method);

    [Fact]
    public async Task Set_success_criteria_opens_a_modal_for_the_reports_campaign_with_the_bot_token()
    {
        var payload = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["type"] = "block_actions",
            ["team"] = new { id = "T-SLACKAPI" },
            ["user"] = new { id = "U-ADMIN" },
            ["trigger_id"] = "trigger-123",
            ["container"] = new { type = "message" },
            ["actions"] = new[] { new { action_id = "report.criteria", type = "button", value = "1800000000000042|7d" } },
        });

        await Post("/slack/interactions", "payload=" + Uri.EscapeDataString(payload));
        var call = await WaitForCall("views.open");

        Assert.Equal($"Bearer {FakeSlackAppFactory.BotToken}", call.Authorization);
        Assert.Contains("trigger-123", call.Body);
        Assert.Contains("settings.criteria", call.Body);
        Assert.Contains("1800000000000042", call.Body);
    }

    [Fact]
    public async Task What_should_i_fix_on_a_shared_report_answers_in_its_thread()
    {
        var payload = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["type"] = "block_actions",
            ["team"] = new { id = "T-SLACKAPI" },
            ["user"] = new { id = "U1" },
            ["trigger_id"] = "trigger-456",
            ["container"] = new { type = "message", message_ts = "1700000000.000100", channel_id = "C-SHARED" },
            ["channel"] = new { id = "C-SHARED" },
            ["message"] = new { ts = "1700000000.000100", text = "campaign-42 Autumn Sale" },
            ["response_url"] = "http://127.0.0.1:9/unused",
            ["actions"] = new[] { new { action_id = "report.fix", type = "button", value = "1800000000000042|7d" } },
        });

        await Post("/slack/interactions", "payload=" + Uri.EscapeDataString(payload));
        var call = await WaitForCall("chat.postMessage");

        Assert.Contains("\"thread_ts\":\"1700000000.000100\"", call.Body);
        Assert.Contains("\"channel\":\"C-SHARED\"", call.Body);
        Assert.Contains("Do this first", call.Body);
    }

    [Fact]
    public async Task Opening_the_home_tab_publishes_the_campaign_list()
    {
        await Post("/slack/events", SlackTestRequests.HomeOpened("T-SLACKAPI", "U-HOME", "Ev-home-1"), "application/json");
        var call = await WaitForCall("views.publish");

        Assert.Contains("U-HOME", call.Body);
        Assert.Contains("campaign-42 Autumn Sale", call.Body);
    }
}
