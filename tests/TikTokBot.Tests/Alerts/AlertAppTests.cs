using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TikTokBot.Alerts;
using TikTokBot.Commands;
using TikTokBot.Domain.Alerts;
using TikTokBot.Permissions;
using TikTokBot.Slack.Handlers;
using TikTokBot.Storage;
using TikTokBot.Tests.Digests;
using TikTokBot.Requests;
using static TikTokBot.Requests.ButtonCodec;

namespace TikTokBot.Tests.Alerts;

/// <summary>
/// The whole app (real SQLite, Hangfire in memory, the demo data) posting alerts to a scripted Slack, on a fake clock.
/// Each scan is awaited to its end, so what Slack holds afterwards is all the scan posted.
/// </summary>
public sealed class AlertAppTests : DemoAlertAppTests
{
    private const string Campaign48 = "1800000000000048";

    /// <summary>campaign-42 only: the demo's one alert-level campaign.</summary>
    private static readonly string[] Only42 = [Campaign42];

    [Fact]
    public async Task A_demo_scan_posts_the_critical_alert_at_once_then_the_warning_and_keeps_the_info_for_the_digest()
    {
        var (app, _) = await StartAsync(Noon);
        await SubscribeAsync(app, new AlertSubscriptionDetails(Channel, [], null, null, "UTC"));

        var scan = await ScanAsync(app);

        // campaign-42's creative fatigue is past the alert level; campaign-48's frequency is past the warning level, and its
        // delivery stopped at 10:00 (no impressions at 10:00 and 11:00).
        Assert.Equal([(Campaign42, AlertRule.FrequencyAlert), (Campaign48, AlertRule.FrequencyWarning), (Campaign48, AlertRule.NoDelivery)],
            scan.Found.Select(f => (f.Campaign.Id, f.Alert.Rule)));
        Assert.Equal([5.52m, 3.19m, 0m], scan.Found.Select(f => Math.Round(Assert.Single(f.Alert.Figures).Value, 2)));
        // Critical first and on its own: campaign-48's delivery stopped. Then the warning, campaign-42's fatigue. Campaign-48's
        // frequency past the warning level is info: kept for the channel's daily digest, never posted on its own.
        Assert.Equal((2, 2, 1), (_slack.Posted.Count, scan.Posted, scan.Noted));
        var critical = _slack.Posted.First();
        Assert.Contains(":rotating_light: No delivery: campaign-48 Retargeting Test: Enabled, but no impressions in the last 2 hours of data.", critical.Text, StringComparison.Ordinal);
        Assert.Contains("*Critical*: money is being lost now", critical.Blocks, StringComparison.Ordinal);
        var posted = _slack.Posted.ElementAt(1);
        Assert.Equal(Channel, posted.Channel);
        Assert.StartsWith(":warning:", posted.Text, StringComparison.Ordinal);
        // Today's figures say when they were read, in the advertiser's zone, and what may still grow.
        Assert.Contains("Read 12:00 UTC; the latest hours may still grow (TikTok reports about 10 minutes behind); yesterday\\u0027s conversions may still grow", posted.Blocks, StringComparison.Ordinal);
        Assert.Contains("Frequency alert: campaign-42 Autumn Sale: Frequency 5.52 over the last 8 days", posted.Text, StringComparison.Ordinal);
        Assert.Contains("5.52 (alert level: 4)", posted.Blocks, StringComparison.Ordinal);
        Assert.Contains("Refresh the creative first", posted.Blocks, StringComparison.Ordinal);
        Assert.Contains("\"value\":\"r1|1800000000000042|today|\"", posted.Blocks, StringComparison.Ordinal);
        Assert.Contains("\"value\":\"al1|1800000000000042|FrequencyAlert\"", posted.Blocks, StringComparison.Ordinal);
        Assert.Contains("Snooze 24 h", posted.Blocks, StringComparison.Ordinal);
        Assert.Contains("Mute this rule for this campaign", posted.Blocks, StringComparison.Ordinal);
        Assert.DoesNotContain("Pause ad group", posted.Blocks, StringComparison.Ordinal);
        var note = Assert.Single(await app.Store.SentAlerts.ListDigestNotesAsync(Channel, new DateOnly(2026, 12, 1), default));
        Assert.Equal(("1800000000000048", nameof(AlertRule.FrequencyWarning)), (note.Key.CampaignId, note.Key.RuleId));
        Assert.StartsWith("Frequency warning: Frequency 3.19", note.Summary, StringComparison.Ordinal);
        var sent = (await app.Store.SentAlerts.ListForDayAsync(Channel, new DateOnly(2026, 12, 1), default)).Single(a => a.Key.CampaignId == Campaign42);
        Assert.Equal((SentAlertState.Posted, posted.Ts), (sent.State, sent.MessageTs));
    }

