using BenchmarkDotNet.Attributes;
using TikTokBot.Domain;
using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Objectives;
using TikTokBot.Reports;
using TikTokBot.Slack.BlockKit;
using TikTokBot.TikTok.Caching;
using TikTokBot.TikTok.Calendar;
using TikTokBot.TikTok.Sources;
using static TikTokBot.Reports.ReportService;

namespace TikTokBot.Benchmarks.App;

/// <summary>
/// The cost of one summary as the campaign grows: the app's own steps (facts loaded through the loader, summary,
/// diagnosis, Block Kit, JSON) over a campaign of N ad groups that has run for twice the period, so the loader reads
/// the period and the one before it: ad groups x 2 x days rows. "rows" rolls those rows up per request, as the
/// demo and CSV sources do; "cached" is the same request once the cache holds the daily totals.
/// </summary>
[MemoryDiagnoser]
public class SummaryScaleBenchmarks
{
    private static readonly DateOnly Today = new(2026, 11, 20);

    private readonly CampaignEngine _engine = new(new DiagnosisOptions());
    private AdGroupRowsSource _rows = null!;
    private CampaignFactsLoader _fromRows = null!;
    private CampaignFactsLoader _fromCache = null!;
    private CampaignInfo _campaign = null!;
    private DateRange _period;

    [Params(10, 100, 1_000)]
    public int AdGroups { get; set; }

    [Params(7, 30, 90)]
    public int Days { get; set; }

    /// <summary>Rows the loader reads for one summary: the period and the previous period, for every ad group.</summary>
    public int RowsRead => AdGroups * 2 * Days;

    [GlobalSetup]
    public void Setup()
    {
        _period = DateRange.Ending(Today.AddDays(-1), Days);
        var launched = _period.Previous().Start;
        _campaign = new CampaignInfo("1800000000000042", "campaign-42 Scale", "7000000000000001", "WEB_CONVERSIONS", Objective.WebsiteConversions,
            "ENABLE", 500m, launched);
        _rows = new AdGroupRowsSource(_campaign, AdGroups, new DateRange(launched, Today));
        _fromRows = new CampaignFactsLoader(_rows);
        _fromCache = new CampaignFactsLoader(new CachedMetricSource(_rows, new PinnedClock(Today), new MetricCacheOptions(), new ReportCache(new PinnedClock(Today)), "source", []));

        Summary(_fromRows).GetAwaiter().GetResult();
        Summary(_fromCache).GetAwaiter().GetResult();
        if (_rows.RowsRead != 2 * RowsRead)
        {
            throw new InvalidOperationException($"The loader read {_rows.RowsRead / 2} rows, not the {RowsRead} this benchmark reports.");
        }
    }

    [Benchmark(Description = "rows")]
    public Task<int> SummaryFromAdGroupRows() => Summary(_fromRows);

    [Benchmark(Description = "cached")]
    public Task<int> SummaryFromCachedDays() => Summary(_fromCache);

    private async Task<int> Summary(CampaignFactsLoader loader)
    {
        var criteria = new SuccessCriteria(20m, 100);
        var facts = await loader.LoadAsync(_campaign, _period, criteria, CancellationToken.None);
        var overview = new CampaignOverview(_campaign, new Period(PeriodKind.LastDays, Days), new BusinessDays(Today), facts, _engine.Summarise(facts),
            _engine.Diagnose(facts), _engine.AssessLearning(facts, Today), null, criteria)
        {
            Key = new OverviewKey("bench", _campaign.Id, _period),
        };
        var bytes = 0;
        foreach (var message in ReportViews.Summary(overview))
        {
            bytes += BlockKitJson.SerializeToUtf8Bytes(message).Length;
        }

        return bytes;
    }

    private sealed class PinnedClock(DateOnly today) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
    }
}
