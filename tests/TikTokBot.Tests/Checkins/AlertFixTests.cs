using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TikTokBot.Alerts;
using TikTokBot.Domain.Alerts;
using TikTokBot.Domain.Checkins;
using TikTokBot.Domain.Metrics;
using TikTokBot.Requests;
using TikTokBot.Slack.Handlers;
using TikTokBot.Storage;
using TikTokBot.Tests.Alerts;
using TikTokBot.Tests.Digests;

namespace TikTokBot.Tests.Checkins;

/// <summary>
/// "I'll take it" and "Assign…" under an alert: the whole app (real SQLite, the demo data) scanning on a fake clock,
/// posting to a scripted Slack, and the presses signed over Kestrel.
/// </summary>
public sealed class AlertFixTests : DemoAlertAppTests
{
    [Fact]
    public async Task An_alerts_fix_is_taken_in_its_thread_with_the_metric_it_is_judged_on_and_no_other_workspace_can_take_it()
    {
        var (app, clock) = await StartAsync();
        await ScanAsync(app);
        // campaign-42's frequency is past the alert level: a warning on its own, with the check-in buttons.
        var alert = _slack.To(Channel).Single(p => p.Text.Contains("Frequency alert: campaign-42", StringComparison.Ordinal));
        var buttons = Elements(alert.Blocks);
        var take = buttons.Single(e => e.GetProperty("action_id").GetString() == ButtonIds.TakeFix).GetProperty("value").GetString()!;
        Assert.Equal($"fa1|{Campaign42}||FrequencyAlert", take);
        Assert.Contains(buttons, e => e.GetProperty("type").GetString() == "users_select" && e.GetProperty("action_id").GetString() == $"{ButtonIds.AssignFix}.{take}");

        // Another workspace pressing the same value, in a channel of the same name: nothing is recorded or said there.
        using var client = app.CreateKestrelClient();
        await PressAsync(app, client, clock, "T-OTHER", "U0STRANGER", new() { ["action_id"] = ButtonIds.TakeFix, ["type"] = "button", ["value"] = take }, alert.Ts);
        Assert.Empty(await Fixes(app, "T-OTHER").ListInProgressAsync(null, null, default));
        Assert.Empty(await Fixes(app, Team).ListInProgressAsync(null, null, default));

        // "I'll take it" in this workspace: recorded in the alert's thread, judged on CTR (a fresh creative is the alert's
        // first fix), its standing in the alert's own words; said in the thread.
        await PressAsync(app, client, clock, Team, "U0MEMBER", new() { ["action_id"] = ButtonIds.TakeFix, ["type"] = "button", ["value"] = take }, alert.Ts);
        var fix = Assert.Single(await Fixes(app, Team).ListInProgressAsync(null, null, default));
        Assert.Equal((Campaign42, null, "alert:FrequencyAlert", "Frequency alert", MetricId.Ctr), (fix.Details.CampaignId, fix.Details.AdGroupId, fix.Details.RuleId, fix.Details.FindingTitle, fix.Details.Metric));
        Assert.Equal(("U0MEMBER", "U0MEMBER", Channel, alert.Ts, clock.GetUtcNow()), (fix.Details.OwnerId, fix.Details.TakenBy, fix.Details.ChannelId, fix.Details.ThreadTs, fix.TakenAt));
        Assert.StartsWith("Frequency 5.52 over the last 8 days", fix.Details.Standing, StringComparison.Ordinal);
        Assert.EndsWith("(CTR (destination) today: 0.69%, Worse)", fix.Details.Standing, StringComparison.Ordinal);
        Assert.Equal(0.006905m, fix.Details.MetricValue);
        var said = _slack.To(Channel).Single(p => p.ThreadTs == alert.Ts);
        Assert.Contains("<@U0MEMBER> took *Frequency alert* on *campaign-42 Autumn Sale*", said.Text, StringComparison.Ordinal);
        Assert.Contains($"\"value\":\"f1|{fix.FixId}\"", said.Blocks, StringComparison.Ordinal);

        // "Assign…": the same fix handed on; the other workspace still has none.
        await PressAsync(app, client, clock, Team, "U0MEMBER", new() { ["action_id"] = $"{ButtonIds.AssignFix}.{take}", ["type"] = "users_select", ["selected_user"] = "U0COLLEAGUE" }, alert.Ts);
        var assigned = Assert.Single(await Fixes(app, Team).ListInProgressAsync("U0COLLEAGUE", null, default));
        Assert.Equal(fix.FixId, assigned.FixId);
        Assert.Empty(await Fixes(app, "T-OTHER").ListInProgressAsync(null, null, default));

        // "Done": a fresh creative restarts learning, so the follow-up waits the 7 learning days and 3 full days.
        await PressAsync(app, client, clock, Team, "U0COLLEAGUE", new() { ["action_id"] = ButtonIds.FixDone, ["type"] = "button", ["value"] = $"f1|{fix.FixId}" }, alert.Ts);
        var done = (await Fixes(app, Team).FindAsync(fix.FixId, default))!;
        Assert.Equal((FixState.Done, true, new DateOnly(2026, 12, 11)), (done.State, done.RestartsLearning, done.FollowUpDue));
    }

