using TikTokBot.Domain.Metrics;

namespace TikTokBot.Domain.Objectives;

/// <summary>What a campaign is bought for; decides which metrics judge it.</summary>
public enum Objective
{
    Awareness,
    Traffic,
    LeadGeneration,
    WebsiteConversions,
    AppInstalls,
    VideoViews,
    CommunityEngagement,
}

/// <summary>How an objective is judged: its lead metrics and the outcome it pays for.</summary>
/// <param name="Outcome">The count the campaign is bought to produce (conversions, clicks, views...).</param>
/// <param name="CostPerOutcome">What one outcome costs: the figure a success target is set on.</param>
/// <param name="Converts">Whether conversion-stage judgements apply at all. Awareness and video views never convert.</param>
/// <param name="WantsDestinationClicks">Whether the campaign needs people to leave TikTok for a destination.</param>
/// <param name="IsVideoFirst">Whether video completion and 6-second views belong in its engagement read.</param>
/// <param name="OutcomesPerCostUnit">How many outcomes one cost-per-outcome figure prices: 1000 for CPM, else 1.</param>
public sealed record ObjectiveProfile(
    Objective Objective,
    string DisplayName,
    string OutcomeName,
    MetricId Outcome,
    MetricId CostPerOutcome,
    IReadOnlyList<MetricId> Primary,
    IReadOnlyList<MetricId> Secondary,
    bool Converts,
    bool WantsDestinationClicks,
    bool IsVideoFirst,
    decimal OutcomesPerCostUnit = 1m);

public static class ObjectiveCatalogue
{
    private static readonly ObjectiveProfile[] Profiles =
    [
        new(Objective.Awareness, "Awareness", "impressions", MetricId.Impressions, MetricId.Cpm,
            [MetricId.Cpm, MetricId.Reach], [MetricId.VideoCompletionRate, MetricId.Frequency],
            Converts: false, WantsDestinationClicks: false, IsVideoFirst: true, OutcomesPerCostUnit: 1000m),
        new(Objective.Traffic, "Traffic", "destination clicks", MetricId.DestinationClicks, MetricId.CpcDestination,
            [MetricId.CpcDestination], [MetricId.Ctr, MetricId.DestinationShareOfClicks],
            Converts: false, WantsDestinationClicks: true, IsVideoFirst: false),
        new(Objective.LeadGeneration, "Lead generation", "leads", MetricId.Conversions, MetricId.CostPerConversion,
            [MetricId.CostPerConversion], [MetricId.CvrClicks, MetricId.Conversions],
            Converts: true, WantsDestinationClicks: true, IsVideoFirst: false),
        new(Objective.WebsiteConversions, "Website conversions", "conversions", MetricId.Conversions, MetricId.CostPerConversion,
            [MetricId.CostPerConversion, MetricId.Roas], [MetricId.CvrClicks, MetricId.Conversions],
            Converts: true, WantsDestinationClicks: true, IsVideoFirst: false),
        new(Objective.AppInstalls, "App installs", "installs", MetricId.Conversions, MetricId.CostPerConversion,
            [MetricId.CostPerConversion], [MetricId.CvrClicks, MetricId.RealTimeCostPerConversion],
            Converts: true, WantsDestinationClicks: true, IsVideoFirst: false),
        new(Objective.VideoViews, "Video views", "video views", MetricId.VideoViews, MetricId.CostPerVideoView,
            [MetricId.CostPerVideoView], [MetricId.SixSecondViewRate, MetricId.VideoCompletionRate],
            Converts: false, WantsDestinationClicks: false, IsVideoFirst: true),
        new(Objective.CommunityEngagement, "Community engagement", "interactions", MetricId.AllClicks, MetricId.CpcAll,
            [MetricId.CpcAll], [MetricId.AllClicks, MetricId.Frequency],
            Converts: false, WantsDestinationClicks: false, IsVideoFirst: true),
    ];

    public static ObjectiveProfile Profile(Objective objective) => Profiles[(int)objective];

    public static IReadOnlyList<ObjectiveProfile> All => Profiles;

    /// <summary>
    /// Maps TikTok's <c>objective_type</c> (and <c>virtual_objective_type</c>) to an objective. Matching ignores case.
    /// Returns false for a value TikTok has not documented, so the caller can say so rather than guess.
    /// </summary>
    public static bool TryFromTikTok(string? objectiveType, out Objective objective)
    {
        objective = Objective.Awareness;
        if (string.IsNullOrWhiteSpace(objectiveType))
        {
            return false;
        }

        Objective? mapped = objectiveType.Trim().ToUpperInvariant() switch
        {
            "REACH" or "RF_REACH" => Objective.Awareness,
            "TRAFFIC" or "RF_TRAFFIC" => Objective.Traffic,
            "LEAD_GENERATION" => Objective.LeadGeneration,
            "WEB_CONVERSIONS" or "WEBSITE_CONVERSIONS" or "CONVERSIONS" or "PRODUCT_SALES" or "CATALOG_SALES" or "SALES" or "SHOP_PURCHASES" => Objective.WebsiteConversions,
            "APP_PROMOTION" or "APP_INSTALL" => Objective.AppInstalls,
            "VIDEO_VIEWS" or "RF_VIDEO_VIEW" => Objective.VideoViews,
            "ENGAGEMENT" or "COMMUNITY_INTERACTION" => Objective.CommunityEngagement,
            _ => null,
        };

        if (mapped is { } found)
        {
            objective = found;
            return true;
        }

        return false;
    }

    /// <summary>Whether an objective type optimises for purchases, which have their own, lower CVR benchmark.</summary>
    public static bool IsPurchaseObjectiveType(string? objectiveType) =>
        objectiveType?.Trim().ToUpperInvariant() is "PRODUCT_SALES" or "CATALOG_SALES" or "SALES" or "SHOP_PURCHASES";
}
