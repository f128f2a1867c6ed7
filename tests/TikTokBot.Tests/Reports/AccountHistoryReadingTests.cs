using Microsoft.Extensions.Time.Testing;
using TikTokBot.Domain.Benchmarks;
using TikTokBot.Domain.Metrics;
using TikTokBot.Reports;
using TikTokBot.Storage;
using TikTokBot.Storage.Database;
using TikTokBot.Storage.Migrations;
using TikTokBot.TikTok.Caching;
using TikTokBot.TikTok.Calendar;
using TikTokBot.TikTok.Demo;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.Tests.Reports;

/// <summary>The account history is read ahead and kept: a restart reads it back from storage, not from TikTok.</summary>
public sealed class AccountHistoryReadingTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
    private readonly string _folder = Directory.CreateTempSubdirectory("account-history-").FullName;
    private readonly SqliteDatabase _database;

    public AccountHistoryReadingTests() => _database = new SqliteDatabase($"Data Source={Path.Combine(_folder, "app.db")}");

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>The demo data, counting the daily reads a history costs.</summary>
    private sealed class Counting(IMetricSource inner) : IMetricSource
    {
        public int DailyReads;

        public Task<IReadOnlyList<CampaignInfo>> ListCampaignsAsync(CancellationToken ct) => inner.ListCampaignsAsync(ct);

        public Task<IReadOnlyList<CampaignInfo>> ListEndedCampaignsAsync(CancellationToken ct) => inner.ListEndedCampaignsAsync(ct);

        public Task<IReadOnlyList<DailyTotals>> GetDailyAsync(Scope scope, DateRange range, CancellationToken ct)
        {
            Interlocked.Increment(ref DailyReads);
            return inner.GetDailyAsync(scope, range, ct);
        }

        public Task<long?> GetReachAsync(Scope scope, DateRange range, CancellationToken ct) => inner.GetReachAsync(scope, range, ct);

        public Task<IReadOnlyList<BreakdownRow>> GetBreakdownAsync(string campaignId, BreakdownDimension by, DateRange range, CancellationToken ct) =>
            inner.GetBreakdownAsync(campaignId, by, range, ct);
    }

    private AccountHistory History(IMetricSource source, AccountHistoryStore store) =>
        new(source, "demo", new ReportCache(_clock), new MetricCacheOptions(), new AccountBenchmarkOptions(), new BusinessCalendar(_clock), store, []);

    [Fact]
    public async Task A_history_read_ahead_is_kept_and_a_restart_reads_it_back_without_asking_tiktok()
    {
        await new SchemaMigrator(_database, _clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        var store = new AccountHistoryStore(_database, _clock);
        var first = new Counting(new DemoMetricSource(_clock));

        var read = await History(first, store).ReadAheadAsync(CancellationToken.None);

        Assert.NotEmpty(read);
        Assert.True(first.DailyReads >= read.Count, $"{first.DailyReads} daily reads for {read.Count} campaigns");

        // A new process: an empty cache, the same database.
        var afterRestart = new Counting(new DemoMetricSource(_clock));
        var kept = await History(afterRestart, store).ReadAheadAsync(CancellationToken.None);

        Assert.Equal(0, afterRestart.DailyReads);
        Assert.Equal(read.Select(h => (h.CampaignId, h.Totals)), kept.Select(h => (h.CampaignId, h.Totals)));
    }

    [Fact]
    public async Task When_an_advertisers_day_closes_the_history_is_read_again()
    {
        await new SchemaMigrator(_database, _clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        var store = new AccountHistoryStore(_database, _clock);
        var source = new Counting(new DemoMetricSource(_clock));
        var history = History(source, store);
        await history.ReadAheadAsync(CancellationToken.None);
        var reads = source.DailyReads;

        await history.ReadAheadAsync(CancellationToken.None);
        Assert.Equal(reads, source.DailyReads);

        _clock.Advance(TimeSpan.FromDays(1));
        await history.ReadAheadAsync(CancellationToken.None);
        Assert.True(source.DailyReads > reads);
    }
}
