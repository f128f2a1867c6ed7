using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Objectives;

namespace TikTokBot.Domain.Benchmarks;

public enum BenchmarkStanding
{
    NoData,
    Below,
    Within,
    Above,
}

/// <summary>A reference range for one metric (either end may be open) and where the figure comes from.</summary>
public sealed record Benchmark(MetricId Metric, decimal? Low, decimal? High, string Source)
{
    /// <summary>Past this line the metric is worse by TikTok's figures (CPC's $2.50 warning); null: the band's worse edge.</summary>
    public decimal? WorseBeyond { get; init; }

    /// <summary>Worse than this is a problem whatever the account says (CTR's 0.3% review floor, ROAS's break-even).</summary>
    public decimal? Floor { get; init; }

    /// <summary>Better than this is never a problem, at most a watch note (CTR's 1% strong line).</summary>
    public decimal? Strong { get; init; }

    /// <summary>The same lines in another unit of money: <paramref name="factor"/> units per US dollar.</summary>
    public Benchmark Scaled(decimal factor) => factor == 1m ? this : this with
    {
        Low = Low * factor, High = High * factor, WorseBeyond = WorseBeyond * factor, Floor = Floor * factor, Strong = Strong * factor,
    };

    public BenchmarkStanding Standing(decimal? value) => value switch
    {
        null => BenchmarkStanding.NoData,
        { } v when Low is { } low && v < low => BenchmarkStanding.Below,
        { } v when High is { } high && v > high => BenchmarkStanding.Above,
        _ => BenchmarkStanding.Within,
    };
}

/// <summary>Builds the benchmark set from configuration once; lookups afterwards are array reads.</summary>
public sealed class BenchmarkTable
{
    internal const string CtrSource = "Lebesgue 2026 platform figures";
    internal const string CpmSource = "industry range quoted in the metrics guide";
    internal const string CpcSource = "Lebesgue, Gupta Media, Business of Apps";
    internal const string CvrSource = "average quoted in the metrics guide";
    internal const string FrequencySource = "fatigue point in the metrics guide";
    internal const string ProjectSource = "project default";
    internal const string RoasSource = "break-even, project default";

    private readonly Benchmark?[] _general;
    private readonly Benchmark _ctrForConversions;
    private readonly Benchmark _cvrForPurchases;
    private readonly Benchmark _cvrImpressionsForPurchases;

    public BenchmarkTable(BenchmarkOptions options, Diagnosis.RuleOptions? rules = null)
    {
        rules ??= new Diagnosis.RuleOptions();
        Options = options;
        _general = new Benchmark?[Enum.GetValues<MetricId>().Length];
        var review = Percent(options.CtrReviewPercent);
        var strong = Percent(options.CtrStrongPercent);
        Set(new(MetricId.Ctr, Percent(options.CtrAveragePercent), strong, CtrSource) { Floor = review, Strong = strong });
        Set(new(MetricId.Cpm, options.CpmLow, options.CpmHigh, CpmSource));
        // TikTok's range ends at $1.00, but only past the warning level is a click's cost a problem (DOMAIN.md section 5).
        Set(new(MetricId.CpcDestination, options.CpcDestinationLow, options.CpcDestinationHigh, CpcSource) { WorseBeyond = options.CpcDestinationWarning });
        Set(new(MetricId.DestinationShareOfClicks, Percent(rules.MinimumDestinationSharePercent), null, ProjectSource));
        Set(new(MetricId.Roas, rules.BreakEvenRoas, null, RoasSource) { Floor = rules.BreakEvenRoas });
        Set(new(MetricId.CvrClicks, Percent(options.CvrClicksPercent), null, CvrSource));
        Set(new(MetricId.CvrImpressions, Percent(options.CvrImpressionsPercent), null, ProjectSource));
        // Frequency is neither better nor worse in itself; past the fatigue point it is a sign whatever the account usually sees.
        Set(new(MetricId.Frequency, null, options.FrequencyWarning, FrequencySource) { Floor = options.FrequencyWarning });
        _ctrForConversions = new(MetricId.Ctr, Percent(options.CtrConversionOptimisedPercent), strong, CtrSource) { Floor = review, Strong = strong };
        _cvrForPurchases = new(MetricId.CvrClicks, Percent(options.CvrPurchasePercent), null, CvrSource);
        _cvrImpressionsForPurchases = new(MetricId.CvrImpressions, Percent(options.CvrImpressionsPurchasePercent), null, ProjectSource);
    }

    public BenchmarkOptions Options { get; }

    /// <summary>The benchmark that applies to a metric for this kind of campaign, or null when none is published.</summary>
    public Benchmark? For(MetricId metric, ObjectiveProfile objective, bool optimisesForPurchase) => metric switch
    {
        MetricId.Ctr when objective.Converts => _ctrForConversions,
        MetricId.CvrClicks when optimisesForPurchase => _cvrForPurchases,
        MetricId.CvrImpressions when optimisesForPurchase => _cvrImpressionsForPurchases,
        MetricId.CvrClicks or MetricId.CvrImpressions or MetricId.Roas when !objective.Converts => null,
        MetricId.DestinationShareOfClicks when !objective.WantsDestinationClicks => null,
        _ => _general[(int)metric],
    };

    internal static decimal Percent(decimal percent) => percent / 100m;

    private void Set(Benchmark benchmark) => _general[(int)benchmark.Metric] = benchmark;
}
