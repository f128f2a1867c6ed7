using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TikTokBot.Storage;
using TikTokBot.Testing;

namespace TikTokBot.Tests.Digests;

/// <summary>Exactly once per subscription and local date, whatever happens between claiming a day and posting it.</summary>
public sealed class DigestDeliveryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday0830Utc = new(2026, 11, 23, 8, 30, 0, TimeSpan.Zero);
    private static readonly DateOnly Monday = new(2026, 11, 23);

    private static readonly DateTimeOffset Monday0600Utc = new(2026, 11, 23, 6, 0, 0, TimeSpan.Zero);
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("tiktokbot-digests-").FullName;
    private ScriptedSlack _slack = null!;

    public async Task InitializeAsync() => _slack = await ScriptedSlack.StartAsync();

    public async Task DisposeAsync()
    {
        await _slack.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    [Fact]
    public async Task A_digest_missed_while_the_app_was_down_is_sent_once_on_restart_marked_late_although_the_scheduler_kept_nothing()
    {
        var clock = new FakeTimeProvider(Monday0830Utc);
        string subscriptionId;
        await using (var before = Restartable(clock))
        {
            await before.StartAsync();
            subscriptionId = (await before.SubscribeAsync("C0MORNING", new TimeOnly(9, 0), "UTC")).Id;
        }

        // Down from 08:30 to 09:45; the scheduler's memory store starts empty, our tables know the 09:00 digest is owed.
        clock.SetUtcNow(Monday0830Utc.AddMinutes(75));
        await using var after = Restartable(clock);
        await after.StartAsync();
        await after.WaitUntilDeliveredAsync(subscriptionId, Monday);
        await after.WaitUntilIdleAsync();

        var late = Assert.Single(_slack.Posted);
        Assert.Equal("C0MORNING", late.Channel);
        Assert.Contains("Late: this digest was due at 2026-11-23 09:00 (UTC) and is 45 min late", late.Blocks, StringComparison.Ordinal);

        // The next day comes on time, from the recurring job the restart rebuilt, and is not late.
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        await after.WaitUntilDeliveredAsync(subscriptionId, Monday.AddDays(1));
        await after.WaitUntilIdleAsync();
        Assert.Equal(2, _slack.Posted.Count);
        Assert.DoesNotContain("Late:", _slack.Posted.Last().Blocks, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_digest_says_when_its_figures_were_read_and_lists_the_channels_info_alerts_of_its_day_at_the_end()
    {
        var clock = new FakeTimeProvider(Monday0830Utc);
        await using var app = Restartable(clock);
        await app.StartAsync();
        var subscriptionId = (await app.SubscribeAsync("C0INFO", new TimeOnly(9, 0), "UTC")).Id;
        // Info alerts are kept for the digest, never posted: one of the digest's day (yesterday), one of today, one for another channel.
        var sunday = Monday.AddDays(-1);
        await app.Store.SentAlerts.NoteForDigestAsync(new SentAlertKey("C0INFO", "1800000000000048", "FrequencyWarning", sunday), "campaign-48 Retargeting Test", "Frequency warning: Frequency 3.19 over the last 8 days.", default);
        await app.Store.SentAlerts.NoteForDigestAsync(new SentAlertKey("C0INFO", "1800000000000048", "LearningLimited", Monday), "campaign-48 Retargeting Test", "Told tomorrow.", default);
        await app.Store.SentAlerts.NoteForDigestAsync(new SentAlertKey("C0OTHER", "1800000000000042", "FrequencyWarning", sunday), "campaign-42 Autumn Sale", "Another channel's.", default);

        clock.SetUtcNow(Monday0830Utc.AddMinutes(30));
        await app.WaitUntilDeliveredAsync(subscriptionId, Monday);
        await app.WaitUntilIdleAsync();

        var posted = _slack.Posted.Where(p => p.Channel == "C0INFO").ToArray();
        Assert.Contains("Read 09:00 UTC; yesterday\\u0027s conversions may still grow", posted[0].Blocks, StringComparison.Ordinal);
        var info = posted[^1];
        Assert.Equal("For information, 1 alert(s) of 2026-11-22 that did not need anyone at once:", info.Text);
        Assert.Contains("*campaign-48 Retargeting Test*: Frequency warning: Frequency 3.19 over the last 8 days.", System.Text.RegularExpressions.Regex.Unescape(info.Blocks), StringComparison.Ordinal);
        Assert.DoesNotContain("Told tomorrow", string.Concat(posted.Select(p => p.Blocks)), StringComparison.Ordinal);
        Assert.DoesNotContain("Another channel", string.Concat(posted.Select(p => p.Blocks)), StringComparison.Ordinal);
        Assert.Equal(posted.Length, (await app.Store.Deliveries.FindAsync(subscriptionId, Monday, default))!.PartsPosted);
    }

    [Fact]
    public async Task A_restart_before_the_digest_is_due_sends_nothing_early_and_a_delivered_day_is_not_sent_again()
    {
        var clock = new FakeTimeProvider(Monday0830Utc);
        string subscriptionId;
        await using (var first = Restartable(clock))
        {
            await first.StartAsync();
            subscriptionId = (await first.SubscribeAsync("C0TWICE", new TimeOnly(9, 0), "UTC")).Id;
            clock.SetUtcNow(Monday0830Utc.AddMinutes(30));
            await first.WaitUntilDeliveredAsync(subscriptionId, Monday);
            await first.WaitUntilIdleAsync();
        }

        clock.SetUtcNow(Monday0830Utc.AddHours(2));
        await using var second = Restartable(clock);
        await second.StartAsync();
        await second.WaitUntilIdleAsync();

        Assert.Single(_slack.Posted);
        Assert.Equal(1, (await second.Store.Deliveries.FindAsync(subscriptionId, Monday, default))!.Attempts);
    }

    [Fact]
    public async Task A_day_claimed_by_a_sender_that_crashed_before_posting_is_sent_once_after_its_lease_by_the_restarted_app()
    {
        var clock = new FakeTimeProvider(Monday0830Utc);
        string subscriptionId;
        await using (var crashed = Restartable(clock))
        {
            await crashed.StartAsync();
            subscriptionId = (await crashed.SubscribeAsync("C0CRASH", new TimeOnly(9, 0), "UTC")).Id;

            // The sender claimed the day at 08:59 and died before posting.
            clock.SetUtcNow(Monday0830Utc.AddMinutes(29));
            Assert.True(await crashed.Store.Deliveries.ClaimAsync(subscriptionId, Monday, TimeSpan.FromMinutes(10), default) is not null);

            // 09:00: the recurring job finds the day claimed and not finished, and schedules a look once the lease is over.
            clock.SetUtcNow(Monday0830Utc.AddMinutes(30));
            await crashed.Jobs.UntilAsync(() => crashed.PendingJobs() == 0 && crashed.Services.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi().ScheduledCount() == 1,
                "the look after the lease scheduled");
        }

        // The app is down past the lease; the look it had scheduled was in memory and is gone. Our table still says claimed.
        Assert.Empty(_slack.Posted);
        clock.SetUtcNow(Monday0830Utc.AddMinutes(40));
        await using var restarted = Restartable(clock);
        await restarted.StartAsync();
        await restarted.WaitUntilDeliveredAsync(subscriptionId, Monday);
        await restarted.WaitUntilIdleAsync();

        Assert.Single(_slack.Posted);
        var delivery = (await restarted.Store.Deliveries.FindAsync(subscriptionId, Monday, default))!;
        Assert.Equal((DeliveryState.Delivered, 2, 1), (delivery.State, delivery.Attempts, delivery.PartsPosted));
    }

    [Fact]
    public async Task An_app_stopped_while_posting_a_digest_sends_it_once_when_it_starts_again()
    {
        _slack.Answer = (_, call) => call == 0 ? new SlackAnswer.Hang() : new SlackAnswer.Ok();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 5, 0, 0, TimeSpan.Zero));
        string subscriptionId;
        JobSignals jobs;
        IWorkspaceStore left;
        await using (var stopping = Restartable(clock))
        {
            jobs = stopping.Jobs;
            left = stopping.Store;
            await stopping.StartAsync();
            subscriptionId = (await stopping.SubscribeAsync("C0STOP", new TimeOnly(6, 0), "UTC")).Id;
            var hanging = _slack.WhenHangingAsync();
            clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero));
            await hanging;
        }

        // Stopping cancelled the post and gave the day back, due again at once. The cancelled job may write that a moment
        // after the host's stop returned (seen on a loaded machine): wait for the job's method to return, not for a time,
        // and read what it left through the stopped app's store (the restarted app, once started, retries the day at once).
        await jobs.UntilAsync(() => jobs.Running == 0, "the cancelled digest job returned");
        Assert.Empty(_slack.Posted);
        var interrupted = (await left.Deliveries.FindAsync(subscriptionId, Monday, default))!;
        Assert.Equal((DeliveryState.Failed, "interrupted"), (interrupted.State, interrupted.Failure));
        await using var restarted = Restartable(clock);
        await restarted.StartAsync();
        await restarted.WaitUntilDeliveredAsync(subscriptionId, Monday);
        await restarted.WaitUntilIdleAsync();

        Assert.Equal("C0STOP", Assert.Single(_slack.Posted).Channel);
        var delivery = (await restarted.Store.Deliveries.FindAsync(subscriptionId, Monday, default))!;
        Assert.Equal((DeliveryState.Delivered, 2), (delivery.State, delivery.Attempts));
    }

    [Fact]
    public async Task A_pending_retry_kept_in_our_table_is_resumed_by_the_restarted_app()
    {
        // Slack fails the first post with a 500; the retry is due a minute later, but the app stops before then.
        _slack.Answer = (_, call) => call == 0 ? new SlackAnswer.Error("internal_error") : new SlackAnswer.Ok();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 5, 0, 0, TimeSpan.Zero));
        string subscriptionId;
        await using (var first = Restartable(clock, ("Slack:MaxRetries", "0")))
        {
            await first.StartAsync();
            subscriptionId = (await first.SubscribeAsync("C0RETRY", new TimeOnly(6, 0), "UTC")).Id;
            clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero));
            await first.Jobs.UntilAsync(async () => (await first.Store.Deliveries.FindAsync(subscriptionId, Monday, default))?.NextAttemptAt is not null, "the retry recorded");
            var pending = (await first.Store.Deliveries.FindAsync(subscriptionId, Monday, default))!;
            Assert.Equal((DeliveryState.Failed, new DateTimeOffset(2026, 11, 23, 6, 1, 0, TimeSpan.Zero)), (pending.State, pending.NextAttemptAt));
        }

        clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 6, 1, 0, TimeSpan.Zero));
        await using var restarted = Restartable(clock);
        await restarted.StartAsync();
        await restarted.WaitUntilDeliveredAsync(subscriptionId, Monday);
        await restarted.WaitUntilIdleAsync();

        Assert.Equal("C0RETRY", Assert.Single(_slack.Posted).Channel);
        Assert.Equal(2, (await restarted.Store.Deliveries.FindAsync(subscriptionId, Monday, default))!.Attempts);
    }

    [Fact]
    public async Task A_storm_of_429s_delays_every_digest_but_loses_and_doubles_none()
    {
        // The first 40 posts are refused with Retry-After: 1, across every channel. Each wait of a second (Retry-After,
        // a channel's pace) passes at once on the test clock, which moves on by that second.
        _slack.Answer = (_, call) => call < 40 ? new SlackAnswer.RateLimited(1) : new SlackAnswer.Ok();
        var clock = new TestClock(new DateTimeOffset(2026, 11, 23, 5, 0, 0, TimeSpan.Zero), passWaitsUpTo: TimeSpan.FromSeconds(1));
        await using var app = new DigestAppFactory(_slack, clock, new Dictionary<string, string>
        {
            ["Slack:MaxRetries"] = "2",
            // The clock moves a second at every channel's wait: a timeout on it would count the other channels' waits.
            ["Slack:AttemptTimeout"] = "01:00:00",
            ["Digests:RetryDelays:0"] = "00:00:01",
            ["Digests:RetryDelays:1"] = "00:00:01",
            ["Digests:RetryDelays:2"] = "00:00:01",
            ["Digests:RetryDelays:3"] = "00:00:01",
            ["Digests:RetryDelays:4"] = "00:00:01",
            ["Digests:RetryDelays:5"] = "00:00:01",
        });
        await app.StartAsync();
        for (var i = 0; i < 12; i++)
        {
            await app.SubscribeAsync($"C0STORM{i % 4}", new TimeOnly(6, 0), "UTC", i % 2 == 0 ? "1800000000000042" : "1800000000000046");
        }

        // Channels hold one subscription each, so the 12 saves left 4; at 06:00 Hangfire fires each of them.
        var active = await app.Store.Subscriptions.ListAsync(default);
        clock.SetUtcNow(Monday0600Utc);
        foreach (var subscription in active)
        {
            await app.WaitUntilDeliveredAsync(subscription.Id, Monday);
        }

        await app.WaitUntilIdleAsync();
        Assert.Equal(4, active.Count);
        Assert.Equal(40, _slack.RateLimitedAnswers);
        Assert.Equal(active.Select(s => s.ChannelId).Order(), _slack.Posted.Select(p => p.Channel).Order());
    }

    [Theory]
    [InlineData("channel_not_found", "the channel no longer exists or I cannot see it")]
    [InlineData("not_in_channel", "I am no longer in the channel")]
    [InlineData("is_archived", "the channel is archived")]
    public async Task A_channel_that_is_gone_pauses_its_subscription_and_the_subscriber_hears_why_in_a_direct_message(string error, string why)
    {
        _slack.Answer = (channel, _) => channel == "C0GONE" ? new SlackAnswer.Error(error) : new SlackAnswer.Ok();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 5, 0, 0, TimeSpan.Zero));
        await using var app = new DigestAppFactory(_slack, clock, new Dictionary<string, string>());
        await app.StartAsync();
        var subscription = await app.SubscribeAsync("C0GONE", new TimeOnly(6, 0), "UTC");

        clock.SetUtcNow(Monday0600Utc);
        await app.Jobs.UntilAsync(async () => (await app.Store.Subscriptions.FindAsync(subscription.Id, default))!.IsPaused, "the subscription paused");
        await app.WaitUntilIdleAsync();

        var dm = Assert.Single(_slack.Posted);
        Assert.Equal(DigestAppFactory.Subscriber, dm.Channel);
        Assert.Contains($"I paused the daily TikTok digest for <#C0GONE>: {why} (Slack said `{error}`)", dm.Text, StringComparison.Ordinal);
        Assert.Equal(error, (await app.Store.Subscriptions.FindAsync(subscription.Id, default))!.PausedReason);
        var delivery = (await app.Store.Deliveries.ListAsync(subscription.Id, default)).Single();
        Assert.Equal((DeliveryState.Failed, error, null), (delivery.State, delivery.Failure, delivery.NextAttemptAt));
        Assert.Null(await app.Scheduler.NextFiringAsync(DigestAppFactory.Team, subscription.Id, default));
    }

    [Theory]
    [InlineData("token_revoked")]
    [InlineData("invalid_auth")]
    [InlineData("msg_too_long")]
    public async Task An_answer_no_retry_can_change_fails_the_day_once_and_schedules_no_retry(string error)
    {
        _slack.Answer = (_, _) => new SlackAnswer.Error(error);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 5, 0, 0, TimeSpan.Zero));
        await using var app = new DigestAppFactory(_slack, clock, new Dictionary<string, string>());
        await app.StartAsync();
        var subscription = await app.SubscribeAsync("C0REVOKED", new TimeOnly(6, 0), "UTC");

        clock.SetUtcNow(Monday0600Utc);
        await app.Jobs.UntilAsync(async () => (await app.Store.Deliveries.ListAsync(subscription.Id, default)).SingleOrDefault()?.State == DeliveryState.Failed, "the day failed");
        await app.WaitUntilIdleAsync();

        var delivery = (await app.Store.Deliveries.ListAsync(subscription.Id, default)).Single();
        Assert.Equal((error, 1, (DateTimeOffset?)null), (delivery.Failure, delivery.Attempts, delivery.NextAttemptAt));
        Assert.Equal(1, app.Services.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi().FailedCount());
        Assert.False((await app.Store.Subscriptions.FindAsync(subscription.Id, default))!.IsPaused);
        Assert.Empty(_slack.Posted);
    }

    private DigestAppFactory Restartable(TimeProvider clock, params (string Key, string Value)[] extra) =>
        new(_slack, clock, new Dictionary<string, string>
        {
            ["Storage:DataDirectory"] = _dataDirectory,
            ["Scheduler:Store"] = "Memory",
        }.Concat(extra.Select(e => KeyValuePair.Create(e.Key, e.Value))).ToDictionary());
}