    [Fact]
    public async Task A_second_scan_the_same_day_posts_nothing_and_the_next_day_alerts_again()
    {
        var (app, clock) = await StartAsync(Noon);
        await SubscribeAsync(app, new AlertSubscriptionDetails(Channel, Only42, null, null, "UTC"));
        await ScanAsync(app);

        clock.Advance(TimeSpan.FromHours(1));
        var again = await ScanAsync(app);

        Assert.Single(again.Found);
        Assert.Equal(0, again.Posted);
        Assert.Single(_slack.Posted);

        clock.Advance(TimeSpan.FromHours(23));
        var tomorrow = await ScanAsync(app);

        Assert.Equal(1, tomorrow.Posted);
        Assert.Equal(2, _slack.Posted.Count);
    }

    [Fact]
    public async Task Quiet_hours_in_Berlin_hold_alerts_across_the_clock_change_and_list_them_once_at_eight_local()
    {
        // Sunday 25 October 2026 Berlin goes from CEST (UTC+2) to CET (UTC+1).
        var (app, clock) = await StartAsync(new DateTimeOffset(2026, 10, 24, 20, 0, 0, TimeSpan.Zero));
        await SubscribeAsync(app, new AlertSubscriptionDetails(Channel, Only42, new TimeOnly(20, 0), new TimeOnly(8, 0), "Europe/Berlin"));

        var evening = await ScanAsync(app); // 22:00 in Berlin
        // campaign-42's fatigue, and (against its own usual evening) its demo day running at 40% of the usual pace.
        Assert.Equal([AlertRule.FrequencyAlert, AlertRule.SpendBelowUsual], evening.Found.Select(f => f.Alert.Rule).Order());
        Assert.Equal((2, 0), (evening.Held, evening.Posted));

        clock.SetUtcNow(new DateTimeOffset(2026, 10, 25, 6, 30, 0, TimeSpan.Zero));
        var early = await ScanAsync(app); // 07:30 CET: still quiet (it would be 08:30 had the clocks not gone back)
        Assert.Equal((early.Found.Count, 0, 0), (early.Held, early.Released, early.Posted));
        Assert.Empty(_slack.Posted);

        clock.SetUtcNow(new DateTimeOffset(2026, 10, 25, 7, 0, 0, TimeSpan.Zero));
        var eight = await ScanAsync(app); // 08:00 CET

        var held = evening.Found.Concat(early.Found).ToArray();
        Assert.Equal((held.Length, 0), (eight.Released, eight.Posted));
        var posted = _slack.Posted.First();
        Assert.Contains($"While this channel was quiet, {held.Length} alert(s)", posted.Text, StringComparison.Ordinal);
        Assert.All(held, alert => Assert.Contains(alert.Alert.Summary, posted.Blocks, StringComparison.Ordinal));
        // As fresh as the earliest scan that held one: 20:00 UTC (the demo advertiser's zone) on the 24th.
        Assert.Contains("Read 20:00 UTC; the latest hours may still grow", posted.Blocks, StringComparison.Ordinal);
        // Its one campaign carries its "What should I fix?" button, for the later day of what was held.
        Assert.Contains("\"action_id\":\"report.fix\"", posted.Blocks, StringComparison.Ordinal);
        Assert.Contains("\"value\":\"r1|1800000000000042|2026-10-25..2026-10-25|\"", posted.Blocks, StringComparison.Ordinal);

        // What was held and no longer holds at eight (the demo's early budget pace) is answered in that message's thread.
        Assert.Equal(eight.Recovered, _slack.Posted.Count - 1);
        Assert.All(_slack.Posted.Skip(1), reply => Assert.Equal(posted.Ts, reply.ThreadTs));

        // At nine nothing already told today is told again; only a rule that first fires now is posted.
        var count = _slack.Posted.Count;
        clock.Advance(TimeSpan.FromHours(1));
        var nine = await ScanAsync(app);
        var toldToday = early.Found.Select(f => f.Alert.RuleId).ToHashSet();
        Assert.Equal(nine.Found.Count(f => !toldToday.Contains(f.Alert.RuleId)), nine.Posted);
        Assert.Equal(count + nine.Posted + nine.Recovered, _slack.Posted.Count);
    }