    [Fact]
    public async Task A_grouped_alert_gives_each_campaign_line_its_own_take_and_assign_with_ids_unique_in_their_block()
    {
        // Low frequency levels: every demo campaign with reach past 1.02 trips the frequency alert, one cause of several.
        var (app, clock) = await StartAsync(("Alerts:FrequencyWarning", "1.01"), ("Alerts:FrequencyAlert", "1.02"));
        var scan = await ScanAsync(app);
        var warnings = scan.Found.Where(f => f.Severity == TikTokBot.Domain.Alerts.Baselines.AlertSeverity.Warning).ToArray();
        var grouped = Assert.Single(_slack.To(Channel), p => p.Text.StartsWith(":warning:", StringComparison.Ordinal));

        using var document = JsonDocument.Parse(grouped.Blocks);
        var blocks = document.RootElement.EnumerateArray().Where(b => b.GetProperty("type").GetString() == "actions")
            .Select(b => b.GetProperty("elements").EnumerateArray().Select(e => e.GetProperty("action_id").GetString()!).ToList()).ToList();
        var takeBlocks = blocks.Where(ids => ids.Any(id => id.StartsWith(ButtonIds.TakeFix, StringComparison.Ordinal))).ToList();
        Assert.All(takeBlocks, ids => Assert.Equal(ids.Count, ids.Distinct().Count()));
        var takes = takeBlocks.SelectMany(ids => ids).Where(id => id.StartsWith(ButtonIds.TakeFix + ".", StringComparison.Ordinal)).ToList();
        Assert.Equal(warnings.Select(w => $"{ButtonIds.TakeFix}.fa1|{w.Campaign.Id}||FrequencyAlert").Order(), takes.Order());
        Assert.Contains("I\\u0027ll take it: campaign-42 Autumn Sale", grouped.Blocks, StringComparison.Ordinal);

        // campaign-42's line taken: that campaign's fix only.
        using var client = app.CreateKestrelClient();
        await PressAsync(app, client, clock, Team, "U0MEMBER",
            new() { ["action_id"] = $"{ButtonIds.TakeFix}.fa1|{Campaign42}||FrequencyAlert", ["type"] = "button", ["value"] = $"fa1|{Campaign42}||FrequencyAlert" }, grouped.Ts);
        var fix = Assert.Single(await Fixes(app, Team).ListInProgressAsync(null, null, default));
        Assert.Equal((Campaign42, grouped.Ts), (fix.Details.CampaignId, fix.Details.ThreadTs));
    }

