using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TikTokBot.Domain.Metrics;
using TikTokBot.Reports;
using TikTokBot.Requests;
using TikTokBot.Storage;
using TikTokBot.Tests.Digests;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.Tests.Checkins;

/// <summary>
/// The daily digest's check-in part on the demo workspace, on Kestrel with the scripted Slack, real SQLite and Hangfire on
/// a fake clock: who took what yesterday, the follow-up due today with its verdict, and the findings nobody took.
/// </summary>
public sealed class CheckinDigestTests : IAsyncLifetime
{
    private const string Team = DigestAppFactory.Team;
    private const string Channel = "C0CHECK";
    private const string Thread = "1700000000.999999";
    private const string Autumn = "1800000000000042";
    private const string AppPush = "1800000000000043";
    private const string Launch = "1800000000000045";
    private static readonly DateOnly Monday = new(2026, 11, 23);
    private ScriptedSlack _slack = null!;

    public async Task InitializeAsync() => _slack = await ScriptedSlack.StartAsync();

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    [Fact]
    public async Task The_digest_says_who_took_what_yesterday_the_follow_up_due_today_with_its_verdict_and_offers_the_findings_nobody_took_in_one_message()
    {
        // Thursday 2026-11-19 12:00 UTC (the demo campaigns' advertiser is on UTC).
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 19, 12, 0, 0, TimeSpan.Zero));
        await using var app = new DigestAppFactory(_slack, clock, new Dictionary<string, string> { ["Checkins:Digest:MaxFindings"] = "20" });
        await app.StartAsync();
        var subscription = await app.SubscribeAsync(Channel, new TimeOnly(9, 0), "UTC");
        var fixes = app.Store.Fixes;

        // Thursday: the weak hook of campaign-42 (its CTR) is taken and applied: followed up once 11-20..11-22 have closed.
        await fixes.TakeAsync(Details("fix-hook", Autumn, "weak-hook", "Weak hook", MetricId.Ctr, "U0ANA", "U0ANA"), default);
        Assert.True(await fixes.MarkDoneAsync("fix-hook", "U0ANA", byAction: false, restartsLearning: false, new DateOnly(2026, 11, 22), default));
        // and campaign-45's weak hook is taken, never applied: it is someone's, so not offered again.
        await fixes.TakeAsync(Details("fix-launch", Launch, "weak-hook", "Weak hook", MetricId.Ctr, "U0CAL", "U0CAL"), default);

        // Sunday (yesterday for Monday's digest): creative fatigue taken by Ana at 10:00, the CTA assigned to Ben at 23:30.
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));
        await fixes.TakeAsync(Details("fix-fatigue", Autumn, "creative-fatigue", "Creative fatigue", MetricId.Frequency, "U0ANA", "U0ANA"), default);
        // Another workspace's fix on the same campaign and finding is never shown here, and takes nothing from this one.
        var other = app.Services.GetRequiredService<IWorkspaceStorage>().ForTeam("T0ELSE").Fixes;
        await other.TakeAsync(Details("fix-else", Autumn, "weak-hook", "Weak hook", MetricId.Ctr, "U0EVE", "U0EVE"), default);
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 22, 23, 30, 0, TimeSpan.Zero));
        await fixes.TakeAsync(Details("fix-cta", AppPush, "call-to-action", "Interest, but few clicks through", MetricId.DestinationShareOfClicks, "U0BEN", "U0ANA"), default);

        // Monday 09:00: the digest.
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        await app.WaitUntilDeliveredAsync(subscription.Id, Monday);
        await app.WaitUntilIdleAsync();

        var digest = Assert.Single(_slack.To(Channel), p => p.Text.StartsWith("TikTok daily digest", StringComparison.Ordinal));
        Assert.Equal(1, (await app.Store.Deliveries.FindAsync(subscription.Id, Monday, default))!.PartsPosted);
        var blocks = JsonDocument.Parse(digest.Blocks).RootElement.EnumerateArray().ToList();
        Assert.True(blocks.Count <= 50, $"{blocks.Count} blocks");
        Assert.Equal(2, blocks.Count(b => b.GetProperty("type").GetString() == "data_visualization"));
        var text = Regex.Unescape(digest.Blocks);
        Assert.Contains(
            "*Check-in*\nTaken yesterday (2026-11-22):\n" +
            "• <@U0ANA> took *Creative fatigue* on *campaign-42 Autumn Sale*\n" +
            "• <@U0ANA> assigned <@U0BEN> *Interest, but few clicks through* on *campaign-43 App Install Push*\n" +
            "Follow-ups due today (2026-11-23):\n" +
            // Worked by hand from the demo source's days of campaign-42: before (11-16..11-18) 208 + 196 + 200 = 604 clicks of
            // 24,307 + 23,596 + 24,960 = 72,863 impressions = 0.8290%; after (11-20..11-22, Thursday's change day left out)
            // 179 + 173 + 158 = 510 of 24,036 + 24,390 + 23,195 = 71,621 = 0.7121%; 0.7121 / 0.8290 - 1 = -14.1%. Pooled rate
            // 1,114 / 144,484 = 0.7710%, standard error sqrt(0.007710 × 0.992290 × (1/72,863 + 1/71,621)) = 0.0460 points,
            // z = (0.7121 - 0.8290) / 0.0460 = -2.54, beyond ±1.96 at 95%: worse.
            "• *Weak hook* on *campaign-42 Autumn Sale* (<@U0ANA>): :x: worse: " +
            "CTR (destination) 0.83% → 0.71% (-14.1%), 2026-11-16..2026-11-18 against 2026-11-20..2026-11-22\n" +
            "Nobody has taken:", text);
        var source = (await app.Services.GetRequiredService<ReportService>().SourceAsync(Team, default)).Source;
        var before = await source.GetDailyAsync(Scope.Campaign(Autumn), new DateRange(new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 18)), default);
        var after = await source.GetDailyAsync(Scope.Campaign(Autumn), new DateRange(new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 22)), default);
        Assert.Equal((604L, 72_863L, 510L, 71_621L),
            (before.Sum(d => d.Counts.DestinationClicks), before.Sum(d => d.Counts.Impressions), after.Sum(d => d.Counts.DestinationClicks), after.Sum(d => d.Counts.Impressions)));

        // The follow-up the hourly job posts in the fix's thread says the same.
        var followUp = await _slack.PostedAsync(p => p.ThreadTs == Thread && p.Text.StartsWith("*Follow-up on Weak hook*", StringComparison.Ordinal), "the weak hook's follow-up");
        Assert.Contains(":x: It made things worse.\nCTR (destination) 0.83% → 0.71% (-14.1%), 2026-11-16..2026-11-18 against 2026-11-20..2026-11-22.", followUp.Text);

        // Nobody took the other 15 findings of the digest's campaigns (of 19: creative fatigue and the CTA taken yesterday,
        // the weak hooks of campaign-42 (followed up today) and campaign-45 (in progress) are someone's; the other
        // workspace's fix on campaign-42 is not): each campaign's first finding first, all 15 within the 50 blocks.
        var takes = blocks.Where(b => b.GetProperty("type").GetString() == "actions")
            .Select(b => b.GetProperty("elements")[0].GetProperty("value").GetString()!).ToList();
        Assert.Equal(15, takes.Count);
        Assert.Equal(["ft1|1800000000000044||landing-page", "ft1|1800000000000048||weak-hook", "ft1|1800000000000043||weak-hook"], takes.Take(3));
        Assert.DoesNotContain(takes, t => t.EndsWith("||creative-fatigue", StringComparison.Ordinal) || t.StartsWith("ft1|1800000000000042", StringComparison.Ordinal));
        Assert.Equal(13 + 2 + (2 * 15), blocks.Count);
        Assert.DoesNotContain("U0EVE", text);

        // "I'll take it" under the digest, a minute later (the channel's posts are paced on the app's clock): recorded for
        // the presser, answered in the digest's thread.
        clock.Advance(TimeSpan.FromMinutes(1));
        using var client = app.CreateKestrelClient();
        var press = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["type"] = "block_actions", ["team"] = new { id = Team }, ["user"] = new { id = "U0DAN" }, ["channel"] = new { id = Channel },
            ["api_app_id"] = "A1", ["trigger_id"] = "1.2.3", ["container"] = new { type = "message" }, ["message"] = new { ts = digest.Ts },
            ["actions"] = new[] { new Dictionary<string, object> { ["action_id"] = ButtonIds.TakeFix, ["type"] = "button", ["value"] = takes[0] } },
        });
        using var request = SlackTestRequests.Signed("/slack/interactions", "payload=" + Uri.EscapeDataString(press), at: clock.GetUtcNow());
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
        var taken = await _slack.PostedAsync(p => p.ThreadTs == digest.Ts, "the taken fix in the digest's thread");
        Assert.Contains("<@U0DAN> took *The landing page is not converting* on *campaign-44 Webinar Leads*", taken.Text);
        var fix = Assert.Single(await fixes.ListInProgressAsync("U0DAN", null, default));
        Assert.Equal(("1800000000000044", "landing-page", Channel, digest.Ts), (fix.Details.CampaignId, fix.Details.RuleId, fix.Details.ChannelId, fix.Details.ThreadTs));
        Assert.Empty(await other.ListInProgressAsync("U0DAN", null, default));
    }

    [Fact]
    public async Task With_the_default_settings_the_demo_digest_and_its_check_in_part_are_one_message_and_a_fuller_message_gets_a_shorter_part()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 8, 30, 0, TimeSpan.Zero));
        await using var app = new DigestAppFactory(_slack, clock, new Dictionary<string, string>());
        await app.StartAsync();
        var subscription = await app.SubscribeAsync(Channel, new TimeOnly(9, 0), "UTC");
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        await app.WaitUntilDeliveredAsync(subscription.Id, Monday);
        await app.WaitUntilIdleAsync();

        // Digests:MaxCharts 2 and Checkins:Digest:MaxFindings 3: the 13 blocks of the demo digest (header, freshness, 8
        // campaigns, their 2 charts, the demo notice), a divider, the check-in heading, 3 findings of 2 blocks and the count of the rest.
        var digest = Assert.Single(_slack.To(Channel), p => p.Text.StartsWith("TikTok daily digest", StringComparison.Ordinal));
        var blocks = JsonDocument.Parse(digest.Blocks).RootElement.EnumerateArray().ToList();
        Assert.Equal(13 + 2 + (2 * 3) + 1, blocks.Count);
        Assert.Equal(2, blocks.Count(b => b.GetProperty("type").GetString() == "data_visualization"));
        Assert.Contains("16 more finding(s) nobody has taken", Regex.Unescape(digest.Blocks));
        Assert.Equal(1, (await app.Store.Deliveries.FindAsync(subscription.Id, Monday, default))!.PartsPosted);

        // A digest whose last message has 45 blocks gets the 5 it has room for: a divider, the heading, one finding, the count.
        var checkin = app.Services.GetRequiredService<IDigestCheckin>();
        var overviews = await app.Services.GetRequiredService<ReportService>().OverviewsAsync(Team, null, TikTok.Calendar.Period.Default, clock.GetUtcNow(), default);
        Slack.BlockKit.SlackMessage Full(int count) => new() { Text = "digest", Blocks = Enumerable.Range(0, count).Select(i => (Slack.BlockKit.Block)new Slack.BlockKit.DividerBlock()).ToList() };
        var fuller = Assert.Single(await checkin.WithCheckinAsync(Team, overviews, [Full(45)], default));
        Assert.Equal(50, fuller.Blocks!.Count);
        Assert.Single(fuller.Blocks, b => b is Slack.BlockKit.ActionsBlock);
        // With 49, only the heading, which counts the 19 findings; with 50, nothing; and never a second message.
        var nearlyFull = Assert.Single(await checkin.WithCheckinAsync(Team, overviews, [Full(49)], default));
        Assert.Contains("19 finding(s) nobody has taken", Assert.IsType<Slack.BlockKit.SectionBlock>(nearlyFull.Blocks![^1]).Text!.Text);
        Assert.Equal(50, Assert.Single(await checkin.WithCheckinAsync(Team, overviews, [Full(50)], default)).Blocks!.Count);
    }

    [Fact]
    public async Task Digest_now_shows_the_check_in_part_the_channel_would_get_with_this_workspaces_fixes_only()
    {
        // Sunday 10:00 UTC: Ana takes campaign-42's creative fatigue; another workspace takes its weak hook.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));
        await using var app = new DigestAppFactory(_slack, clock, new Dictionary<string, string>
        {
            // The whole preview in the command's own answer, however busy the machine.
            ["Commands:InlineAnswerBudget"] = "00:00:30", ["Slack:AckTimeout"] = "00:00:30", ["Checkins:Digest:MaxFindings"] = "20",
        });
        await app.StartAsync();
        await app.Store.Fixes.TakeAsync(Details("fix-fatigue", Autumn, "creative-fatigue", "Creative fatigue", MetricId.Frequency, "U0ANA", "U0ANA"), default);
        await app.Services.GetRequiredService<IWorkspaceStorage>().ForTeam("T0ELSE").Fixes
            .TakeAsync(Details("fix-else", Autumn, "weak-hook", "Weak hook", MetricId.Ctr, "U0EVE", "U0EVE"), default);

        // Monday 08:30: `digest now`, before the channel's own digest.
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 8, 30, 0, TimeSpan.Zero));
        var here = await DigestNowAsync(app, clock, Team);
        var elsewhere = await DigestNowAsync(app, clock, "T0ELSE");

        Assert.Contains("Preview: the digest as it stands now.", here);
        Assert.Contains("*Check-in*\nTaken yesterday (2026-11-22):\n• <@U0ANA> took *Creative fatigue* on *campaign-42 Autumn Sale*", here);
        Assert.Contains("Nobody has taken:", here);
        // The weak hook taken in the other workspace is still offered here, and Ana's fix is not shown there.
        Assert.Contains("ft1|1800000000000042||weak-hook", here);
        Assert.DoesNotContain("U0EVE", here);
        Assert.DoesNotContain("U0ANA", elsewhere);
        Assert.Contains("<@U0EVE> took *Weak hook* on *campaign-42 Autumn Sale*", elsewhere);
    }

    private static async Task<string> DigestNowAsync(DigestAppFactory app, TimeProvider clock, string team)
    {
        using var client = app.CreateKestrelClient();
        using var request = SlackTestRequests.Signed("/slack/commands",
            $"team_id={team}&channel_id={Channel}&user_id=U0ANA&command=%2Fttmetrics&text=digest%20now&response_url=http%3A%2F%2F127.0.0.1%3A9%2Fx",
            at: clock.GetUtcNow());
        var response = await client.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        // The answer's JSON with its escapes read, as the other checks of this class read the blocks.
        return Regex.Unescape(await response.Content.ReadAsStringAsync());
    }

    private static FixDetails Details(string id, string campaign, string rule, string title, MetricId metric, string owner, string takenBy) =>
        new(id, campaign, null, rule, title, metric, null, "as it stood", owner, takenBy, Channel, Thread);
}
