namespace TikTokBot.Domain.Funnel;

/// <summary>
/// The stages a campaign is read in, earliest first. A problem at one stage distorts every stage after it,
/// so reports and diagnoses always walk them in this order.
/// </summary>
public enum FunnelStage
{
    Delivery = 1,
    Engagement = 2,
    Cost = 3,
    Conversion = 4,
    RealTime = 5,
}

public static class FunnelStages
{
    /// <summary>All stages in reading order.</summary>
    public static IReadOnlyList<FunnelStage> InOrder { get; } =
        [FunnelStage.Delivery, FunnelStage.Engagement, FunnelStage.Cost, FunnelStage.Conversion, FunnelStage.RealTime];

    public static string DisplayName(this FunnelStage stage) => stage switch
    {
        FunnelStage.Delivery => "Delivery",
        FunnelStage.Engagement => "Engagement",
        FunnelStage.Cost => "Cost",
        FunnelStage.Conversion => "Conversion",
        FunnelStage.RealTime => "Real-time",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
    };
}
