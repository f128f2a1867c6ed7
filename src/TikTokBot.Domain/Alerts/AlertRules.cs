using System.Globalization;
using TikTokBot.Domain.Metrics;

namespace TikTokBot.Domain.Alerts;

/// <summary>
/// The alert rules over one campaign's day. Pure: a count the source did not report silences every rule built on it,
/// so a scan never alerts on missing data.
/// </summary>
public static class AlertRules
{
    public static IReadOnlyList<Alert> Check(CampaignToday c, AlertOptions o)
    {
        var alerts = new List<Alert>(2);
        void Add(Alert? alert)
        {
            if (alert is not null)
            {
                alerts.Add(alert);
            }
        }

        Add(SpendWithoutConversions(c, o));
        Add(CostPerResultHigh(c, o));
        Add(CtrDrop(c, o));
        Add(Frequency(c, o));
        Add(BudgetRunsOutEarly(c, o));
        Add(Credit(c, o));
        Add(LearningLimited(c, o));
        Add(NoDelivery(c, o));
        return alerts;
    }

    private static decimal MeaningfulSpend(CampaignToday c, AlertOptions o) =>
        c.TargetCostPerResult is { } target ? target * o.SpendWithoutConversionsTargetMultiple : o.MeaningfulSpendWithoutTarget;

    private static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static Alert Make(CampaignToday c, AlertRule rule, string summary, string fix, params AlertFigure[] figures) =>
        new(rule, c.CampaignId, c.CampaignName, summary, figures, fix);

    internal static Alert? SpendWithoutConversions(CampaignToday c, AlertOptions o)
    {
        var t = c.Today;
        if (!c.Converts || !t.Reported(RawCount.Spend | RawCount.Conversions | RawCount.RealTimeConversions))
        {
            return null;
        }

        var meaningful = MeaningfulSpend(c, o);
        if (t.Spend < meaningful || t.Conversions > 0 || t.RealTimeConversions > 0)
        {
            return null;
        }

        return Make(c, AlertRule.SpendWithoutConversions,
            $"{Money(t.Spend)} spent today and no conversion (meaningful spend is {Money(meaningful)}).",
            "Pause the ad groups that spend and investigate tracking, landing page and audience before spending more.",
            new AlertFigure("Spend today", t.Spend, meaningful, "meaningful spend"),
            new AlertFigure("Conversions today", 0m, 1m, "at least one"));
    }

    internal static Alert? CostPerResultHigh(CampaignToday c, AlertOptions o)
    {
        var t = c.Today;
        if (!c.Converts || !t.Reported(RawCount.Spend | RawCount.RealTimeConversions) || t.RealTimeConversions == 0
            || t.Spend < MeaningfulSpend(c, o))
        {
            return null;
        }

        var cost = t.Spend / t.RealTimeConversions;
        if (c.TargetCostPerResult is { } target && cost >= target * o.CostPerResultTargetMultiple)
        {
            return Make(c, AlertRule.CostPerResultHigh,
                $"Real-time cost per result {Money(cost)} is {Number(cost / target)}x the target {Money(target)}.",
                "Do not scale: work back from CVR (clicks) to CPC (destination), then audience overlap and frequency, before the bid.",
                new AlertFigure("Real-time cost per result", cost, target * o.CostPerResultTargetMultiple, $"{Number(o.CostPerResultTargetMultiple)}x target"));
        }

        var week = PreviousTotals(c, o);
        if (week.Conversions == 0 || !week.Reported(RawCount.Spend | RawCount.Conversions))
        {
            return null;
        }

        var average = week.Spend / week.Conversions;
        if (cost < average * o.CostPerResultAverageMultiple)
        {
            return null;
        }

        return Make(c, AlertRule.CostPerResultHigh,
            $"Real-time cost per result {Money(cost)} is {Number(cost / average)}x the {o.AverageDays}-day average {Money(average)}.",
            "Do not scale: work back from CVR (clicks) to CPC (destination), then audience overlap and frequency, before the bid.",
            new AlertFigure("Real-time cost per result", cost, average * o.CostPerResultAverageMultiple, $"{Number(o.CostPerResultAverageMultiple)}x {o.AverageDays}-day average"));
    }

