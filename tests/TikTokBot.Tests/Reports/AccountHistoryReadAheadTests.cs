using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TikTokBot.Accounts;
using TikTokBot.Domain.Benchmarks;
using TikTokBot.Domain.Alerts.Baselines;
using TikTokBot.Reports;
using TikTokBot.Storage;
using TikTokBot.Storage.Database;
using TikTokBot.Storage.Migrations;
using TikTokBot.Storage.Workspace;
using TikTokBot.TikTok.Caching;
using TikTokBot.TikTok.Calendar;
using TikTokBot.TikTok.Demo;
using TikTokBot.TikTok.Sources;
using static TikTokBot.Reports.AccountHistory;
using static TikTokBot.Accounts.WorkspaceSources;

namespace TikTokBot.Tests.Reports;

/// <summary>What the read-ahead reads (each source once, the deployment's own too) and how a connect starts it (a Hangfire job).</summary>
public sealed class AccountHistoryReadAheadTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
    private readonly string _folder = Directory.CreateTempSubdirectory("read-ahead-").FullName;
    private SqliteDatabase? _database;

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>The workspaces named, over real storage (in which none has alerts on, so no campaign hours are read ahead).</summary>
    private sealed class Teams(IWorkspaceStorage storage, params string[] teams) : IWorkspaceStorage
    {
        public IWorkspaceStore ForTeam(string teamId) => storage.ForTeam(teamId);

        public Task<IReadOnlyList<string>> ListTeamsAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<string>>(teams);
    }

    /// <summary>Every workspace reads the demo data through one source, as unconnected workspaces do.</summary>
    private sealed class OneSource(WorkspaceSource source) : IWorkspaceSources
    {
        public int Asked;

        public Task<WorkspaceSource> SourceForAsync(string teamId, CancellationToken ct)
        {
            Interlocked.Increment(ref Asked);
            return Task.FromResult(source);
        }

        public Task<IReadOnlyList<TikTokConnection>> ConnectionsAsync(string teamId, CancellationToken ct) => Task.FromResult<IReadOnlyList<TikTokConnection>>([]);

        public WorkspaceSource? DeploymentSource => source;
    }

    /// <summary>The demo data, counting the history reads (each lists the ended campaigns once).</summary>
    private sealed class Counted(IMetricSource inner) : IMetricSource
    {
        public int HistoryReads;

        public Task<IReadOnlyList<CampaignInfo>> ListCampaignsAsync(CancellationToken ct) => inner.ListCampaignsAsync(ct);

        public Task<IReadOnlyList<CampaignInfo>> ListEndedCampaignsAsync(CancellationToken ct)
        {
            Interlocked.Increment(ref HistoryReads);
            return inner.ListEndedCampaignsAsync(ct);
        }

        public Task<IReadOnlyList<Domain.Metrics.DailyTotals>> GetDailyAsync(Scope scope, Domain.Metrics.DateRange range, CancellationToken ct) => inner.GetDailyAsync(scope, range, ct);

        public Task<long?> GetReachAsync(Scope scope, Domain.Metrics.DateRange range, CancellationToken ct) => inner.GetReachAsync(scope, range, ct);

        public Task<IReadOnlyList<BreakdownRow>> GetBreakdownAsync(string campaignId, BreakdownDimension by, Domain.Metrics.DateRange range, CancellationToken ct) =>
            inner.GetBreakdownAsync(campaignId, by, range, ct);
    }

    private sealed class Jobs : IBackgroundJobClient
    {
        public readonly List<Job> Created = [];

        public string Create(Job job, IState state)
        {
            Created.Add(job);
            return Created.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        public bool ChangeState(string jobId, IState state, string expectedState) => true;
    }

    private async Task<(AccountHistoryReadAhead ReadAhead, AccountHistories Histories, WorkspaceSource Source, Jobs Jobs, Counted Demo)> BuildAsync(
        bool readAhead, params string[] teams)
    {
        if (_database is null)
        {
            _database = new SqliteDatabase($"Data Source={Path.Combine(_folder, "app.db")}");
            await new SchemaMigrator(_database, _clock, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        }

        var cache = new ReportCache(_clock);
        var storage = new WorkspaceStorage(_database, new EphemeralDataProtectionProvider(), _clock, new WorkspaceReadCache(cache, new StorageOptions()));
        var demo = new Counted(new DemoMetricSource(_clock));
        var source = new WorkspaceSource(demo, new CampaignFactsLoader(demo), "demo", IsDemo: true);
        var calendar = new BusinessCalendar(_clock);
        var histories = new AccountHistories(cache, new MetricCacheOptions(), new AccountBenchmarkOptions(), calendar, new AccountHistoryStore(_database, _clock));
        var hours = new CampaignHourHistories(new CampaignHoursStore(_database, _clock), Options.Create(new BaselineOptions()), calendar);
        var jobs = new Jobs();
        var service = new AccountHistoryReadAhead(new Teams(storage, teams), new OneSource(source), jobs,
            Options.Create(new ReportOptions { ReadHistoryAhead = readAhead }), NullLogger<AccountHistoryReadAhead>.Instance, histories, hours);
        return (service, histories, source, jobs, demo);
    }

    [Fact]
    public async Task At_start_every_source_is_read_once_however_many_workspaces_read_it()
    {
        var (readAhead, histories, source, _, demo) = await BuildAsync(readAhead: true, "T1", "T2", "T3");

        await readAhead.ReadAllAsync(CancellationToken.None);

        Assert.Equal(1, demo.HistoryReads);
        // Read already: the reply's own read is the same finished one.
        var read = histories.For(source).ReadAheadAsync(CancellationToken.None);
        Assert.True(read.IsCompletedSuccessfully);
        Assert.NotEmpty(await read);
    }

    [Fact]
    public async Task A_connect_starts_the_workspaces_read_as_a_hangfire_job_unless_read_ahead_is_off()
    {
        var (on, _, _, jobs, _) = await BuildAsync(readAhead: true);
        on.Connected("T-NEW");

        var job = Assert.Single(jobs.Created);
        Assert.Equal(nameof(AccountHistoryReadAhead.ReadTeamAsync), job.Method.Name);
        Assert.Equal("T-NEW", job.Args[0]);

        var (off, _, _, none, _) = await BuildAsync(readAhead: false);
        off.Connected("T-NEW");
        Assert.Empty(none.Created);
    }
}