    [Fact]
    public async Task Snoozed_for_24_hours_and_muted_rules_are_not_told_and_a_forged_campaign_changes_nothing()
    {
        var (app, clock) = await StartAsync(Noon);
        await SubscribeAsync(app, new AlertSubscriptionDetails(Channel, Only42, null, null, "UTC"));
        using var client = app.CreateKestrelClient();

        await PressAsync(app, client, clock, "U0MEMBER", ButtonIds.Snooze, ButtonCodec.Encode(new AlertTarget(Campaign42, AlertRule.FrequencyAlert)));
        var snoozed = Assert.Single(await app.Store.AlertSubscriptions.ListSilencesAsync(default));
        Assert.Equal(Noon.AddHours(24), snoozed.Until);
        Assert.Equal(0, (await ScanAsync(app)).Posted);

        clock.Advance(TimeSpan.FromHours(25));
        Assert.Equal(1, (await ScanAsync(app)).Posted);

        // Mute takes the settings role: a member is refused, an admin mutes, and it is in the audit trail.
        await PressAsync(app, client, clock, "U0MEMBER", ButtonIds.Mute, ButtonCodec.Encode(new AlertTarget(Campaign42, AlertRule.FrequencyAlert)));
        Assert.Empty(await app.Store.AlertSubscriptions.ListSilencesAsync(default));
        await PressAsync(app, client, clock, "U0ADMIN", ButtonIds.Mute, ButtonCodec.Encode(new AlertTarget(Campaign42, AlertRule.FrequencyAlert)));
        Assert.Null(Assert.Single(await app.Store.AlertSubscriptions.ListSilencesAsync(default)).Until);
        Assert.Contains(await app.Store.Audit.ListAsync(20, default), c => c.Setting == "alert silence" && c.NewValue == "muted" && c.ChangedBy == "U0ADMIN");

        clock.Advance(TimeSpan.FromDays(1));
        var muted = await ScanAsync(app);
        Assert.True(Assert.Single(muted.Found).Silenced);
        Assert.Equal(0, muted.Posted);

        // A value naming a campaign this workspace does not read is ignored.
        await PressAsync(app, client, clock, "U0ADMIN", ButtonIds.Snooze, ButtonCodec.Encode(new AlertTarget("1899999999999999", AlertRule.CtrDrop)));
        Assert.Single(await app.Store.AlertSubscriptions.ListSilencesAsync(default));

        // Undo from the list brings the rule back.
        await PressAsync(app, client, clock, "U0ADMIN", ButtonIds.Unmute, ButtonCodec.Encode(new AlertTarget(Campaign42, AlertRule.FrequencyAlert)));
        Assert.Empty(await app.Store.AlertSubscriptions.ListSilencesAsync(default));
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, (await ScanAsync(app)).Posted);
    }

    [Fact]
    public async Task A_condition_gone_at_a_later_scan_is_answered_recovered_in_the_alerts_thread_once()
    {
        var data = Directory.CreateTempSubdirectory("tiktokbot-alerts-").FullName;
        var (first, clock) = await StartAsync(Noon, ("Storage:DataDirectory", data));
        await SubscribeAsync(first, new AlertSubscriptionDetails(Channel, Only42, null, null, "UTC"));
        await ScanAsync(first);
        var alert = Assert.Single(_slack.Posted);
        await StopAsync(first);

        // The same store, with a frequency alert level campaign-42 no longer reaches: the condition is gone. At 13:01, not on
        // a scan's quarter hour: the second app schedules the workspace's recurring scan from the subscriptions table at
        // start, and at 13:00 sharp Hangfire would fire it beside the test's own scans.
        clock.Advance(TimeSpan.FromMinutes(61));
        var (second, _) = await StartAsync(clock, ("Storage:DataDirectory", data), ("Alerts:FrequencyAlert", "50"), ("Alerts:FrequencyWarning", "40"));
        var later = await ScanAsync(second);
        var again = await ScanAsync(second);

        Assert.Equal((1, 0), (later.Recovered, again.Recovered));
        Assert.Equal(2, _slack.Posted.Count);
        var reply = _slack.Posted.Last();
        Assert.Equal(alert.Ts, reply.ThreadTs);
        Assert.Contains("Recovered: Frequency alert on campaign-42 Autumn Sale", reply.Text, StringComparison.Ordinal);
        Assert.NotNull(Assert.Single(await second.Store.SentAlerts.ListForDayAsync(Channel, new DateOnly(2026, 12, 1), default)).RecoveredAt);
    }

    [Fact]
    public async Task An_alert_Slack_refused_is_posted_by_a_scan_after_the_claims_lease_and_only_then()
    {
        var (app, clock) = await StartAsync(Noon);
        await SubscribeAsync(app, new AlertSubscriptionDetails(Channel, Only42, null, null, "UTC"));
        _slack.Answer = (_, call) => call == 0 ? new SlackAnswer.Error("fatal_error") : new SlackAnswer.Ok();

        var refused = await ScanAsync(app);
        clock.Advance(TimeSpan.FromMinutes(5));
        var withinLease = await ScanAsync(app);
        clock.Advance(TimeSpan.FromMinutes(6));
        var afterLease = await ScanAsync(app);
        var again = await ScanAsync(app);

        Assert.Equal((0, 0, 1, 0), (refused.Posted, withinLease.Posted, afterLease.Posted, again.Posted));
        Assert.Contains("campaign-42 Autumn Sale", Assert.Single(_slack.Posted).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Past_the_daily_cap_a_channel_gets_one_summary_of_the_rest()
    {
        // Low frequency levels make most demo campaigns trip a frequency rule; the cap lets two through.
        var (app, clock) = await StartAsync(Noon, ("Alerts:FrequencyWarning", "1.01"), ("Alerts:FrequencyAlert", "1.02"), ("Alerts:MaxPerChannelPerDay", "2"));
        await SubscribeAsync(app, new AlertSubscriptionDetails(Channel, [], null, null, "UTC"));

        var scan = await ScanAsync(app);

        Assert.True(scan.Found.Count >= 4, $"{scan.Found.Count} alerts found");
        Assert.Equal((2, scan.Found.Count - 2), (scan.Posted, scan.Capped));
        // The two within the cap are warnings: they go out together, one message a scan; then the summary of the rest.
        Assert.Equal(2, _slack.Posted.Count);
        var summary = _slack.Posted.Last();
        Assert.Contains($"{scan.Found.Count - 2} more alert(s) today, beyond this channel's 2 a day", summary.Text + summary.Blocks, StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromHours(1));
        await ScanAsync(app);
        Assert.Equal(2, _slack.Posted.Count);
    }

    [Fact]
    public async Task Alerts_commands_subscribe_with_the_settings_role_list_the_rules_and_check_now()
    {
        // A minute past the hour: the scan scheduled by `alerts on` is next due at 13:00, not at once beside `check now`.
        var (app, _) = await StartAsync(Noon.AddMinutes(1));
        using var scope = app.Services.CreateScope();
        var handler = scope.ServiceProvider.GetRequiredService<MetricsCommandHandler>();
        async Task<string> Ask(string user, string text) =>
            string.Join("\n", (await handler.ReplyAsync(CommandParser.Parse(text), new Asker(Team, user, Channel), default)).Select(m => m.Text + " " + System.Text.RegularExpressions.Regex.Unescape(TikTokBot.Slack.BlockKit.BlockKitJson.Serialize(m))));

        Assert.Contains("Only workspace admins", await Ask("U0MEMBER", "alerts on"), StringComparison.Ordinal);
        Assert.Contains("gets alerts for *campaign-42*", await Ask("U0ADMIN", "alerts on campaign-42 quiet 20:00-08:00 Europe/Berlin"), StringComparison.Ordinal);
        var saved = (await app.Store.AlertSubscriptions.FindAsync(Channel, default))!;
        Assert.Equal(Only42, saved.Details.CampaignIds);
        Assert.Equal((new TimeOnly(20, 0), new TimeOnly(8, 0), "Europe/Berlin"), (saved.Details.QuietFrom, saved.Details.QuietTo, saved.Details.TimeZone));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 13, 0, 0, TimeSpan.Zero), app.Services.GetRequiredService<AlertScheduler>().NextScan(Team));

        var list = await Ask("U0MEMBER", "alerts");
        Assert.Contains("frequency ≥ 3 / ≥ 4", list, StringComparison.Ordinal);
        Assert.Contains("quiet 20:00-08:00 Europe/Berlin", list, StringComparison.Ordinal);

        Assert.Contains("Only workspace admins", await Ask("U0MEMBER", "alerts check now"), StringComparison.Ordinal);
        var check = await Ask("U0ADMIN", "alerts check now");
        Assert.Contains("1 alert(s) found", check, StringComparison.Ordinal);
        Assert.Contains("campaign-42 Autumn Sale", check, StringComparison.Ordinal);
        Assert.Contains("Posted 1, held for quiet hours 0", check, StringComparison.Ordinal); // 13:00 in Berlin: not quiet
        Assert.Contains("Read 12:01 UTC; the latest hours may still grow", check, StringComparison.Ordinal);
        Assert.Single(_slack.Posted);
        Assert.Contains("2026-12-01 *Frequency alert* on campaign-42 Autumn Sale: posted", await Ask("U0MEMBER", "alerts"), StringComparison.Ordinal);

        Assert.Contains("gets no more alerts", await Ask("U0ADMIN", "alerts off"), StringComparison.Ordinal);
        Assert.Null(app.Services.GetRequiredService<AlertScheduler>().NextScan(Team));
    }

    [Fact]
    public async Task Critical_alerts_break_the_quiet_hours_of_a_channel_that_asks_for_it_and_warnings_wait_for_the_end()
    {
        // Noon UTC, both channels quiet 11:00-13:00: campaign-48's delivery stopped (critical), campaign-42's fatigue (warning).
        var (app, clock) = await StartAsync(Noon);
        using var scope = app.Services.CreateScope();
        var handler = scope.ServiceProvider.GetRequiredService<MetricsCommandHandler>();
        await SubscribeAsync(app, new AlertSubscriptionDetails("C0LOUD", [Campaign42, Campaign48], new TimeOnly(11, 0), new TimeOnly(13, 0), "UTC"));
        await SubscribeAsync(app, new AlertSubscriptionDetails("C0QUIET", [Campaign42, Campaign48], new TimeOnly(11, 0), new TimeOnly(13, 0), "UTC"));
        async Task<string> Ask(string user, string channel, string text) =>
            string.Join("\n", (await handler.ReplyAsync(CommandParser.Parse(text), new Asker(Team, user, channel), default))
                .Select(m => m.Text + " " + System.Text.RegularExpressions.Regex.Unescape(TikTokBot.Slack.BlockKit.BlockKitJson.Serialize(m))));

        Assert.Contains("Only workspace admins", await Ask("U0MEMBER", "C0LOUD", "alerts critical-in-quiet-hours on"), StringComparison.Ordinal);
        Assert.Contains("gets critical alerts (money lost now", await Ask("U0ADMIN", "C0LOUD", "alerts critical-in-quiet-hours on"), StringComparison.Ordinal);
        Assert.Contains("has no alerts on", await Ask("U0ADMIN", "C0NONE", "alerts critical-in-quiet-hours on"), StringComparison.Ordinal);
        Assert.Contains("(critical alerts still post)", await Ask("U0MEMBER", "C0LOUD", "alerts"), StringComparison.Ordinal);

        var quiet = await ScanAsync(app);

        Assert.Equal((1, 3), (quiet.Posted, quiet.Held));
        var critical = Assert.Single(_slack.Posted);
        Assert.Equal("C0LOUD", critical.Channel);
        Assert.Contains("No delivery: campaign-48 Retargeting Test", critical.Text, StringComparison.Ordinal);
        Assert.Equal([SentAlertState.Held, SentAlertState.Posted],
            (await app.Store.SentAlerts.ListForDayAsync("C0LOUD", new DateOnly(2026, 12, 1), default)).OrderBy(a => a.Key.RuleId).Select(a => a.State));

        // At 13:00 the quiet hours end: each channel gets what it held in one message; the critical is not told twice.
        clock.SetUtcNow(Noon.AddHours(1));
        var after = await ScanAsync(app);

        Assert.Equal((0, 3), (after.Posted, after.Released));
        Assert.Contains("While this channel was quiet, 1 alert(s)", _slack.Posted.Single(p => p.Channel == "C0LOUD" && p != critical).Text, StringComparison.Ordinal);
        Assert.Contains("While this channel was quiet, 2 alert(s)", _slack.Posted.Single(p => p.Channel == "C0QUIET").Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Warnings_of_one_scan_go_out_in_one_message_and_the_buttons_pressed_are_counted_for_the_channels_alerts_list()
    {
        // Low frequency levels: every demo campaign with reach past 1.02 trips the frequency alert, one warning each.
        var (app, clock) = await StartAsync(Noon, ("Alerts:FrequencyWarning", "1.01"), ("Alerts:FrequencyAlert", "1.02"));
        await SubscribeAsync(app, new AlertSubscriptionDetails(Channel, [], null, null, "UTC"));

        var scan = await ScanAsync(app);

        var warnings = scan.Found.Where(f => f.Severity == TikTokBot.Domain.Alerts.Baselines.AlertSeverity.Warning).ToArray();
        Assert.True(warnings.Length >= 3, $"{warnings.Length} warnings");
        var grouped = Assert.Single(_slack.Posted, p => p.Text.StartsWith(":warning:", StringComparison.Ordinal));
        // One advertiser, one rule: one cause naming every campaign, each with its own Snooze and Mute.
        Assert.Equal($":warning: Frequency alert on {warnings.Length} campaigns of {warnings[0].Campaign.Advertiser}", grouped.Text);
        Assert.All(warnings, w => Assert.Contains($"\"value\":\"al1|{w.Campaign.Id}|FrequencyAlert\"", grouped.Blocks, StringComparison.Ordinal));
        // Slack wants action ids unique within a block: each campaign's Snooze and Mute carry its id.
        Assert.All(warnings, w => Assert.Contains($"\"action_id\":\"{ButtonIds.SnoozeFor(w.Campaign.Id)}\"", grouped.Blocks, StringComparison.Ordinal));
        Assert.All(warnings, w => Assert.Contains($"\"action_id\":\"{ButtonIds.MuteFor(w.Campaign.Id)}\"", grouped.Blocks, StringComparison.Ordinal));
        Assert.All(await app.Store.SentAlerts.ListForDayAsync(Channel, new DateOnly(2026, 12, 1), default), a => Assert.Equal(SentAlertState.Posted, a.State));

        using var client = app.CreateKestrelClient();
        await PressAsync(app, client, clock, "U0MEMBER", ButtonIds.SnoozeFor(Campaign42), ButtonCodec.Encode(new AlertTarget(Campaign42, AlertRule.FrequencyAlert)), Channel);
        await PressAsync(app, client, clock, "U0MEMBER", ButtonIds.SnoozeFor(Campaign48), ButtonCodec.Encode(new AlertTarget(Campaign48, AlertRule.FrequencyAlert)), Channel);
        await PressAsync(app, client, clock, "U0ADMIN", ButtonIds.MuteFor(Campaign42), ButtonCodec.Encode(new AlertTarget(Campaign42, AlertRule.FrequencyAlert)), Channel);
        await PressAsync(app, client, clock, "U0ADMIN", ButtonIds.Snooze, ButtonCodec.Encode(new AlertTarget(Campaign48, AlertRule.NoDelivery)), Channel);

        Assert.Equal([new AlertSilenceCount("FrequencyAlert", 2, 1), new AlertSilenceCount("NoDelivery", 1, 0)],
            await app.Store.SentAlerts.ListSilenceCountsAsync(Channel, default));
        using var scope = app.Services.CreateScope();
        var list = string.Join("\n", (await scope.ServiceProvider.GetRequiredService<MetricsCommandHandler>()
            .ReplyAsync(CommandParser.Parse("alerts"), new Asker(Team, "U0MEMBER", Channel), default)).Select(m => TikTokBot.Slack.BlockKit.BlockKitJson.Serialize(m)));
        Assert.Contains("*Rules this channel silences most*", list, StringComparison.Ordinal);
        Assert.Contains("*Frequency alert*: snoozed 2×, muted 1×; the setting that would quiet it: `Alerts:FrequencyAlert` (now 1.02)", System.Text.RegularExpressions.Regex.Unescape(list), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_recurring_scan_fires_on_the_hour_through_Hangfire()
    {
        var (app, clock) = await StartAsync(Noon.AddMinutes(-30));
        await SubscribeAsync(app, new AlertSubscriptionDetails(Channel, Only42, null, null, "UTC"));
        app.Services.GetRequiredService<AlertScheduler>().EnsureScheduled(Team);
        var monitor = app.Services.GetRequiredService<AlertScanMonitor>();

        clock.SetUtcNow(Noon);
        var scans = await monitor.WaitForScansAsync(Team, 1, new CancellationTokenSource(TimeSpan.FromSeconds(90)).Token);

        Assert.Equal(1, scans[0].Posted);
        Assert.Contains("campaign-42 Autumn Sale", Assert.Single(_slack.Posted).Text, StringComparison.Ordinal);
    }

    private Task<(DigestAppFactory App, FakeTimeProvider Clock)> StartAsync(DateTimeOffset at, params (string Key, string Value)[] settings) =>
        StartAsync(new FakeTimeProvider(at), settings);

    private static async Task SubscribeAsync(DigestAppFactory app, AlertSubscriptionDetails details)
    {
        // Stored only: the scans are run by the test, never by the recurring job beside them.
        await app.Store.AlertSubscriptions.SubscribeAsync(details, DigestAppFactory.Subscriber, default);
    }

    private static async Task PressAsync(DigestAppFactory app, HttpClient client, TimeProvider clock, string user, string actionId, string value, string? channel = null)
    {
        await using var hook = await ResponseUrlHook.StartAsync();
        using var request = SlackTestRequests.Signed("/slack/interactions", SlackTestRequests.Press(Team, user, actionId, value, hook.Url, channelId: channel), at: clock.GetUtcNow());
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await app.Services.GetRequiredService<SlackDispatcher>().WhenHandlersIdleAsync(default);
    }
}