    internal static Alert? CtrDrop(CampaignToday c, AlertOptions o)
    {
        var t = c.Today;
        var week = PreviousTotals(c, o);
        const RawCount needed = RawCount.Impressions | RawCount.DestinationClicks;
        if (!t.Reported(needed) || !week.Reported(needed) || t.Impressions < o.CtrMinimumImpressions
            || week.Impressions == 0 || week.DestinationClicks == 0)
        {
            return null;
        }

        var today = 100m * t.DestinationClicks / t.Impressions;
        var average = 100m * week.DestinationClicks / week.Impressions;
        var floor = average * o.CtrDropShare;
        if (today > floor)
        {
            return null;
        }

        return Make(c, AlertRule.CtrDrop,
            $"CTR today {Number(today)}% against {Number(average)}% over the last {o.AverageDays} days, after {t.Impressions:N0} impressions.",
            "Check the creative first: a new or rejected ad, a hook that no longer lands, or fatigue. Refresh the creative before touching bid or audience.",
            new AlertFigure("CTR today (%)", today, floor, $"{Number(o.CtrDropShare * 100m)}% of the {o.AverageDays}-day CTR"));
    }

    internal static Alert? Frequency(CampaignToday c, AlertOptions o)
    {
        if (c.RecentReach is not { } reach || reach == 0)
        {
            return null;
        }

        var impressions = PreviousTotals(c, o) + c.Today;
        if (!impressions.Reported(RawCount.Impressions))
        {
            return null;
        }

        var frequency = (decimal)impressions.Impressions / reach;
        var (rule, level, name) = frequency >= o.FrequencyAlert ? (AlertRule.FrequencyAlert, o.FrequencyAlert, "alert level")
            : frequency >= o.FrequencyWarning ? (AlertRule.FrequencyWarning, o.FrequencyWarning, "warning level")
            : (default(AlertRule?), 0m, "");
        if (rule is not { } fired)
        {
            return null;
        }

        return Make(c, fired,
            $"Frequency {Number(frequency)} over the last {o.AverageDays + 1} days: the same people see the ads again and again.",
            "Refresh the creative first; do not change bid or audience first.",
            new AlertFigure("Frequency", frequency, level, name));
    }

    internal static Alert? BudgetRunsOutEarly(CampaignToday c, AlertOptions o)
    {
        var t = c.Today;
        if (c.DailyBudget is not { } budget || budget <= 0 || !t.Reported(RawCount.Spend) || t.Spend <= 0)
        {
            return null;
        }

        var elapsed = (decimal)c.LocalNow.TimeOfDay.TotalHours;
        if (elapsed < o.BudgetPaceMinimumHours)
        {
            return null;
        }

        // At today's pace the budget lasts budget / (spend per hour) hours from midnight.
        var runsOutAtHours = t.Spend >= budget ? elapsed : budget * elapsed / t.Spend;
        var limit = (decimal)o.BudgetRunsOutBefore.ToTimeSpan().TotalHours;
        if (runsOutAtHours >= limit)
        {
            return null;
        }

        var at = TimeOnly.FromTimeSpan(TimeSpan.FromMinutes((double)Math.Floor(runsOutAtHours * 60m)));
        return Make(c, AlertRule.BudgetRunsOutEarly,
            $"{Money(t.Spend)} of the {Money(budget)} daily budget spent by {c.LocalNow:HH:mm}: at this pace it runs out at {at:HH:mm}, before {o.BudgetRunsOutBefore:HH:mm}.",
            "If results are good, raise the daily budget (in steps, outside learning); if not, lower the bid or narrow delivery so the evening is not dark.",
            new AlertFigure("Hour the budget runs out", Math.Round(runsOutAtHours, 2), limit, "latest hour"));
    }

