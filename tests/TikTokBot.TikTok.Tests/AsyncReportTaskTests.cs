using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using TikTokBot.Domain.Metrics;
using TikTokBot.TikTok.Caching;
using TikTokBot.TikTok.Api;
using TikTokBot.TikTok.Demo;
using TikTokBot.TikTok.Quota;
using TikTokBot.TikTok.Sources;
using TikTokBot.Testing;

namespace TikTokBot.TikTok.Tests;

/// <summary>
/// A report over the synchronous limit read through TikTok's asynchronous report task, against the fake TikTok's task
/// endpoints: the same rows as the pages, checks on the client's clock, the task budget held, failure and cancellation.
/// </summary>
public sealed class AsyncReportTaskTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly DateRange Month = DateRange.Ending(Today.AddDays(-1), 30);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(20) };
    private readonly List<IDisposable> _clients = [];
    private FakeTikTokApi _fake = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeTikTokApi.StartAsync(Today);
        // Unlimited unless a test is about the limits: the others run their task calls as fast as the fake answers.
        (_fake.TaskQuotaPerSecond, _fake.TaskQuotaPerMinute) = (1_000, 60_000);
    }

    public async Task DisposeAsync()
    {
        _clients.ForEach(c => c.Dispose());
        _http.Dispose();
        await _fake.DisposeAsync();
    }

    private TikTokApiOptions Options(bool async, int maxSyncRows = 1) => new()
    {
        ApiBaseUrl = _fake.BaseUrl,
        AccessToken = FakeTikTokApi.Token,
        AdvertiserIds = DemoDataSet.AdvertiserId,
        RateLimitBackoff = TimeSpan.FromMilliseconds(10),
        MaxRequestsPerSecond = 1_000,
        AsyncReports = new AsyncReportOptions { Enabled = async, MaxSyncRows = maxSyncRows },
    };

    // The main budget and the task budget on TikTok's (real) seconds; the task schedule on the test's clock.
    private TikTokApiClient Client(TikTokApiOptions options, TaskQuotaLimits? tasks = null)
    {
        var quotaOptions = TikTokQuotaOptions.ForRate(1_000, TimeSpan.FromMilliseconds(10));
        quotaOptions.Tasks = tasks ?? new TaskQuotaLimits { PerSecond = 1_000, PerMinute = 60_000, PerDay = 1_000_000 };
        var quota = TikTokQuota.InProcess(quotaOptions, RunningClock.Shared);
        var taskQuota = TikTokQuota.InProcess(quotaOptions.ForTasks(), RunningClock.Shared);
        var client = new TikTokApiClient(_http, options, quota, _time, NullLogger<TikTokApiClient>.Instance, taskQuota);
        _clients.Add(client);
        _clients.Add(quota);
        _clients.Add(taskQuota);
        return client;
    }

    private static Dictionary<string, string> DailyCampaignReport(DateRange range) => new()
    {
        ["advertiser_id"] = DemoDataSet.AdvertiserId,
        ["service_type"] = "AUCTION",
        ["report_type"] = "BASIC",
        ["data_level"] = "AUCTION_AD",
        ["dimensions"] = JsonSerializer.Serialize(new[] { "ad_id", "stat_time_day" }),
        ["metrics"] = JsonSerializer.Serialize(ReportMetrics.CountsFor(ReportType.Basic)),
        ["start_date"] = range.Start.ToString("yyyy-MM-dd"),
        ["end_date"] = range.End.ToString("yyyy-MM-dd"),
    };

    // A progress that moves the test's clock to each check as it falls due (2, 4, 8, 15 s apart by default): a client
    // waiting any other time would never be woken, and the test would fail on its time limit.
    private sealed class Schedule(FakeTimeProvider time, AsyncReportOptions options, Action<ReportTaskStatus>? also = null) : IProgress<ReportTaskStatus>
    {
        private TimeSpan _next = options.FirstCheckAfter;

        public List<ReportTaskStatus> Seen { get; } = [];

        public void Report(ReportTaskStatus value)
        {
            lock (Seen)
            {
                Seen.Add(value);
            }

            also?.Invoke(value);
            if (value.State is ReportTaskState.Queued or ReportTaskState.Running)
            {
                time.Advance(_next);
                _next = _next * 2 < options.MaxCheckInterval ? _next * 2 : options.MaxCheckInterval;
            }
        }
    }

    private static string[] Shape(IEnumerable<ReportRow> rows) => rows
        .Select(r => string.Join("|", r.Dimensions.OrderBy(d => d.Key).Select(d => $"{d.Key}={d.Value}")) + " :: " +
            string.Join("|", r.Metrics.Keys.Order().Select(m => $"{m}={r.Text(m)}")))
        .Order(StringComparer.Ordinal)
        .ToArray();

    [Fact]
    public async Task A_report_over_the_synchronous_limit_goes_as_a_task_and_gives_exactly_the_rows_of_the_pages()
    {
        var query = DailyCampaignReport(Month);
        var paged = await Client(Options(async: false)).GetReportAsync(query, default);
        var pages = _fake.Reports.Count();

        var options = Options(async: true);
        var schedule = new Schedule(_time, options.AsyncReports);
        IReadOnlyList<ReportRow> tasked;
        using (ReportTaskProgress.Watch(schedule))
        {
            tasked = await Client(options).GetReportAsync(query, default).WaitAsync(TimeSpan.FromSeconds(30));
        }

        Assert.True(pages > 1, $"the month's ads should span several of the fake's pages, not {pages}");
        Assert.True(paged.Count > 100, $"{paged.Count} rows");
        Assert.Equal(Shape(paged), Shape(tasked));
        // One page told the size; then create, a check per state (QUEUING, PROCESSING, SUCCESS) and the download.
        Assert.Equal(pages + 1, _fake.Reports.Count(r => r.Path == "report/integrated/get/"));
        Assert.Equal(["report/task/create/", "report/task/check/", "report/task/check/", "report/task/check/", "report/task/download/"],
            _fake.TaskCalls.Select(r => r.Path));
        Assert.Equal(["[\"ad_id\",\"stat_time_day\"]", "BASIC"], [_fake.Tasks.Single().Value.Fields["dimensions"], _fake.Tasks.Single().Value.Fields["report_type"]]);
        // Checks fall due 2, then 4, then 8 seconds apart on the client's clock; progress says so.
        Assert.Equal(
            [(ReportTaskState.Queued, 0), (ReportTaskState.Queued, 2), (ReportTaskState.Running, 6), (ReportTaskState.Downloading, 14), (ReportTaskState.Done, 14)],
            schedule.Seen.Select(s => (s.State, (int)s.Elapsed.TotalSeconds)));
        Assert.Equal(tasked.Count, schedule.Seen[^1].Rows);
        Assert.Equal("Reading a large report from TikTok: TikTok is preparing it (6 s so far)", schedule.Seen[2].Describe());
    }

    [Fact]
    public async Task The_metric_source_reads_a_large_month_through_a_task_to_the_same_figures_as_the_demo_data()
    {
        var demo = new DemoMetricSource(new FixedClock(Today));
        var options = Options(async: true);
        var source = new ApiMetricSource(Client(options), options, new FixedClock(Today), new ReportCache(new FixedClock(Today)), new MetricCacheOptions());
        var campaigns = await demo.ListCampaignsAsync(default);

        using (ReportTaskProgress.Watch(new Schedule(_time, options.AsyncReports)))
        {
            foreach (var campaign in campaigns.Take(5))
            {
                var scope = Scope.Campaign(campaign.Id);
                Assert.Equal(await demo.GetDailyAsync(scope, Month, default), await source.GetDailyAsync(scope, Month, default).WaitAsync(TimeSpan.FromSeconds(30)));
            }
        }

        Assert.Single(_fake.Tasks);
    }

    [Fact]
    public async Task Task_calls_of_two_instances_keep_to_TikToks_task_limit_of_two_a_second_for_the_whole_app()
    {
        // TikTok's own limits on both sides: two instances' clients share one task budget; the fake counts for the app.
        (_fake.TaskQuotaPerSecond, _fake.TaskQuotaPerMinute) = (2, 60);
        var options = Options(async: true);
        var quotaOptions = TikTokQuotaOptions.ForRate(1_000);
        quotaOptions.Tasks = new TaskQuotaLimits();
        await using var shared = TikTokQuota.InProcess(quotaOptions.ForTasks(), RunningClock.Shared);
        var clients = Enumerable.Range(0, 2).Select(_ =>
        {
            var quota = TikTokQuota.InProcess(quotaOptions, RunningClock.Shared);
            _clients.Add(quota);
            var client = new TikTokApiClient(_http, options, quota, _time, NullLogger<TikTokApiClient>.Instance, shared);
            _clients.Add(client);
            return client;
        }).ToArray();

        Task<IReadOnlyList<ReportRow>>[] reads;
        using (ReportTaskProgress.Watch(new Schedule(_time, options.AsyncReports)))
        {
            reads = [.. clients.Select(c => c.GetReportAsync(DailyCampaignReport(Month), default))];
        }

        await Task.WhenAll(reads).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, _fake.Tasks.Count);
        Assert.Equal(10, _fake.TaskCalls.Count());
        Assert.Equal(0, _fake.TaskOverQuota);
        Assert.InRange(_fake.MostTaskCallsInOneSecond, 1, 2);
        Assert.All(reads, r => Assert.NotEmpty(r.Result));
    }

    [Fact]
    public async Task A_client_that_ignored_the_task_limit_is_answered_40100_by_the_fake_and_still_gets_its_report()
    {
        (_fake.TaskQuotaPerSecond, _fake.TaskQuotaPerMinute) = (2, 60);
        var options = Options(async: true);
        // A task budget far over TikTok's; a 40100 pauses it for a second, after which TikTok's second has passed.
        var quotaOptions = TikTokQuotaOptions.ForRate(1_000, TimeSpan.FromSeconds(1));
        quotaOptions.Tasks = new TaskQuotaLimits { PerSecond = 1_000, PerMinute = 60_000 };
        await using var quota = TikTokQuota.InProcess(quotaOptions, RunningClock.Shared);
        await using var tasks = TikTokQuota.InProcess(quotaOptions.ForTasks(), RunningClock.Shared);
        using var client = new TikTokApiClient(_http, options, quota, _time, NullLogger<TikTokApiClient>.Instance, tasks);
        IReadOnlyList<ReportRow> rows;
        using (ReportTaskProgress.Watch(new Schedule(_time, options.AsyncReports)))
        {
            rows = await client.GetReportAsync(DailyCampaignReport(Month), default).WaitAsync(TimeSpan.FromSeconds(30));
        }

        Assert.NotEmpty(rows);
        Assert.True(_fake.TaskOverQuota > 0, "five task calls at once should pass TikTok's 2 a second");
    }

    [Fact]
    public async Task A_task_TikTok_fails_is_a_clear_error_for_the_person_not_rows()
    {
        _fake.FailTasksWith = "Internal error while generating the report.";
        var options = Options(async: true);
        var source = new ApiMetricSource(Client(options), options, new FixedClock(Today), new ReportCache(new FixedClock(Today)), new MetricCacheOptions());

        MetricSourceException error;
        using (ReportTaskProgress.Watch(new Schedule(_time, options.AsyncReports)))
        {
            error = await Assert.ThrowsAnyAsync<MetricSourceException>(() => source.GetDailyAsync(Scope.Campaign("1800000000000042"), Month, default)
                .WaitAsync(TimeSpan.FromSeconds(30)));
        }

        Assert.Equal("TikTok could not prepare this large report (its report task failed: Internal error while generating the report.). " +
            "Try again later, or pick a shorter period.", error.Message);
        Assert.DoesNotContain(_fake.TaskCalls, r => r.Path is "report/task/download/" or "report/task/cancel/");
    }

    [Fact]
    public async Task A_read_cancelled_while_TikTok_prepares_the_task_cancels_the_task_at_TikTok()
    {
        _fake.TaskChecks = (1, 100);
        using var stop = new CancellationTokenSource();
        var options = Options(async: true);
        var client = Client(options);
        var schedule = new Schedule(_time, options.AsyncReports, s =>
        {
            if (s.State == ReportTaskState.Running)
            {
                stop.Cancel();
            }
        });

        using (ReportTaskProgress.Watch(schedule))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetReportAsync(DailyCampaignReport(Month), stop.Token).WaitAsync(TimeSpan.FromSeconds(30)));
        }

        Assert.True(_fake.Tasks.Single().Value.Cancelled);
        Assert.Equal(["report/task/create/", "report/task/check/", "report/task/check/", "report/task/cancel/"], _fake.TaskCalls.Select(r => r.Path));
    }

    [Fact]
    public async Task A_report_within_the_limit_is_paged_as_before_without_a_task()
    {
        var rows = await Client(Options(async: true, maxSyncRows: 20_000)).GetReportAsync(DailyCampaignReport(Month), default);

        Assert.NotEmpty(rows);
        Assert.Empty(_fake.TaskCalls);
    }

    [Fact]
    public void The_task_file_is_read_by_its_header_with_display_names_as_API_names_and_empty_cells_as_not_sent()
    {
        var rows = TikTokApiClient.ReadTaskFile("Campaign ID,By Day,Cost,impressions,reach\n42,2026-11-20 00:00:00,\"1,234.50\",900,\n", new HashSet<string> { "campaign_id", "stat_time_day" });

        var row = Assert.Single(rows);
        Assert.Equal(("42", "2026-11-20 00:00:00"), (row.Dimension("campaign_id"), row.Dimension("stat_time_day")));
        Assert.Equal(("1,234.50", 900L), (row.Text("spend"), row.Count("impressions")));
        Assert.False(row.Has("reach"));
    }
}
