using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using TikTokBot.Digests;
using TikTokBot.Storage;
using TikTokBot.Testing;
using TikTokBot.Testing.External;

namespace TikTokBot.Tests.Digests;

/// <summary>Two app instances on one PostgreSQL database, sharing Hangfire's PostgreSQL store and the delivery record.</summary>
public sealed class ClusteredDigestTests : IAsyncLifetime
{
    private readonly ThrowawayPostgresDatabase _database = new("digests");
    private ScriptedSlack _slack = null!;

    public async Task InitializeAsync()
    {
        _slack = await ScriptedSlack.StartAsync();
        await _database.CreateAsync();
    }

    public async Task DisposeAsync()
    {
        await _slack.DisposeAsync();
        await _database.DropAsync();
    }

    [NeedsFact(External.PostgreSql)]
    public async Task Two_instances_on_one_PostgreSQL_post_each_digest_exactly_once()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero));
        // One set of signals for both: a test waiting on either wakes on the jobs of both.
        var jobs = new JobSignals();
        await using var first = Instance(clock, jobs);
        await using var second = Instance(clock, jobs);
        await first.StartAsync();
        await second.StartAsync();
        await OutOfProcess.PollAsync(() => Task.FromResult(first.Services.GetRequiredService<JobStorage>().GetMonitoringApi().Servers().Count == 2),
            "both Hangfire servers registered in PostgreSQL");
        var subscriptions = new List<ChannelSubscription>();
        for (var i = 0; i < 20; i++)
        {
            // Half scheduled through each instance: the recurring jobs live in the shared store either way.
            var instance = i % 2 == 0 ? first : second;
            subscriptions.Add(await instance.SubscribeAsync($"C0TEAM{i:D2}", new TimeOnly(8, 0), "UTC", "1800000000000042"));
        }

        clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
        foreach (var subscription in subscriptions)
        {
            await first.WaitUntilDeliveredAsync(subscription.Id, new DateOnly(2026, 11, 23));
        }

        // Both instances now also fire every job by hand, side by side: the claim still lets each day through once.
        await Task.WhenAll(new[] { first, second }.Select(app => Task.Run(() => subscriptions.ForEach(app.Trigger))));
        await first.WaitUntilIdleAsync();

        Assert.Equal(subscriptions.Select(s => s.ChannelId).Order(), _slack.Posted.Select(p => p.Channel).Order());
        Assert.All(_slack.Posted, m => Assert.Contains("*campaign-42 Autumn Sale*", m.Blocks, StringComparison.Ordinal));
        // Digest jobs only: the account history's read-ahead runs on the same scheduler.
        var monitoring = first.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var succeeded = monitoring.SucceededJobs(0, 1_000).Count(j => j.Value.Job?.Type == typeof(TikTokBot.Digests.DigestJob));
        Assert.Equal(60, succeeded);
        foreach (var subscription in subscriptions)
        {
            var delivery = (await first.Store.Deliveries.FindAsync(subscription.Id, new DateOnly(2026, 11, 23), default))!;
            Assert.Equal((DeliveryState.Delivered, 1), (delivery.State, delivery.Attempts));
        }
    }

    [NeedsFact(External.PostgreSql)]
    public async Task A_digest_due_while_the_database_is_unreachable_is_sent_once_when_it_is_back()
    {
        var server = _database.ConnectionString();
        await using var proxy = new CuttableTcpProxy(server.Host!, server.Port);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero));
        var throughProxy = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Host = "127.0.0.1", Port = proxy.Port, Timeout = 3 }.ConnectionString;
        await using var app = new DigestAppFactory(_slack, clock, new Dictionary<string, string>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = throughProxy,
            ["Scheduler:Store"] = "Memory",
            // Not the account history's read-ahead: one still reading when the database is cut holds its connection, and
            // the digest's wait for it (Reports:HistoryWait) never runs out on this test's fake clock.
            ["Reports:ReadHistoryAhead"] = "false",
            ["Digests:RetryDelays:0"] = "00:00:01",
            ["Digests:RetryDelays:1"] = "00:00:01",
            ["Digests:RetryDelays:2"] = "00:00:01",
            ["Digests:RetryDelays:3"] = "00:00:01",
        });
        await app.StartAsync();
        var subscription = await app.SubscribeAsync("C0OUTAGE", new TimeOnly(8, 0), "UTC", "1800000000000042");
        var monitoring = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi();

        // 08:00: the digest falls due while the database cannot be reached; the run fails and Hangfire schedules a retry.
        proxy.Cut();
        NpgsqlConnection.ClearAllPools();
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
        await app.Jobs.UntilAsync(() => monitoring.ScheduledCount() == 1, "the failed run's retry scheduled");
        Assert.Empty(_slack.Posted);

        // The database is back; a retry (one second apart, in real time) finds it and the digest goes out once.
        proxy.Restore();
        await app.WaitUntilDeliveredAsync(subscription.Id, new DateOnly(2026, 11, 23));
        await app.WaitUntilIdleAsync();

        Assert.Equal("C0OUTAGE", Assert.Single(_slack.Posted).Channel);
        var delivery = (await app.Store.Deliveries.FindAsync(subscription.Id, new DateOnly(2026, 11, 23), default))!;
        Assert.Equal((DeliveryState.Delivered, 1), (delivery.State, delivery.Attempts));
    }

    private DigestAppFactory Instance(TimeProvider clock, JobSignals jobs)
    {
        var connection = _database.ConnectionString().ConnectionString;
        return new DigestAppFactory(_slack, clock, new Dictionary<string, string>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = connection,
            ["Scheduler:Store"] = "Postgres",
        }, jobs);
    }
}
