using TikTokBot.Domain.Metrics;

namespace TikTokBot.Domain.Alerts.Baselines;

/// <summary>
/// The fixed cost rules stay a floor under the baselines: a campaign whose own usual is itself bad (each result costing
/// more than the team's target, or than its last 7 days) has a usual range that hides a breach. A fixed
/// <see cref="AlertRule.CostPerResultHigh"/> or <see cref="AlertRule.SpendWithoutConversions"/> is kept beside the
/// baselines when the breach is certain: so few conversions for the spend that a campaign truly at the reference cost
/// (the target, or the 7-day average without one) would bring that few with a probability under
/// <see cref="BaselineOptions.FixedFloorLevel"/>. Early in the day, on a handful of conversions, it never is; that early
/// noise was the fixed rule's false alarms. Pure.
/// </summary>
public static class FixedFloor
{
    /// <summary>The fixed rules this floor can keep when the campaign has a baseline.</summary>
    public static bool Judges(AlertRule rule) => rule is AlertRule.CostPerResultHigh or AlertRule.SpendWithoutConversions;

    /// <summary>Whether <paramref name="alert"/>, a fixed cost rule that fired, is a certain breach and so stays beside the baselines.</summary>
    public static bool Holds(Alert alert, CampaignToday c, AlertOptions fixedOptions, BaselineOptions o)
    {
        if (!Judges(alert.Rule) || Reference(c, fixedOptions) is not { } cost || cost <= 0)
        {
            return false;
        }

        var t = c.Today;
        // The same count the fixed rules read: real-time conversions, so an attribution still arriving does not look like a breach.
        var expected = (double)(t.Spend / cost);
        return Poisson.AtMost(t.RealTimeConversions, expected) < o.FixedFloorLevel;
    }

    /// <summary>The cost per result the campaign is held to: the team's target, else the average of its last full days.</summary>
    private static decimal? Reference(CampaignToday c, AlertOptions o)
    {
        if (c.TargetCostPerResult is { } target)
        {
            return target;
        }

        var days = c.PreviousDays;
        var week = RawTotals.Zero;
        for (var i = Math.Max(0, days.Count - o.AverageDays); i < days.Count; i++)
        {
            week += days[i];
        }

        return week.Reported(RawCount.Spend | RawCount.Conversions) && week.Conversions > 0 ? week.Spend / week.Conversions : null;
    }
}
