using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TikTokBot.Domain.Metrics;
using TikTokBot.Storage;

namespace TikTokBot.Tests.Checkins;

/// <summary>
/// Ask answers "who took which fix?", "what am I on?" and "fixes for campaign-42" from the check-ins, in Slack's agent
/// messages: signed events to the real app on Kestrel, the answers read from the fake Slack. One workspace never sees
/// another's fixes.
/// </summary>
public sealed class AskFixesTests : IClassFixture<FakeSlackAppFactory>
{
    private const string Team = "T-ASK-FIXES";
    private const string Other = "T-ASK-NOFIXES";
    private const string Campaign42 = "1800000000000042";
    private const string Campaign43 = "1800000000000043";

    private readonly FakeSlackAppFactory _factory;
    private int _events;

    public AskFixesTests(FakeSlackAppFactory factory) => _factory = factory;

    [Fact]
    public async Task Who_took_which_fix_what_am_i_on_and_a_campaigns_fixes_are_answered_from_this_workspaces_check_ins_only()
    {
        var fixes = _factory.Services.GetRequiredService<IWorkspaceStorage>().ForTeam(Team).Fixes;
        await fixes.TakeAsync(new FixDetails("fix-ask-42", Campaign42, null, "creative-fatigue", "Creative fatigue", MetricId.Ctr, 0.0077m,
            "Frequency 5.4 against 3", "U-ASKER", "U-ASKER", "C-TEAM", "1700000000.000100"), default);
        await fixes.TakeAsync(new FixDetails("fix-ask-43", Campaign43, null, "weak-hook", "Weak hook", MetricId.Ctr, 0.0041m,
            "CTR 0.41%", "U-COLLEAGUE", "U-ASKER", "C-TEAM", "1700000000.000200"), default);

        var everyone = await AskAsync(Team, "D-FIX-1", "who took which fix?", "1700000100.000100");
        Assert.Contains("Fixes in progress in this workspace", everyone);
        Assert.Contains("<@U-ASKER>\n*campaign-42 Autumn Sale*\n• Creative fatigue: taken", everyone);
        Assert.Contains("<@U-COLLEAGUE>\n*campaign-43", everyone);

        var mine = await AskAsync(Team, "D-FIX-2", "what am I on?", "1700000100.000200");
        Assert.Contains("Fixes in progress yours", mine);
        Assert.Contains("Creative fatigue", mine);
        Assert.DoesNotContain("Weak hook", mine);

        var campaign = await AskAsync(Team, "D-FIX-3", "fixes for campaign-43", "1700000100.000300");
        Assert.Contains("Fixes in progress on campaign-43", campaign);
        Assert.Contains("Weak hook", campaign);
        Assert.DoesNotContain("Creative fatigue", campaign);

        // Another workspace asking the same: none of these fixes.
        var elsewhere = await AskAsync(Other, "D-FIX-4", "who took which fix?", "1700000100.000400");
        Assert.Contains("No fixes in progress in this workspace", elsewhere);
        Assert.DoesNotContain("Creative fatigue", elsewhere);
    }

    /// <summary>A direct message to the bot; the answer posted in its thread.</summary>
    private async Task<string> AskAsync(string team, string channel, string text, string ts)
    {
        var body = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["type"] = "event_callback",
            ["team_id"] = team,
            ["api_app_id"] = "A1",
            ["event_id"] = $"Ev-{team}-fixes-{Interlocked.Increment(ref _events)}",
            ["event_time"] = 1,
            ["event"] = new { type = "message", channel, user = "U-ASKER", text, ts, channel_type = "im", event_ts = ts },
        });
        using var request = SlackTestRequests.Signed("/slack/events", body, "application/json");
        using var client = _factory.CreateKestrelClient();
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
        var calls = await _factory.WaitForCallsAsync(all => all.Any(c => c.Method == "chat.postMessage" && c.Body.Contains($"\"channel\":\"{channel}\"", StringComparison.Ordinal)));
        var posted = calls.Last(c => c.Method == "chat.postMessage" && c.Body.Contains($"\"channel\":\"{channel}\"", StringComparison.Ordinal)).Body;
        return string.Join("\n", Texts(JsonDocument.Parse(posted).RootElement));
    }

    /// <summary>Every text of the message, as Slack would show it (unescaped), blocks included.</summary>
    private static IEnumerable<string> Texts(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => p.Name == "text" && p.Value.ValueKind == JsonValueKind.String ? [p.Value.GetString()!] : Texts(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Texts),
        _ => [],
    };
}
