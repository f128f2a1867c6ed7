namespace TikTokBot.Domain.Metrics;

/// <summary>
/// The raw counts of one scope together with that scope's reach, and every derived metric computed from them.
/// Reach counts unique people, so it can never be added across days, ad groups or campaigns: there is no
/// addition operator here, and <see cref="Combine(ReadOnlySpan{ScopeTotals}, long?)"/> drops reach unless the
/// caller supplies the reach that the source reported for the combined scope.
/// A ratio whose denominator is zero is <c>null</c>: "no data", never 0, NaN or infinity.
/// </summary>
public readonly record struct ScopeTotals(RawTotals Counts, long? Reach = null)
{
    public static ScopeTotals Combine(ReadOnlySpan<ScopeTotals> parts, long? reachOfCombinedScope = null)
    {
        var sum = new RawTotals.Accumulator();
        foreach (ref readonly var part in parts)
        {
            sum.Add(part.Counts);
        }

        return new ScopeTotals(sum.Total, reachOfCombinedScope);
    }

    public static ScopeTotals Combine(IEnumerable<ScopeTotals> parts, long? reachOfCombinedScope = null) =>
        new(RawTotals.Sum(parts.Select(p => p.Counts)), reachOfCombinedScope);

    public decimal? Frequency => Reach is { } reach ? Ratio(RawCount.Impressions, Counts.Impressions, reach) : null;

    public decimal? Ctr => Ratio(RawCount.DestinationClicks | RawCount.Impressions, Counts.DestinationClicks, Counts.Impressions);

    public decimal? DestinationShareOfClicks => Ratio(RawCount.DestinationClicks | RawCount.AllClicks, Counts.DestinationClicks, Counts.AllClicks);

    public decimal? Cpm => Known(RawCount.Spend | RawCount.Impressions) ? PerThousand(Counts.Spend, Counts.Impressions) : null;

    public decimal? CpcDestination => Ratio(RawCount.Spend | RawCount.DestinationClicks, Counts.Spend, Counts.DestinationClicks);

    public decimal? CpcAll => Ratio(RawCount.Spend | RawCount.AllClicks, Counts.Spend, Counts.AllClicks);

    public decimal? CostPer1000Reached => Reach is { } reach && Known(RawCount.Spend) ? PerThousand(Counts.Spend, reach) : null;

    public decimal? CostPerConversion => Ratio(RawCount.Spend | RawCount.Conversions, Counts.Spend, Counts.Conversions);

    public decimal? CostPerVideoView => Ratio(RawCount.Spend | RawCount.VideoViews, Counts.Spend, Counts.VideoViews);

    public decimal? CvrImpressions => Ratio(RawCount.Conversions | RawCount.Impressions, Counts.Conversions, Counts.Impressions);

    public decimal? CvrClicks => Ratio(RawCount.Conversions | RawCount.DestinationClicks, Counts.Conversions, Counts.DestinationClicks);

    public decimal? RealTimeCvr => Ratio(RawCount.RealTimeConversions | RawCount.DestinationClicks, Counts.RealTimeConversions, Counts.DestinationClicks);

    public decimal? RealTimeCostPerConversion => Ratio(RawCount.Spend | RawCount.RealTimeConversions, Counts.Spend, Counts.RealTimeConversions);

    public decimal? VideoCompletionRate => Ratio(RawCount.VideoViewsP100 | RawCount.VideoViews, Counts.VideoViewsP100, Counts.VideoViews);

    public decimal? SixSecondViewRate => Ratio(RawCount.VideoViews6s | RawCount.VideoViews, Counts.VideoViews6s, Counts.VideoViews);

    public decimal? AverageWatchTime => Ratio(RawCount.VideoPlaySeconds | RawCount.VideoViews, Counts.VideoPlaySeconds, Counts.VideoViews);

    public decimal? Roas => Ratio(RawCount.PurchaseValue | RawCount.Spend, Counts.PurchaseValue, Counts.Spend);

    /// <summary>Any metric by id, without allocating; a count the source did not report is null, never 0.</summary>
    public decimal? Value(MetricId metric) => metric switch
    {
        MetricId.Impressions => Count(RawCount.Impressions, Counts.Impressions),
        MetricId.Reach => Reach,
        MetricId.Frequency => Frequency,
        MetricId.DestinationClicks => Count(RawCount.DestinationClicks, Counts.DestinationClicks),
        MetricId.AllClicks => Count(RawCount.AllClicks, Counts.AllClicks),
        MetricId.Ctr => Ctr,
        MetricId.DestinationShareOfClicks => DestinationShareOfClicks,
        MetricId.VideoViews => Count(RawCount.VideoViews, Counts.VideoViews),
        MetricId.VideoCompletionRate => VideoCompletionRate,
        MetricId.SixSecondViewRate => SixSecondViewRate,
        MetricId.AverageWatchTime => AverageWatchTime,
        MetricId.Spend => Count(RawCount.Spend, Counts.Spend),
        MetricId.CpcDestination => CpcDestination,
        MetricId.CpcAll => CpcAll,
        MetricId.Cpm => Cpm,
        MetricId.CostPer1000Reached => CostPer1000Reached,
        MetricId.CostPerConversion => CostPerConversion,
        MetricId.CostPerVideoView => CostPerVideoView,
        MetricId.Conversions => Count(RawCount.Conversions, Counts.Conversions),
        MetricId.CvrImpressions => CvrImpressions,
        MetricId.CvrClicks => CvrClicks,
        MetricId.Roas => Roas,
        MetricId.RealTimeConversions => Count(RawCount.RealTimeConversions, Counts.RealTimeConversions),
        MetricId.RealTimeCvr => RealTimeCvr,
        MetricId.RealTimeCostPerConversion => RealTimeCostPerConversion,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, null),
    };

    private bool Known(RawCount inputs) => Counts.Reported(inputs);

    private decimal? Count(RawCount input, decimal value) => Known(input) ? value : null;

    private decimal? Ratio(RawCount inputs, decimal numerator, decimal denominator) => Known(inputs) ? Ratio(numerator, denominator) : null;

    internal static decimal? Ratio(decimal numerator, decimal denominator) =>
        denominator == 0 ? null : numerator / denominator;

    private static decimal? PerThousand(decimal numerator, decimal denominator) =>
        denominator == 0 ? null : numerator * 1000m / denominator;
}

/// <summary>One day of a scope: additive counts, and that day's own reach when the source reported it.</summary>
public readonly record struct DailyTotals(DateOnly Date, RawTotals Counts, long? Reach = null)
{
    public ScopeTotals AsScope => new(Counts, Reach);
}

/// <summary>One hour of a scope: <see cref="Hour"/> is the hour's start in the advertiser's own time zone.</summary>
public readonly record struct HourlyTotals(DateTime Hour, RawTotals Counts);
