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

    private readonly Benchmark?[] _general;
    private readonly Benchmark _ctrForConversions;
    private readonly Benchmark _cvrForPurchases;

    public BenchmarkTable(BenchmarkOptions options)
    {
        Options = options;
        _general = new Benchmark?[Enum.GetValues<MetricId>().Length];
        Set(new(MetricId.Ctr, Percent(options.CtrAveragePercent), Percent(options.CtrStrongPercent), CtrSource));
        Set(new(MetricId.Cpm, options.CpmLow, options.CpmHigh, CpmSource));
        Set(new(MetricId.CpcDestination, options.CpcDestinationLow, options.CpcDestinationHigh, CpcSource));
        Set(new(MetricId.CvrClicks, Percent(options.CvrClicksPercent), null, CvrSource));
        Set(new(MetricId.CvrImpressions, Percent(options.CvrImpressionsPercent), null, ProjectSource));
        Set(new(MetricId.Frequency, null, options.FrequencyWarning, FrequencySource));
        _ctrForConversions = new(MetricId.Ctr, Percent(options.CtrConversionOptimisedPercent), Percent(options.CtrStrongPercent), CtrSource);
        _cvrForPurchases = new(MetricId.CvrClicks, Percent(options.CvrPurchasePercent), null, CvrSource);
    }

    public BenchmarkOptions Options { get; }

    /// <summary>The benchmark that applies to a metric for this kind of campaign, or null when none is published.</summary>
    public Benchmark? For(MetricId metric, ObjectiveProfile objective, bool optimisesForPurchase) => metric switch
    {
        MetricId.Ctr when objective.Converts => _ctrForConversions,
        MetricId.CvrClicks when optimisesForPurchase => _cvrForPurchases,
        MetricId.CvrClicks or MetricId.CvrImpressions when !objective.Converts => null,
        _ => _general[(int)metric],
    };

    internal static decimal Percent(decimal percent) => percent / 100m;

    private void Set(Benchmark benchmark) => _general[(int)benchmark.Metric] = benchmark;
}
