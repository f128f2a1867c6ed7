using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TikTokBot.Storage;

namespace TikTokBot.Tests.Digests;

/// <summary>Exactly once per subscription and local date, whatever happens between claiming a day and posting it.</summary>
public sealed class DigestDeliveryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday0830Utc = new(2026, 11, 23, 8, 30, 0, TimeSpan.Zero);
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("tiktokbot-digests-").FullName;
    private ScriptedSlack _slack = null!;

    public async Task InitializeAsync() => _slack = await ScriptedSlack.StartAsync();

    public async Task DisposeAsync()
    {
        await _slack.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    [Fact]
    public async Task A_digest_missed_while_the_app_was_down_is_sent_once_on_restart_marked_late()
    {
        var clock = new FakeTimeProvider(Monday0830Utc);
        string subscriptionId;
        await using (var before = Persistent(clock))
        {
            await before.StartAsync();
            subscriptionId = (await before.SubscribeAsync("C0MORNING", new TimeOnly(9, 0), "UTC")).Id;
        }

        clock.SetUtcNow(Monday0830Utc.AddMinutes(75));
        await using var after = Persistent(clock);
        await after.StartAsync();
        await _slack.WaitForAsync(1);
        await Task.Delay(300);

        var late = Assert.Single(_slack.Posted);
        Assert.Equal("C0MORNING", late.Channel);
        Assert.Contains("Late: this digest was due at 2026-11-23 09:00 (UTC) and is 45 min late", late.Blocks, StringComparison.Ordinal);
        Assert.Equal(DeliveryState.Delivered, (await after.Store.Deliveries.FindAsync(subscriptionId, new DateOnly(2026, 11, 23), default))!.State);

        // The next day comes on time, and is not late.
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        await _slack.WaitForAsync(2);
        Assert.DoesNotContain("Late:", _slack.Posted.Last().Blocks, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_day_claimed_by_a_sender_that_crashed_before_posting_is_sent_once_after_its_lease_by_the_restarted_app()
    {
        var clock = new FakeTimeProvider(Monday0830Utc);
        var day = new DateOnly(2026, 11, 23);
        string subscriptionId;
        await using (var crashed = Persistent(clock))
        {
            await crashed.StartAsync();
            subscriptionId = (await crashed.SubscribeAsync("C0CRASH", new TimeOnly(9, 0), "UTC")).Id;

            // The sender claimed the day at 08:59 and died before posting.
            clock.SetUtcNow(Monday0830Utc.AddMinutes(29));
            Assert.True(await crashed.Store.Deliveries.TryClaimAsync(subscriptionId, day, TimeSpan.FromMinutes(10), default));

            // 09:00: the trigger fires, finds the day claimed and not finished, and schedules a look after the lease.
            clock.SetUtcNow(Monday0830Utc.AddMinutes(30));
            await WaitUntilAsync(async () => (await crashed.Store.Deliveries.FindAsync(subscriptionId, day, default))!.State == DeliveryState.Claimed && await RetryScheduledAsync(crashed, subscriptionId));
        }

        Assert.Empty(_slack.Posted);
        await using var restarted = Persistent(clock);
        await restarted.StartAsync();
        clock.SetUtcNow(Monday0830Utc.AddMinutes(40));
        await _slack.WaitForAsync(1);
        await Task.Delay(300);

        Assert.Single(_slack.Posted);
        var delivery = (await restarted.Store.Deliveries.FindAsync(subscriptionId, day, default))!;
        Assert.Equal((DeliveryState.Delivered, 2, 1), (delivery.State, delivery.Attempts, delivery.PartsPosted));
    }

    [Fact]
    public async Task An_app_stopped_while_posting_a_digest_sends_it_once_when_it_starts_again()
    {
        _slack.Answer = (_, call) => call == 0 ? new SlackAnswer.Hang() : new SlackAnswer.Ok();
        string subscriptionId;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await using (var stopping = Persistent(TimeProvider.System))
        {
            await stopping.StartAsync();
            subscriptionId = (await stopping.SubscribeAsync("C0STOP", new TimeOnly(6, 0), "UTC")).Id;
            var quartz = await stopping.Services.GetRequiredService<Quartz.ISchedulerFactory>().GetScheduler();
            await quartz.TriggerJob(TikTokBot.Digests.DigestScheduler.JobKeyFor(DigestAppFactory.Team, subscriptionId));
            await WaitUntilAsync(() => Task.FromResult(_slack.HangingCalls == 1));
        }

        Assert.Empty(_slack.Posted);
        await using var restarted = Persistent(TimeProvider.System);
        await restarted.StartAsync();
        await _slack.WaitForAsync(1);
        await Task.Delay(300);

        Assert.Equal("C0STOP", Assert.Single(_slack.Posted).Channel);
        var delivery = (await restarted.Store.Deliveries.FindAsync(subscriptionId, today, default))!;
        Assert.Equal((DeliveryState.Delivered, 2), (delivery.State, delivery.Attempts));
    }

    [Fact]
    public async Task A_storm_of_429s_delays_every_digest_but_loses_and_doubles_none()
    {
        // The first 40 posts are refused with Retry-After: 1, across every channel.
        _slack.Answer = (_, call) => call < 40 ? new SlackAnswer.RateLimited(1) : new SlackAnswer.Ok();
        await using var app = new DigestAppFactory(_slack, TimeProvider.System, new Dictionary<string, string>
        {
            ["Slack:MaxRetries"] = "2",
            ["Digests:RetryDelays:0"] = "00:00:01",
            ["Digests:RetryDelays:1"] = "00:00:01",
            ["Digests:RetryDelays:2"] = "00:00:01",
            ["Digests:RetryDelays:3"] = "00:00:01",
            ["Digests:RetryDelays:4"] = "00:00:01",
            ["Digests:RetryDelays:5"] = "00:00:01",
        });
        await app.StartAsync();
        var subscriptions = new List<ChannelSubscription>();
        for (var i = 0; i < 12; i++)
        {
            subscriptions.Add(await app.SubscribeAsync($"C0STORM{i % 4}", new TimeOnly(6, 0), "UTC", i % 2 == 0 ? "1800000000000042" : "1800000000000046"));
        }

        // Channels hold one subscription each, so the 12 saves left 4; fire each of them now.
        var active = await app.Store.Subscriptions.ListAsync(default);
        var quartz = await app.Services.GetRequiredService<Quartz.ISchedulerFactory>().GetScheduler();
        foreach (var subscription in active)
        {
            await quartz.TriggerJob(TikTokBot.Digests.DigestScheduler.JobKeyFor(DigestAppFactory.Team, subscription.Id));
        }

        await _slack.WaitForAsync(active.Count, TimeSpan.FromSeconds(60));
        await Task.Delay(500);

        Assert.Equal(4, active.Count);
        Assert.Equal(40, _slack.RateLimitedAnswers);
        Assert.Equal(active.Select(s => s.ChannelId).Order(), _slack.Posted.Select(p => p.Channel).Order());
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        foreach (var subscription in active)
        {
            Assert.Equal(DeliveryState.Delivered, (await app.Store.Deliveries.FindAsync(subscription.Id, today, default))!.State);
        }
    }

    [Theory]
    [InlineData("channel_not_found", "the channel no longer exists or I cannot see it")]
    [InlineData("not_in_channel", "I am no longer in the channel")]
    [InlineData("is_archived", "the channel is archived")]
    public async Task A_channel_that_is_gone_pauses_its_subscription_and_the_subscriber_hears_why_in_a_direct_message(string error, string why)
    {
        _slack.Answer = (channel, _) => channel == "C0GONE" ? new SlackAnswer.Error(error) : new SlackAnswer.Ok();
        await using var app = new DigestAppFactory(_slack, TimeProvider.System, new Dictionary<string, string>());
        await app.StartAsync();
        var subscription = await app.SubscribeAsync("C0GONE", new TimeOnly(6, 0), "UTC");

        var quartz = await app.Services.GetRequiredService<Quartz.ISchedulerFactory>().GetScheduler();
        await quartz.TriggerJob(TikTokBot.Digests.DigestScheduler.JobKeyFor(DigestAppFactory.Team, subscription.Id));
        await _slack.WaitForAsync(1);
        await WaitUntilAsync(async () => !await quartz.Exists(TikTokBot.Digests.DigestScheduler.JobKeyFor(DigestAppFactory.Team, subscription.Id)));

        var dm = Assert.Single(_slack.Posted);
        Assert.Equal(DigestAppFactory.Subscriber, dm.Channel);
        Assert.Contains($"I paused the daily TikTok digest for <#C0GONE>: {why} (Slack said `{error}`)", dm.Text, StringComparison.Ordinal);
        var paused = (await app.Store.Subscriptions.FindAsync(subscription.Id, default))!;
        Assert.Equal(error, paused.PausedReason);
        var delivery = (await app.Store.Deliveries.ListAsync(subscription.Id, default)).Single();
        Assert.Equal((DeliveryState.Failed, error), (delivery.State, delivery.Failure));
    }

    [Theory]
    [InlineData("token_revoked")]
    [InlineData("invalid_auth")]
    [InlineData("msg_too_long")]
    public async Task An_answer_no_retry_can_change_fails_the_day_once_and_schedules_no_retry(string error)
    {
        _slack.Answer = (_, _) => new SlackAnswer.Error(error);
        await using var app = new DigestAppFactory(_slack, TimeProvider.System, new Dictionary<string, string>());
        await app.StartAsync();
        var subscription = await app.SubscribeAsync("C0REVOKED", new TimeOnly(6, 0), "UTC");
        var quartz = await app.Services.GetRequiredService<Quartz.ISchedulerFactory>().GetScheduler();

        await quartz.TriggerJob(TikTokBot.Digests.DigestScheduler.JobKeyFor(DigestAppFactory.Team, subscription.Id));
        await WaitUntilAsync(async () => (await app.Store.Deliveries.ListAsync(subscription.Id, default)).SingleOrDefault()?.State == DeliveryState.Failed);
        await Task.Delay(300);

        var delivery = (await app.Store.Deliveries.ListAsync(subscription.Id, default)).Single();
        Assert.Equal((error, 1), (delivery.Failure, delivery.Attempts));
        Assert.False(await RetryScheduledAsync(app, subscription.Id));
        Assert.False((await app.Store.Subscriptions.FindAsync(subscription.Id, default))!.IsPaused);
        Assert.Empty(_slack.Posted);
    }

    private DigestAppFactory Persistent(TimeProvider clock) => new(_slack, clock, new Dictionary<string, string>
    {
        ["Storage:DataDirectory"] = _dataDirectory,
        ["Scheduler:Store"] = "Sqlite",
    });

    /// <summary>The subscription's job has its daily trigger and one retry.</summary>
    private static async Task<bool> RetryScheduledAsync(DigestAppFactory app, string subscriptionId)
    {
        var quartz = await app.Services.GetRequiredService<Quartz.ISchedulerFactory>().GetScheduler();
        var triggers = await quartz.QueryTriggers(new Quartz.TriggerQuery { Job = TikTokBot.Digests.DigestScheduler.JobKeyFor(DigestAppFactory.Team, subscriptionId) });
        return triggers.Items.Count == 2;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.True(await condition(), "the condition was not met within 30 s");
    }
}
