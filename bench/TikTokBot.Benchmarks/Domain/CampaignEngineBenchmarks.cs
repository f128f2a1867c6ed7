using BenchmarkDotNet.Attributes;
using TikTokBot.Domain;
using TikTokBot.Domain.Campaigns;
using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Objectives;

namespace TikTokBot.Benchmarks.Domain;

/// <summary>
/// The engine's hot path: a campaign of 500 ad groups over 30 days (15,000 daily rows) is aggregated,
/// then summarised and diagnosed. Targets (issue 2): aggregation under 2 ms, summary plus diagnosis under
/// 100 microseconds, no heap allocation when reading a metric.
/// </summary>
[MemoryDiagnoser]
public class CampaignEngineBenchmarks
{
    private const int AdGroups = 500;
    private const int Days = 30;

    private readonly CampaignEngine _engine = new(new DiagnosisOptions());
    private DailyTotals[] _rows = [];
    private CampaignFacts _facts = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var period = DateRange.Ending(new DateOnly(2026, 11, 20), Days);
        _rows = new DailyTotals[AdGroups * Days];
        for (var g = 0; g < AdGroups; g++)
        {
            for (var d = 0; d < Days; d++)
            {
                _rows[g * Days + d] = SyntheticDay.Next(random, period.Start.AddDays(d));
            }
        }

        var daily = DailyRollup.ByDay(_rows);
        _facts = new CampaignFacts
        {
            Campaign = new Campaign("1800000000000042", "Benchmark campaign", Objective.WebsiteConversions, period.Start.AddDays(-10)),
            Period = period,
            Current = new ScopeTotals(RawTotals.Sum(daily.Select(d => d.Counts)), Reach: 900_000),
            Previous = new ScopeTotals(RawTotals.Sum(daily.Select(d => d.Counts)) with { Conversions = 1_000 }, Reach: 850_000),
            Daily = daily,
            Criteria = new SuccessCriteria(20m, 100),
        };
    }

    [Benchmark(Description = "aggregate 15,000 rows to campaign totals")]
    public RawTotals AggregateTotals()
    {
        var sum = new RawTotals.Accumulator();
        foreach (ref readonly var row in _rows.AsSpan())
        {
            sum.Add(row.Counts);
        }

        return sum.Total;
    }

    [Benchmark(Description = "aggregate 15,000 rows to 30 daily totals")]
    public DailyTotals[] AggregateByDay() => DailyRollup.ByDay(_rows);

    [Benchmark(Description = "summary + diagnosis of an aggregated campaign")]
    public int SummaryAndDiagnosis() => _engine.Summarise(_facts).Stages.Count + _engine.Diagnose(_facts).Findings.Count;

    /// <summary>What a reply does since issue 28: every metric's standing once, read by the summary and the diagnosis.</summary>
    [Benchmark(Description = "read: standings once, summary + diagnosis")]
    public int Read()
    {
        var read = _engine.Read(_facts, null, _facts.Period.End.AddDays(1));
        return read.Summary.Stages.Count + read.Diagnosis.Findings.Count;
    }

    [Benchmark(Description = "diagnosis only")]
    public int Diagnosis() => _engine.Diagnose(_facts).Findings.Count;

    [Benchmark(Description = "read all 25 metrics of a scope")]
    public decimal ReadEveryMetric()
    {
        var totals = _facts.Current;
        decimal sum = 0;
        for (var id = 0; id <= (int)MetricId.RealTimeCostPerConversion; id++)
        {
            sum += totals.Value((MetricId)id) ?? 0m;
        }

        return sum;
    }
}