    [Fact]
    public async Task The_bots_own_pause_closes_a_spend_without_conversions_fix_and_a_budget_change_leaves_a_ctr_fix_open()
    {
        var (app, clock) = await StartAsync();
        var fixes = Fixes(app, Team);
        await fixes.TakeAsync(new FixDetails("fix-alert-spend", Campaign42, null, FixTarget.RuleIdOf(AlertRule.SpendWithoutConversions), "Spend without conversions",
            MetricId.CostPerConversion, null, "$60 spent today and no conversion", "U0MEMBER", "U0MEMBER", Channel, "1764590400.000100"), default);
        await fixes.TakeAsync(new FixDetails("fix-alert-ctr", Campaign42, null, FixTarget.RuleIdOf(AlertRule.CtrDrop), "CTR dropped",
            MetricId.Ctr, 0.004m, "CTR today 0.4%", "U0MEMBER", "U0MEMBER", Channel, "1764590400.000200"), default);
        var listener = app.Services.GetServices<IAppliedChangeListener>().OfType<TikTokBot.Checkins.FixesClosedByActions>().Single();

        // A budget change: the CTR drop's first fix is a new creative, so it stays open; so does the spend fix.
        await listener.AppliedAsync(new AppliedChange(Team, "act-budget", Campaign42, null, TikTokBot.Domain.Actions.ActionKind.Budget, new DateOnly(2026, 12, 1), false), default);
        Assert.All(await fixes.ListInProgressAsync(null, null, default), f => Assert.Equal(FixState.Open, f.State));

        // The pause: it carries out the spend alert's first fix, applied by the action that day, followed up 3 days on.
        await listener.AppliedAsync(new AppliedChange(Team, "act-pause", Campaign42, "1900000000000001", TikTokBot.Domain.Actions.ActionKind.Pause, new DateOnly(2026, 12, 1), false), default);
        var spend = (await fixes.FindAsync("fix-alert-spend", default))!;
        Assert.Equal((FixState.ClosedByAction, "act-pause", false, new DateOnly(2026, 12, 4), clock.GetUtcNow()), (spend.State, spend.DoneBy, spend.RestartsLearning, spend.FollowUpDue, spend.DoneAt));
        Assert.Equal(FixState.Open, (await fixes.FindAsync("fix-alert-ctr", default))!.State);
    }

    /// <summary>An app at noon whose alerts go to <see cref="DemoAlertAppTests.Channel"/>.</summary>
    private async Task<(DigestAppFactory App, FakeTimeProvider Clock)> StartAsync(params (string Key, string Value)[] settings)
    {
        var (app, clock) = await StartAsync(new FakeTimeProvider(Noon), settings);
        await app.Store.AlertSubscriptions.SubscribeAsync(new AlertSubscriptionDetails(Channel, [], null, null, "UTC"), DigestAppFactory.Subscriber, default);
        return (app, clock);
    }

    private static IFixRepository Fixes(DigestAppFactory app, string team) => app.Services.GetRequiredService<IWorkspaceStorage>().ForTeam(team).Fixes;

    private static List<JsonElement> Elements(string blocks)
    {
        using var document = JsonDocument.Parse(blocks);
        return document.RootElement.EnumerateArray().Where(b => b.TryGetProperty("elements", out _))
            .SelectMany(b => b.GetProperty("elements").EnumerateArray()).Where(e => e.TryGetProperty("action_id", out _)).Select(e => e.Clone()).ToList();
    }

    /// <summary>
    /// A press on the alert's message in the channel (Slack sends the message's ts), awaited to its end; a few seconds
    /// after the last, so the channel's pacing (on the same fake clock) lets the answer out.
    /// </summary>
    private static async Task PressAsync(DigestAppFactory app, HttpClient client, FakeTimeProvider clock, string team, string user, Dictionary<string, object> action, string messageTs)
    {
        clock.Advance(TimeSpan.FromSeconds(5));
        await using var hook = await ResponseUrlHook.StartAsync();
        var payload = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["type"] = "block_actions",
            ["team"] = new { id = team },
            ["user"] = new { id = user },
            ["channel"] = new { id = Channel },
            ["api_app_id"] = "A1",
            ["trigger_id"] = "1.2.3",
            ["response_url"] = hook.Url,
            ["container"] = new { type = "message" },
            ["message"] = new { ts = messageTs, text = "alert" },
            ["actions"] = new[] { action },
        });
        using var request = SlackTestRequests.Signed("/slack/interactions", "payload=" + Uri.EscapeDataString(payload), at: clock.GetUtcNow());
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
        await app.Services.GetRequiredService<SlackDispatcher>().WhenHandlersIdleAsync(default);
    }
}
