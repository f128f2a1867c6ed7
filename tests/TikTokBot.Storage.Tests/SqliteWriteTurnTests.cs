using TikTokBot.Storage.Database;
using TikTokBot.Storage.Migrations;
using TikTokBot.Storage.Tests.Infrastructure;
using TikTokBot.Storage.Workspace;

namespace TikTokBot.Storage.Tests;

/// <summary>
/// The writers of one process take turns on a SQLite file instead of meeting SQLite's lock, where Microsoft.Data.Sqlite
/// would block the losing thread for 150 ms.
/// </summary>
public sealed class SqliteWriteTurnTests : IAsyncDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly SqliteDatabaseUnderTest _db = new();
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task Every_database_object_on_one_file_waits_for_the_same_turn_and_another_file_does_not()
    {
        await using var first = _db.Open();
        await using var second = _db.Open();
        await using var elsewhere = new SqliteDatabase($"Data Source={Path.Combine(_db.Folder, "other.db")}");

        var held = await first.WriteTurnAsync(Ct);
        var waiting = second.WriteTurnAsync(Ct).AsTask();
        Assert.False(waiting.IsCompleted);
        using (await elsewhere.WriteTurnAsync(Ct))
        {
        }

        held!.Dispose();
        using var next = await waiting;
        Assert.NotNull(next);
    }

    [Fact]
    public async Task A_claim_waits_for_the_turn_and_a_cancelled_wait_writes_nothing()
    {
        await using var database = _db.Open();
        await new SchemaMigrator(database, _clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<SchemaMigrator>.Instance).MigrateAsync(Ct);
        var store = new WorkspaceStorage(database, _db.DataProtection(), _clock, new WorkspaceReadCache(new TikTokBot.TikTok.Caching.ReportCache(_clock), new StorageOptions { SettingsFreshFor = TimeSpan.Zero })).ForTeam("T1");
        var subscription = await store.Subscriptions.SubscribeAsync(new SubscriptionDetails("C1", [], new TimeOnly(9, 0), "UTC"), "U1", Ct);
        var day = new DateOnly(2026, 12, 1);

        using var cancel = new CancellationTokenSource();
        Task<DigestDelivery?> claim;
        using (await database.WriteTurnAsync(Ct))
        {
            claim = store.Deliveries.ClaimAsync(subscription.Id, day, TeamData.Lease, cancel.Token);
            await cancel.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => claim);
        }

        Assert.Null(await store.Deliveries.FindAsync(subscription.Id, day, Ct));
        Assert.True(await store.Deliveries.ClaimAsync(subscription.Id, day, TeamData.Lease, Ct) is not null);
    }

    [Fact]
    public async Task A_settings_change_waits_for_the_turn_then_commits()
    {
        await using var database = _db.Open();
        await new SchemaMigrator(database, _clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<SchemaMigrator>.Instance).MigrateAsync(Ct);
        var store = new WorkspaceStorage(database, _db.DataProtection(), _clock, new WorkspaceReadCache(new TikTokBot.TikTok.Caching.ReportCache(_clock), new StorageOptions { SettingsFreshFor = TimeSpan.Zero })).ForTeam("T1");

        Task<ChannelSubscription> subscribing;
        using (await database.WriteTurnAsync(Ct))
        {
            subscribing = store.Subscriptions.SubscribeAsync(new SubscriptionDetails("C1", [], new TimeOnly(9, 0), "UTC"), "U1", Ct);
            Assert.False(subscribing.IsCompleted);
            Assert.Empty(await store.Subscriptions.ListAsync(Ct));
        }

        var subscribed = await subscribing;
        Assert.Equal(subscribed.Id, Assert.Single(await store.Subscriptions.ListAsync(Ct)).Id);
    }
}
