using TikTokBot.Domain.Alerts;
using TikTokBot.Domain.Diagnosis;
using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Objectives;

namespace TikTokBot.Domain.Checkins;

/// <summary>
/// The metric a fix's follow-up compares (DOMAIN.md section 10), chosen when the fix is taken. A finding that reads a
/// rate or a cost is judged on it. One that names a count or Frequency is judged on what its first fix is meant to move:
/// <list type="bullet">
/// <item>Spend without results (pause, then fix tracking or the page): conversions per money, the cost per conversion,
/// from the zero the finding saw.</item>
/// <item>No live conversions: real-time conversions per money, the real-time cost per conversion.</item>
/// <item>No conversion ever recorded (the Pixel): conversions per destination click, CVR (clicks), from zero.</item>
/// <item>Creative fatigue and the same people seeing the ad (refresh the creative): the response to each impression,
/// CTR (destination) where the campaign buys clicks, the 6-second view rate where it buys views.</item>
/// <item>Delivery low, learning limited: their counts (impressions, conversions) per day over the two equal periods,
/// since more of them is the fix's whole point.</item>
/// </list>
/// An alert is taken the same way: its rule names the metric and the kind of its first fix.
/// </summary>
public static class FixTarget
{
    /// <summary>How a fix taken from an alert names its finding (<c>alert:CtrDrop</c>), beside the diagnosis's rule ids.</summary>
    public const string AlertPrefix = "alert:";

    /// <summary>The metric a fix of <paramref name="finding"/> is followed up on; null when nothing can be compared.</summary>
    public static MetricId? For(Finding finding, ObjectiveProfile profile) => finding.RuleId switch
    {
        "spend-without-results" => MetricId.CostPerConversion,
        "no-live-conversions" => MetricId.RealTimeCostPerConversion,
        "tracking-check" => MetricId.CvrClicks,
        "creative-fatigue" or "audience-burn" => Response(profile),
        _ => finding.Metric,
    };

    /// <summary>The rule id a fix taken from an alert of <paramref name="rule"/> is stored under.</summary>
    public static string RuleIdOf(AlertRule rule) => AlertPrefix + rule;

    /// <summary>The alert rule of a fix taken from an alert; null for a fix of the diagnosis.</summary>
    public static AlertRule? AlertRuleOf(string ruleId) =>
        ruleId.StartsWith(AlertPrefix, StringComparison.Ordinal) && Enum.TryParse<AlertRule>(ruleId[AlertPrefix.Length..], out var rule) &&
        Enum.IsDefined(rule) && !char.IsDigit(ruleId[AlertPrefix.Length])
            ? rule
            : null;

    /// <summary>
    /// The metric a fix of an alert is followed up on (null for the ad credit's, which no campaign figure judges) and the
    /// kind of the alert's first fix (does it restart learning; may the bot's own pause or budget change carry it out).
    /// </summary>
    public static (MetricId? Metric, FixKind FirstFix) ForAlert(AlertRule rule, ObjectiveProfile profile) => rule switch
    {
        AlertRule.SpendWithoutConversions => (MetricId.CostPerConversion, FixKind.Pause),
        AlertRule.CostPerResultHigh => (profile.CostPerOutcome, FixKind.Investigate),
        AlertRule.CtrDrop => (MetricId.Ctr, FixKind.Creative),
        AlertRule.FrequencyWarning or AlertRule.FrequencyAlert => (Response(profile), FixKind.Creative),
        AlertRule.BudgetRunsOutEarly or AlertRule.SpendAboveUsual => (profile.CostPerOutcome, FixKind.Budget),
        AlertRule.LearningLimited => (MetricId.Conversions, FixKind.Targeting),
        AlertRule.NoDelivery or AlertRule.SpendBelowUsual => (MetricId.Impressions, FixKind.Investigate),
        _ => (null, FixKind.Investigate),
    };

    /// <summary>What a fresher creative should lift: the click-through where the campaign wants clicks, else the 6-second view rate.</summary>
    private static MetricId Response(ObjectiveProfile profile) => profile.WantsDestinationClicks ? MetricId.Ctr : MetricId.SixSecondViewRate;
}