    internal static Alert? Credit(CampaignToday c, AlertOptions o)
    {
        if (c.Credit is not { } credit || credit.Remaining <= 0 || c.PreviousDays.Count == 0)
        {
            return null;
        }

        var week = PreviousTotals(c, o);
        if (!week.Reported(RawCount.Spend))
        {
            return null;
        }

        var today = DateOnly.FromDateTime(c.LocalNow);
        var daysToExpiry = credit.Expiry.DayNumber - today.DayNumber;
        if (daysToExpiry < 0)
        {
            return null;
        }

        var days = Math.Min(o.AverageDays, c.PreviousDays.Count);
        var burn = week.Spend / days;
        if (burn > 0 && credit.Remaining / burn <= o.CreditRunsOutWithinDays)
        {
            var daysLeft = credit.Remaining / burn;
            return Make(c, AlertRule.CreditRunsOut,
                $"{Money(credit.Remaining)} of ad credit left at {Money(burn)} a day: it runs out in {Number(daysLeft)} days.",
                "Plan the budget for when gross spend is paid in full: judge the campaign on gross cost per result now.",
                new AlertFigure("Days of credit left", Math.Round(daysLeft, 2), o.CreditRunsOutWithinDays, "days"));
        }

        // Spending today and every day to the expiry at the recent pace still leaves credit unused.
        var spendable = burn * (daysToExpiry + 1);
        if (spendable >= credit.Remaining)
        {
            return null;
        }

        return Make(c, AlertRule.CreditExpiresUnused,
            $"{Money(credit.Remaining)} of ad credit expires on {credit.Expiry:yyyy-MM-dd}; at {Money(burn)} a day about {Money(credit.Remaining - spendable)} will be lost.",
            "Move budget onto the campaigns that convert best before the credit expires.",
            new AlertFigure("Credit spendable before expiry", spendable, credit.Remaining, "credit left"));
    }

    internal static Alert? LearningLimited(CampaignToday c, AlertOptions o)
    {
        if (!c.Converts || c.LearningSince is not { } since)
        {
            return null;
        }

        var day = DateOnly.FromDateTime(c.LocalNow).DayNumber - since.DayNumber + 1;
        if (day < o.LearningLimitedDay || c.ConversionsSinceLearning >= o.LearningExitConversions)
        {
            return null;
        }

        return Make(c, AlertRule.LearningLimited,
            $"Day {day} of learning with {c.ConversionsSinceLearning} conversions of the about {o.LearningExitConversions} needed: learning limited.",
            "Give each ad group enough budget for ~50 conversions a week: merge small ad groups, broaden the audience, or optimise for an earlier event.",
            new AlertFigure("Conversions since launch", c.ConversionsSinceLearning, o.LearningExitConversions, "exit conversions"),
            new AlertFigure("Day of learning", day, o.LearningLimitedDay, "day"));
    }

    internal static Alert? NoDelivery(CampaignToday c, AlertOptions o)
    {
        // Without hourly data this rule cannot tell a quiet hour from a dead campaign: it stays silent.
        if (!c.Enabled || c.HourlyImpressions is not { } hours || hours.Count < o.NoDeliveryHours)
        {
            return null;
        }

        for (var i = hours.Count - o.NoDeliveryHours; i < hours.Count; i++)
        {
            if (hours[i] > 0)
            {
                return null;
            }
        }

        return Make(c, AlertRule.NoDelivery,
            $"Enabled, but no impressions in the last {o.NoDeliveryHours} hours of data.",
            "Check the ad group status, review rejections, budget and payment, then the bid and audience size.",
            new AlertFigure("Impressions in the last hours", 0m, 1m, "at least one"));
    }

    private static RawTotals PreviousTotals(CampaignToday c, AlertOptions o)
    {
        var days = c.PreviousDays;
        var from = Math.Max(0, days.Count - o.AverageDays);
        var total = RawTotals.Zero;
        for (var i = from; i < days.Count; i++)
        {
            total += days[i];
        }

        return total;
    }
}
