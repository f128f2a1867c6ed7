using System.Globalization;
using TikTokBot.Domain.Alerts;
using TikTokBot.Domain.Alerts.Baselines;

namespace TikTokBot.Alerts;

/// <summary>For <c>alerts</c>: the setting that would quiet a rule a channel keeps snoozing or muting, with its value now.</summary>
internal static class AlertQuieting
{
    public static string SettingFor(AlertRule rule, AlertOptions o, BaselineOptions b) => rule switch
    {
        AlertRule.SpendWithoutConversions =>
            $"`Alerts:SpendWithoutConversionsTargetMultiple` (now {N(o.SpendWithoutConversionsTargetMultiple)}) or, with a baseline, `Alerts:Baselines:ConversionNoiseSigmas` (now {N(b.ConversionNoiseSigmas)})",
        AlertRule.CostPerResultHigh =>
            $"`Alerts:CostPerResultTargetMultiple` (now {N(o.CostPerResultTargetMultiple)}) and `Alerts:CostPerResultAverageMultiple` (now {N(o.CostPerResultAverageMultiple)})",
        AlertRule.CtrDrop => $"`Alerts:CtrDropShare` (now {N(o.CtrDropShare)}) or, with a baseline, `Alerts:Baselines:Margin` (now {N(b.Margin)})",
        AlertRule.FrequencyWarning => $"`Alerts:FrequencyWarning` (now {N(o.FrequencyWarning)})",
        AlertRule.FrequencyAlert => $"`Alerts:FrequencyAlert` (now {N(o.FrequencyAlert)})",
        AlertRule.BudgetRunsOutEarly => $"`Alerts:BudgetRunsOutBefore` (now {o.BudgetRunsOutBefore:HH:mm})",
        AlertRule.CreditRunsOut => $"`Alerts:CreditRunsOutWithinDays` (now {o.CreditRunsOutWithinDays})",
        AlertRule.CreditExpiresUnused => "none: it is info, only in the daily digest",
        AlertRule.LearningLimited => $"`Alerts:LearningLimitedDay` (now {o.LearningLimitedDay})",
        AlertRule.NoDelivery => $"`Alerts:NoDeliveryHours` (now {o.NoDeliveryHours}) or, with a baseline, `Alerts:Baselines:LatestHoursMargin` (now {N(b.LatestHoursMargin)})",
        _ => $"`Alerts:Baselines:Margin` (now {N(b.Margin)}): a wider margin around the usual range",
    };

    private static string N(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
