namespace TikTokBot.Domain.Alerts.Baselines;

/// <summary>How urgent an alert is: what the scanner does with it: critical posts at once,
/// warnings are grouped into one message per channel and scan, info waits for the daily digest.</summary>
public enum AlertSeverity
{
    /// <summary>Worth knowing, for the daily digest.</summary>
    Info,

    /// <summary>Needs a look today.</summary>
    Warning,

    /// <summary>Money is being lost now: spend without delivery or without results.</summary>
    Critical,
}

/// <summary>The severity of each rule, fixed and baseline. Pure: it depends on the rule alone.</summary>
public static class AlertSeverities
{
    public static AlertSeverity Of(AlertRule rule) => rule switch
    {
        AlertRule.SpendWithoutConversions or AlertRule.NoDelivery => AlertSeverity.Critical,
        AlertRule.CostPerResultHigh or AlertRule.CtrDrop or AlertRule.FrequencyAlert or AlertRule.BudgetRunsOutEarly
            or AlertRule.CreditRunsOut or AlertRule.SpendBelowUsual or AlertRule.SpendAboveUsual => AlertSeverity.Warning,
        AlertRule.FrequencyWarning or AlertRule.CreditExpiresUnused or AlertRule.LearningLimited => AlertSeverity.Info,
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, null),
    };

    public static AlertSeverity Of(BaselineRule rule) => rule switch
    {
        // A campaign that stopped spending loses its day's delivery; one whose clicks stopped converting pays for nothing
        // (or for tracking that broke): both cost money every hour they go unseen. Fewer conversions than usual is a
        // cost per result that rose: a look today.
        BaselineRule.DeliveryStopped or BaselineRule.ConversionsStopped => AlertSeverity.Critical,
        BaselineRule.SpendBelowUsual or BaselineRule.SpendAboveUsual or BaselineRule.CtrBelowUsual
            or BaselineRule.ConversionsBelowUsual or BaselineRule.ConversionsQuiet => AlertSeverity.Warning,
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, null),
    };
}
