using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using TikTokBot.Checkins;
using TikTokBot.Domain.Metrics;
using TikTokBot.Storage;
using TikTokBot.Tests.Digests;

namespace TikTokBot.Tests.Checkins;

/// <summary>
/// The weekly check-in recap of a channel: its own recurring job in the channel's time zone on the digests' scheduler, a
/// week of fixes sorted into the advertiser's days, posted once.
/// </summary>
public sealed class WeeklyRecapTests : IAsyncLifetime
{
    private const string Team = DigestAppFactory.Team;
    private const string Channel = "C0RECAP";
    private static readonly DateOnly WeekStart = new(2026, 11, 16);
    private ScriptedSlack _slack = null!;

    public async Task InitializeAsync() => _slack = await ScriptedSlack.StartAsync();

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    [Fact]
    public async Task The_recap_of_a_week_with_three_fixes_followed_up_counts_one_better_one_unclear_one_worse_and_is_posted_once_on_monday_9am_in_the_channels_zone()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 10, 10, 0, 0, TimeSpan.Zero));
        await using var app = new DigestAppFactory(_slack, clock, new Dictionary<string, string>());
        await app.StartAsync();
        var fixes = app.Store.Fixes;
        var other = app.Services.GetRequiredService<IWorkspaceStorage>().ForTeam("T0ELSE").Fixes;

        // The follow-ups are written as the follow-up job writes them (their due days far off, so the hourly job leaves them to the test).
        async Task Apply(IFixRepository repository, string id, string campaign, string rule, string title, MetricId metric, string owner = "U0ANA")
        {
            await repository.TakeAsync(new FixDetails(id, campaign, null, rule, title, metric, null, "as it stood", owner, owner, Channel, "1700000000.999999"), default);
            Assert.True(await repository.MarkDoneAsync(id, owner, byAction: false, restartsLearning: false, new DateOnly(2027, 1, 1), default));
        }

        Task At(int day, int hour)
        {
            clock.SetUtcNow(new DateTimeOffset(2026, 11, day, hour, 0, 0, TimeSpan.Zero));
            return Task.CompletedTask;
        }

        await Apply(fixes, "fix-old", "1800000000000041", "old-rule", "An older fix", MetricId.Ctr);
        await At(13, 10);
        await Apply(fixes, "fix-better", "1800000000000042", "weak-hook", "Weak hook", MetricId.Ctr);
        await At(14, 10);
        // Followed up the week before: not this week's.
        Assert.True(await fixes.RecordFollowUpAsync("fix-old", "Better", "CTR (destination) 1.00% → 1.20% (+20.0%), 2026-11-07..2026-11-09 against 2026-11-11..2026-11-13", default));
        await At(16, 10);
        await Apply(fixes, "fix-unclear", "1800000000000044", "landing-page", "The landing page is not converting", MetricId.CvrClicks);
        await At(17, 10);
        await Apply(fixes, "fix-worse", "1800000000000043", "call-to-action", "Interest, but few clicks through", MetricId.DestinationShareOfClicks, "U0BEN");
        // 0.71% → 0.83%: +0.12 / 0.71 = +16.9%.
        Assert.True(await fixes.RecordFollowUpAsync("fix-better", "Better", "CTR (destination) 0.71% → 0.83% (+16.9%), 2026-11-10..2026-11-12 against 2026-11-14..2026-11-16", default));
        await At(18, 10);
        // Another workspace's fix on the same campaign, applied and followed up this week: never in this one's recap.
        await Apply(other, "fix-else", "1800000000000042", "weak-hook", "Weak hook", MetricId.Ctr, "U0EVE");
        Assert.True(await other.RecordFollowUpAsync("fix-else", "Better", "CTR (destination) 0.50% → 0.90% (+80.0%)", default));
        await At(20, 10);
        // 0.80% → 0.84%: +0.04 / 0.80 = +5.0%, within chance.
        Assert.True(await fixes.RecordFollowUpAsync("fix-unclear", "NoClearChange", "CVR (clicks) 0.80% → 0.84% (+5.0%), 2026-11-13..2026-11-15 against 2026-11-17..2026-11-19", default));
        await At(21, 10);
        // 40.00% → 32.00%: -8 / 40 = -20.0%.
        Assert.True(await fixes.RecordFollowUpAsync("fix-worse", "Worse", "Clicks to the destination 40.00% → 32.00% (-20.0%), 2026-11-14..2026-11-16 against 2026-11-18..2026-11-20", default));
        await Apply(fixes, "fix-open", "1800000000000045", "weak-hook", "Weak hook", MetricId.Ctr, "U0CAL");
        // 2026-11-23 02:00 UTC is Sunday 21:00 in New York but Monday in the advertiser's days (UTC): not this week's.
        await At(23, 2);
        await Apply(fixes, "fix-late", "1800000000000048", "weak-hook", "Weak hook", MetricId.Ctr);

        // The channel subscribes on Monday morning (08:00 in New York); its recap job comes with the hourly schedule check.
        await At(23, 13);
        var subscription = await app.SubscribeAsync(Channel, new TimeOnly(8, 0), "America/New_York");
        var scheduler = app.Services.GetRequiredService<RecapScheduler>();
        // (The hourly check may have made it already: either way a second check finds nothing to change.)
        await scheduler.SyncAsync(default);
        Assert.Equal((0, 0), await scheduler.SyncAsync(default));
        // Checkins:Recap:Day Monday, Hour 9, in the channel's zone: 14:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 14, 0, 0, TimeSpan.Zero), scheduler.NextFiring(Team, Channel));

        await At(23, 14);
        await app.Jobs.UntilAsync(async () => await app.Store.Recaps.FindPostedAsync(subscription.Id, WeekStart, default) is not null, "the week's recap posted");
        await app.WaitUntilIdleAsync();

        var recap = Assert.Single(_slack.To(Channel), p => p.Text.StartsWith("Weekly check-in", StringComparison.Ordinal));
        Assert.Equal("Weekly check-in 2026-11-16 to 2026-11-22: 3 fix(es) applied, 3 followed up: 1 better, 1 no clear change yet, 1 worse.", recap.Text);
        var text = Regex.Unescape(recap.Blocks);
        Assert.Contains("Weekly check-in · 2026-11-16 to 2026-11-22", text);
        Assert.Contains(
            "*Fixed this week*\n" +
            "• *The landing page is not converting* on *campaign-44 Webinar Leads* (<@U0ANA>), applied 2026-11-16\n" +
            "• *Interest, but few clicks through* on *campaign-43 App Install Push* (<@U0BEN>), applied 2026-11-17\n" +
            "• *Weak hook* on *campaign-45 New Collection Launch* (<@U0CAL>), applied 2026-11-21\"", text);
        Assert.Contains(
            "*What moved*\n" +
            "• *Weak hook* on *campaign-42 Autumn Sale*: :white_check_mark: better: CTR (destination) 0.71% → 0.83% (+16.9%)\n" +
            "• *The landing page is not converting* on *campaign-44 Webinar Leads*: :hourglass: no clear change yet: CVR (clicks) 0.80% → 0.84% (+5.0%)\n" +
            "• *Interest, but few clicks through* on *campaign-43 App Install Push*: :x: worse: Clicks to the destination 40.00% → 32.00% (-20.0%)\"", text);
        Assert.DoesNotContain("U0EVE", text);
        Assert.DoesNotContain("An older fix", text);
        Assert.DoesNotContain("campaign-48", text);
        Assert.Equal(recap.Ts, await app.Store.Recaps.FindPostedAsync(subscription.Id, WeekStart, default));

        // Fired again (by hand, or by another instance): the week is posted already.
        app.Services.GetRequiredService<RecapScheduler>().TriggerNow(Team, Channel);
        await app.WaitUntilIdleAsync();
        Assert.False(await app.Services.GetRequiredService<RecapJob>().SendAsync(Team, subscription.Id, clock.GetUtcNow(), default));
        Assert.Single(_slack.To(Channel), p => p.Text.StartsWith("Weekly check-in", StringComparison.Ordinal));

        // Unsubscribed: its recap job goes at the next check.
        await app.Store.Subscriptions.UnsubscribeAsync(Channel, "U0OWNER", default);
        await scheduler.SyncAsync(default);
        Assert.Null(scheduler.NextFiring(Team, Channel));
    }

    [Fact]
    public async Task A_recap_due_while_no_instance_ran_is_posted_at_the_next_start_and_only_once()
    {
        var data = Directory.CreateTempSubdirectory("tiktokbot-recap-").FullName;
        var settings = new Dictionary<string, string> { ["Storage:DataDirectory"] = data };
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 16, 10, 0, 0, TimeSpan.Zero));
        string subscriptionId;
        await using (var first = new DigestAppFactory(_slack, clock, settings))
        {
            await first.StartAsync();
            subscriptionId = (await first.SubscribeAsync(Channel, new TimeOnly(8, 0), "UTC")).Id;
            clock.SetUtcNow(new DateTimeOffset(2026, 11, 18, 10, 0, 0, TimeSpan.Zero));
            await first.Store.Fixes.TakeAsync(new FixDetails("fix-hook", "1800000000000042", null, "weak-hook", "Weak hook", MetricId.Ctr, null, "as it stood", "U0ANA", "U0ANA", Channel, "1700000000.999999"), default);
            Assert.True(await first.Store.Fixes.MarkDoneAsync("fix-hook", "U0ANA", byAction: false, restartsLearning: false, new DateOnly(2027, 1, 1), default));
            clock.SetUtcNow(new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero));
            Assert.True(await first.Store.Fixes.RecordFollowUpAsync("fix-hook", "Better", "CTR (destination) 0.71% → 0.83% (+16.9%)", default));
            await first.WaitUntilIdleAsync();
        }

        // No instance runs from Friday to Tuesday noon: Monday 09:00 UTC, the recap's firing, passes unseen.
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
        await using var second = new DigestAppFactory(_slack, clock, settings);
        await second.StartAsync();
        // The start-up's schedule check and catch-up run to their end: the definite signal that it posted, or decided not to.
        await second.Services.GetServices<IHostedService>().OfType<RecapSchedule>().Single().ExecuteTask!;
        var recap = Assert.Single(_slack.To(Channel), p => p.Text.StartsWith("Weekly check-in", StringComparison.Ordinal));

        Assert.Equal("Weekly check-in 2026-11-16 to 2026-11-22: 1 fix(es) applied, 1 followed up: 1 better, 0 no clear change yet, 0 worse.", recap.Text);
        Assert.Equal(recap.Ts, await second.Store.Recaps.FindPostedAsync(subscriptionId, WeekStart, default));

        // What a later start finds: the same firing, whose week is posted already.
        var scheduler = second.Services.GetRequiredService<RecapScheduler>();
        var missed = Assert.Single(await scheduler.MissedFiringsAsync(clock.GetUtcNow(), default));
        Assert.Equal((Team, subscriptionId, new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero)), missed);
        Assert.False(await second.Services.GetRequiredService<RecapJob>().SendAsync(Team, subscriptionId, missed.Firing, default));
        Assert.Single(_slack.To(Channel), p => p.Text.StartsWith("Weekly check-in", StringComparison.Ordinal));
    }

    [Theory]
    // Monday 13:59 UTC is 08:59 in New York: the latest 09:00 there is the Monday before.
    [InlineData("2026-11-23T13:59:00Z", "America/New_York", "2026-11-16T14:00:00Z")]
    [InlineData("2026-11-23T14:00:00Z", "America/New_York", "2026-11-23T14:00:00Z")]
    // Sunday in Tokyo is still the week after Monday 09:00 JST.
    [InlineData("2026-11-29T05:00:00Z", "Asia/Tokyo", "2026-11-23T00:00:00Z")]
    // Across the clocks going back in Berlin (25 October): 09:00 CEST on Monday 19 October is 07:00 UTC.
    [InlineData("2026-10-25T12:00:00Z", "Europe/Berlin", "2026-10-19T07:00:00Z")]
    public void The_latest_recap_firing_is_the_last_monday_9am_in_the_channels_zone(string now, string zone, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            RecapScheduler.LatestFiring(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), TimeZoneInfo.FindSystemTimeZoneById(zone), new RecapOptions().Cron));
}
