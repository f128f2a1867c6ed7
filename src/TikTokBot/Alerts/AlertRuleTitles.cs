using TikTokBot.Domain.Alerts;

namespace TikTokBot.Alerts;

/// <summary>
/// The rules as people read them, the baselines' own rules included; every other rule as <see cref="AlertRuleNames"/>
/// names it. Every view and reply names a rule through here.
/// </summary>
internal static class AlertRuleTitles
{
    public static string Of(AlertRule rule) => rule switch
    {
        AlertRule.SpendBelowUsual => "Spend below usual",
        AlertRule.SpendAboveUsual => "Spend above usual",
        _ => AlertRuleNames.Describe(rule),
    };

    /// <summary>A stored rule id as a title; an id this version does not know, as it is.</summary>
    public static string Of(string ruleId) => AlertRuleNames.TryParse(ruleId, out var rule) ? Of(rule) : ruleId;
}
