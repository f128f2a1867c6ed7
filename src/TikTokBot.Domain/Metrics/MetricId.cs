namespace TikTokBot.Domain.Metrics;

/// <summary>Every metric the bot reads, raw or derived. Descriptions live in <see cref="MetricCatalogue"/>.</summary>
public enum MetricId
{
    Impressions,
    Reach,
    Frequency,
    DestinationClicks,
    AllClicks,
    Ctr,
    DestinationShareOfClicks,
    VideoViews,
    VideoCompletionRate,
    SixSecondViewRate,
    AverageWatchTime,
    Spend,
    CpcDestination,
    CpcAll,
    Cpm,
    CostPer1000Reached,
    CostPerConversion,
    CostPerVideoView,
    Conversions,
    CvrImpressions,
    CvrClicks,
    Roas,
    RealTimeConversions,
    RealTimeCvr,
    RealTimeCostPerConversion,
}

public enum MetricUnit
{
    Count,
    Money,

    /// <summary>Held as a fraction (0.0061) and shown as a percentage (0.61%).</summary>
    Percent,
    Ratio,
    Seconds,
}

/// <summary>Which way a metric should move for the campaign to be doing better.</summary>
public enum BetterDirection
{
    Higher,
    Lower,

    /// <summary>Neither direction is good in itself (spend, frequency).</summary>
    Neutral,
}
