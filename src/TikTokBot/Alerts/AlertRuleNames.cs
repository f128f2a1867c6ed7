using TikTokBot.Domain.Alerts;

namespace TikTokBot.Alerts;

/// <summary>The rules as people read them; every view and reply names a rule through here.</summary>
internal static class AlertRuleNames
{
    public static string Describe(AlertRule rule) => rule switch
    {
        AlertRule.SpendWithoutConversions => "Spend without conversions",
        AlertRule.CostPerResultHigh => "Cost per result high",
        AlertRule.CtrDrop => "CTR dropped",
        AlertRule.FrequencyWarning => "Frequency warning",
        AlertRule.FrequencyAlert => "Frequency alert",
        AlertRule.BudgetRunsOutEarly => "Budget runs out early",
        AlertRule.CreditRunsOut => "Ad credit runs out",
        AlertRule.CreditExpiresUnused => "Ad credit expires unused",
        AlertRule.LearningLimited => "Learning limited",
        AlertRule.SpendBelowUsual => "Spend below usual",
        AlertRule.SpendAboveUsual => "Spend above usual",
        _ => "No delivery",
    };

    /// <summary>A stored rule id as a title; an id this version does not know, as it is.</summary>
    public static string Describe(string ruleId) => TryParse(ruleId, out var rule) ? Describe(rule) : ruleId;

    /// <summary>Only a defined rule's exact name: digits or unknown names are refused.</summary>
    public static bool TryParse(string text, out AlertRule rule) =>
        Enum.TryParse(text, ignoreCase: false, out rule) && Enum.IsDefined(rule) && !char.IsDigit(text[0]);
}
