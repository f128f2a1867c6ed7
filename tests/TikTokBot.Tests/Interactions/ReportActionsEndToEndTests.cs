using System.Net;
using System.Text.Json;

namespace TikTokBot.Tests.Interactions;

/// <summary>The report's buttons, pressed through the real app; answers arrive at a local response_url.</summary>
public sealed class ReportActionsEndToEndTests : IClassFixture<KestrelAppFactory>, IAsyncLifetime
{
    private readonly KestrelAppFactory _factory;
    private ResponseUrlHook _hook = null!;

    public ReportActionsEndToEndTests(KestrelAppFactory factory) => _factory = factory;

    public async Task InitializeAsync() => _hook = await ResponseUrlHook.StartAsync();

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
            ["response_url"] = _hook.Url,
            ["container"] = new { type = "message" },
            ["actions"] = new[] { action },
        });
        using var request = SlackTestRequests.Signed("/slack/interactions", "payload=" + Uri.EscapeDataString(payload));
        using var client = _factory.CreateKestrelClient();

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await _hook.NextAsync();
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
