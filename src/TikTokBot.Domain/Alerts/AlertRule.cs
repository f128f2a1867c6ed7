namespace TikTokBot.Domain.Alerts;

/// <summary>The rules a scan checks. The name is the stable id stored with every sent alert.</summary>
public enum AlertRule
{
    SpendWithoutConversions,
    CostPerResultHigh,
    CtrDrop,
    FrequencyWarning,
    FrequencyAlert,
    BudgetRunsOutEarly,
    CreditRunsOut,
    CreditExpiresUnused,
    LearningLimited,
    NoDelivery,

    /// <summary>Spend so far today below the campaign's own usual range for this weekday and hour (baselines only).</summary>
    SpendBelowUsual,

    /// <summary>Spend so far today above the campaign's own usual range (baselines only).</summary>
    SpendAboveUsual,
}

/// <summary>One number behind an alert, with the threshold it crossed.</summary>
public sealed record AlertFigure(string Name, decimal Value, decimal Threshold, string ThresholdName);

/// <summary>A rule that fired for a campaign: the numbers and the first thing to fix.</summary>
public sealed record Alert(AlertRule Rule, string CampaignId, string CampaignName, string Summary, IReadOnlyList<AlertFigure> Figures, string FirstFix)
{
    /// <summary>The stable id used for claims, snoozes and mutes.</summary>
    public string RuleId => Rule.ToString();
}
