using TikTokBot.Domain.Funnel;

namespace TikTokBot.Domain.Metrics;

/// <summary>What a metric is: its name, stage, unit, better direction and the TikTok report fields it is built from.</summary>
/// <param name="ApiFields">The raw <c>report/integrated/get</c> fields the bot requests to compute this metric.</param>
/// <param name="InFirstGuide">One of the fifteen essential metrics of the first guide (seed 000).</param>
public sealed record MetricDefinition(
    MetricId Id,
    string DisplayName,
    FunnelStage Stage,
    MetricUnit Unit,
    BetterDirection Better,
    IReadOnlyList<string> ApiFields,
    bool InFirstGuide);

public static class MetricCatalogue
{
    private static readonly MetricDefinition[] Definitions =
    [
        new(MetricId.Impressions, "Impressions", FunnelStage.Delivery, MetricUnit.Count, BetterDirection.Higher, ["impressions"], true),
        new(MetricId.Reach, "Reach", FunnelStage.Delivery, MetricUnit.Count, BetterDirection.Higher, ["reach"], true),
        new(MetricId.Frequency, "Frequency", FunnelStage.Delivery, MetricUnit.Ratio, BetterDirection.Neutral, ["impressions", "reach"], true),
        new(MetricId.DestinationClicks, "Clicks (destination)", FunnelStage.Engagement, MetricUnit.Count, BetterDirection.Higher, ["clicks"], true),
        new(MetricId.AllClicks, "Clicks (all)", FunnelStage.Engagement, MetricUnit.Count, BetterDirection.Higher, ["engagements"], true),
        new(MetricId.Ctr, "CTR (destination)", FunnelStage.Engagement, MetricUnit.Percent, BetterDirection.Higher, ["clicks", "impressions"], false),
        new(MetricId.DestinationShareOfClicks, "Destination share of clicks", FunnelStage.Engagement, MetricUnit.Percent, BetterDirection.Higher, ["clicks", "engagements"], false),
        new(MetricId.VideoViews, "Video views", FunnelStage.Engagement, MetricUnit.Count, BetterDirection.Higher, ["video_play_actions"], false),
        new(MetricId.VideoCompletionRate, "Video completion rate", FunnelStage.Engagement, MetricUnit.Percent, BetterDirection.Higher, ["video_views_p100", "video_play_actions"], false),
        new(MetricId.SixSecondViewRate, "6-second view rate", FunnelStage.Engagement, MetricUnit.Percent, BetterDirection.Higher, ["video_watched_6s", "video_play_actions"], false),
        new(MetricId.AverageWatchTime, "Average watch time", FunnelStage.Engagement, MetricUnit.Seconds, BetterDirection.Higher, ["average_video_play", "video_play_actions"], false),
        new(MetricId.Spend, "Cost", FunnelStage.Cost, MetricUnit.Money, BetterDirection.Neutral, ["spend"], true),
        new(MetricId.CpcDestination, "CPC (destination)", FunnelStage.Cost, MetricUnit.Money, BetterDirection.Lower, ["spend", "clicks"], true),
        new(MetricId.CpcAll, "Cost per interaction", FunnelStage.Cost, MetricUnit.Money, BetterDirection.Lower, ["spend", "engagements"], false),
        new(MetricId.Cpm, "CPM", FunnelStage.Cost, MetricUnit.Money, BetterDirection.Lower, ["spend", "impressions"], false),
        new(MetricId.CostPer1000Reached, "Cost per 1,000 reached", FunnelStage.Cost, MetricUnit.Money, BetterDirection.Lower, ["spend", "reach"], true),
        new(MetricId.CostPerConversion, "Cost per conversion", FunnelStage.Cost, MetricUnit.Money, BetterDirection.Lower, ["spend", "conversion"], true),
        new(MetricId.CostPerVideoView, "Cost per video view", FunnelStage.Cost, MetricUnit.Money, BetterDirection.Lower, ["spend", "video_play_actions"], false),
        new(MetricId.Conversions, "Conversions", FunnelStage.Conversion, MetricUnit.Count, BetterDirection.Higher, ["conversion"], true),
        new(MetricId.CvrImpressions, "CVR (impressions)", FunnelStage.Conversion, MetricUnit.Percent, BetterDirection.Higher, ["conversion", "impressions"], true),
        new(MetricId.CvrClicks, "CVR (clicks)", FunnelStage.Conversion, MetricUnit.Percent, BetterDirection.Higher, ["conversion", "clicks"], true),
        new(MetricId.Roas, "ROAS", FunnelStage.Conversion, MetricUnit.Ratio, BetterDirection.Higher, ["total_complete_payment_rate", "spend"], false),
        new(MetricId.RealTimeConversions, "Real-time conversions", FunnelStage.RealTime, MetricUnit.Count, BetterDirection.Higher, ["real_time_conversion"], true),
        new(MetricId.RealTimeCvr, "Real-time CVR", FunnelStage.RealTime, MetricUnit.Percent, BetterDirection.Higher, ["real_time_conversion", "clicks"], true),
        new(MetricId.RealTimeCostPerConversion, "Real-time cost per conversion", FunnelStage.RealTime, MetricUnit.Money, BetterDirection.Lower, ["spend", "real_time_conversion"], true),
    ];

    public static IReadOnlyList<MetricDefinition> All => Definitions;

    /// <summary>Looks a metric up by id; the catalogue is indexed by the enum value, so this is an array read.</summary>
    public static MetricDefinition Get(MetricId id) => Definitions[(int)id];

    /// <summary>Every raw report field any metric needs, for building a TikTok report request.</summary>
    public static IReadOnlyList<string> ApiFields { get; } =
        Definitions.SelectMany(d => d.ApiFields).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
}
