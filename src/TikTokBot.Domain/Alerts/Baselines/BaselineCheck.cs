using System.Globalization;
using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Money;

namespace TikTokBot.Domain.Alerts.Baselines;

/// <summary>
/// Judges today so far against the same weekday's same hour in the campaign's earlier weeks. Pure: "now" is the
/// advertiser-local time of the data, passed in; the scan at 14:00 judges the hours 00:00-14:00 (hours 0 to 13).
/// </summary>
public static class BaselineCheck
{
    /// <summary>
    /// Whether the campaign has at least <see cref="BaselineOptions.MinimumWeeks"/> earlier same weekdays with data.
    /// Without them the fixed <see cref="AlertRules"/> stay the floor.
    /// </summary>
    public static bool HasBaseline(HourlyHistory history, DateTime localNow, BaselineOptions o)
    {
        var today = DateOnly.FromDateTime(localNow);
        var weeks = 0;
        for (var k = 1; k <= o.MaximumWeeks; k++)
        {
            if (history.HasDay(today.AddDays(-7 * k)))
            {
                weeks++;
            }
        }

        return weeks >= o.MinimumWeeks;
    }

    /// <summary>
    /// The alerts for today so far; empty when nothing left its range, or when there is no baseline (then call
    /// <see cref="AlertRules.Check"/> instead: see <see cref="HasBaseline"/>). <paramref name="dailyBudget"/>, when known,
    /// tells a campaign that spent its budget from one that stopped. <paramref name="currency"/>, when given, writes the
    /// amounts in the advertiser's currency ("$180-$240"); without it they are bare numbers.
    /// </summary>
    public static IReadOnlyList<BaselineAlert> Check(HourlyHistory history, DateTime localNow, bool converts, BaselineOptions o,
        decimal? dailyBudget = null, Currency? currency = null)
    {
        string Money(decimal amount) => Amount(amount, currency);
        string MoneyRange(UsualRange r) => $"{Money(r.Low)}-{Money(r.High)}";

        var alerts = new List<BaselineAlert>();
        var hour = localNow.Hour;
        var today = DateOnly.FromDateTime(localNow);
        if (hour == 0 || !HasBaseline(history, localNow, o) || history.Through(today, 0, hour) is not { } soFar)
        {
            return alerts;
        }

        var by = $"{hour:00}:00";
        var earlier = EarlierWeeks(history, today, hour, o);

        var spendRange = soFar.Reported(RawCount.Spend)
            ? Range(earlier, w => w.SoFar.Reported(RawCount.Spend) ? w.SoFar.Spend : null, o)
            : null;
        bool spendBelow = false, spendAbove = false;
        if (spendRange is { } s && s.Low >= o.MinimumUsualSpend)
        {
            if (soFar.Spend < s.Low * (1 - o.Margin))
            {
                spendBelow = true;
                alerts.Add(Make(BaselineRule.SpendBelowUsual, soFar.Spend, s,
                    $"Spend by {by} is usually {MoneyRange(s)}; today {Money(soFar.Spend)}."));
            }
            else if (soFar.Spend > s.High * (1 + o.Margin))
            {
                spendAbove = true;
                alerts.Add(Make(BaselineRule.SpendAboveUsual, soFar.Spend, s,
                    $"Spend by {by} is usually {MoneyRange(s)}; today {Money(soFar.Spend)}."));
            }
        }

        // A day far ahead of its usual spend that runs dry has hit its budget: that is the spend above usual just
        // raised, not an outage. One that spent (nearly) its whole daily budget stopped because TikTok stops there.
        // With the budget known, that is the only reading: a day ahead of its usual pace whose budget was raised can stop too.
        var budgetSpent = dailyBudget is { } budget && budget > 0 ? soFar.Spend >= budget * o.BudgetSpentShare : spendAbove;
        if (!budgetSpent && LatestHours(history, today, hour, earlier, RawCount.Spend, w => w.Spend, o.MinimumUsualHourSpend, o) is var (hours, window, usual)
            && window.Spend < usual.Low * (1 - o.LatestHoursMargin))
        {
            alerts.Insert(0, Make(BaselineRule.DeliveryStopped, window.Spend, usual,
                $"Spend {hour - hours:00}:00-{by} is usually {MoneyRange(usual)}; this time {Money(window.Spend)}: delivery has all but stopped."));
        }

        // Fewer conversions on a day that also spent less is the delivery problem above, not a second one.
        if (converts && !spendBelow && soFar.Reported(RawCount.Conversions)
            && Range(earlier, w => w.SoFar.Reported(RawCount.Conversions) ? w.SoFar.Conversions : null, o) is { } c
            && c.Low >= o.MinimumUsualConversions && soFar.Conversions < c.Low * (1 - o.Margin)
            && c.Low - soFar.Conversions >= o.ConversionNoiseSigmas * (decimal)Math.Sqrt((double)c.Low))
        {
            alerts.Add(Make(BaselineRule.ConversionsBelowUsual, soFar.Conversions, c,
                $"Conversions by {by} are usually {Count(c)}; today {soFar.Conversions} for {Money(soFar.Spend)} spent."));
        }

        // A tracking break shows first in the latest hours: none of the conversions they usually bring, while they spend.
        if (converts && !spendBelow && alerts.All(a => a.Rule is not (BaselineRule.ConversionsBelowUsual or BaselineRule.DeliveryStopped))
            && LatestHours(history, today, hour, earlier, RawCount.Conversions, w => w.Conversions, o.MinimumUsualHourConversions, o) is var (n, latest, usualConversions)
            && latest.Reported(RawCount.Conversions | RawCount.Spend) && latest.Conversions == 0 && latest.Spend > 0)
        {
            alerts.Add(Make(BaselineRule.ConversionsBelowUsual, 0, usualConversions,
                $"Conversions {hour - n:00}:00-{by} are usually {Count(usualConversions)}; this time none for {Money(latest.Spend)} spent: tracking may have broken."));
        }

        if (Ctr(soFar, o) is { } ctr && Range(earlier, w => Ctr(w.SoFar, o), o) is { } r && ctr < r.Low * (1 - o.Margin))
        {
            alerts.Add(Make(BaselineRule.CtrBelowUsual, ctr, r,
                string.Create(CultureInfo.InvariantCulture,
                    $"CTR by {by} is usually {Percent(r.Low)}-{Percent(r.High)}; today {Percent(ctr)} after {soFar.Impressions:N0} impressions.")));
        }

        return alerts;
    }

    /// <summary>
    /// The latest hours (1 up to <see cref="BaselineOptions.LatestHoursAtMost"/>) whose <paramref name="figure"/> (spend,
    /// conversions) usually reaches <paramref name="minimum"/>: a big campaign is judged on its last hour, a small one on
    /// enough hours for a stop to stand out from its noise. Null when none does or today's hours were not all read.
    /// </summary>
    private static (int Hours, RawTotals Window, UsualRange Usual)? LatestHours(HourlyHistory history, DateOnly today, int hour,
        IReadOnlyList<EarlierWeek> earlier, RawCount needed, Func<RawTotals, decimal> figure, decimal minimum, BaselineOptions o)
    {
        for (var n = 1; n <= Math.Min(o.LatestHoursAtMost, hour); n++)
        {
            var values = new List<decimal>(earlier.Count);
            foreach (var week in earlier)
            {
                if (history.Through(today.AddDays(-7 * week.WeeksAgo), hour - n, hour) is { } w && w.Reported(needed))
                {
                    values.Add(figure(w));
                }
            }

            if (Range(values, o) is { } usual && usual.Low >= minimum)
            {
                return history.Through(today, hour - n, hour) is { } window && window.Reported(needed) ? (n, window, usual) : null;
            }
        }

        return null;
    }

    /// <summary>The usual range of one figure, or null with fewer than the minimum weeks that have it.</summary>
    public static UsualRange? Range(IReadOnlyList<EarlierWeek> weeks, Func<EarlierWeek, decimal?> figure, BaselineOptions o)
    {
        var values = new List<decimal>(weeks.Count);
        foreach (var week in weeks)
        {
            if (figure(week) is { } value)
            {
                values.Add(value);
            }
        }

        return Range(values, o);
    }

    private static UsualRange? Range(List<decimal> values, BaselineOptions o)
    {
        if (values.Count < o.MinimumWeeks)
        {
            return null;
        }

        values.Sort();
        var drop = values.Count >= o.DropExtremeWeeksFrom ? 1 : 0;
        return new UsualRange(values[drop], values[^(1 + drop)], values.Count);
    }

    /// <summary>One earlier same weekday: its figures through the same hour.</summary>
    public readonly record struct EarlierWeek(int WeeksAgo, RawTotals SoFar);

    /// <summary>The earlier same weekdays whose hours through <paramref name="hour"/> were all read, newest first.</summary>
    public static IReadOnlyList<EarlierWeek> EarlierWeeks(HourlyHistory history, DateOnly today, int hour, BaselineOptions o)
    {
        var weeks = new List<EarlierWeek>(o.MaximumWeeks);
        for (var k = 1; k <= o.MaximumWeeks; k++)
        {
            var day = today.AddDays(-7 * k);
            if (history.Through(day, 0, hour) is { } soFar)
            {
                weeks.Add(new EarlierWeek(k, soFar));
            }
        }

        return weeks;
    }

    private static decimal? Ctr(RawTotals t, BaselineOptions o) =>
        t.Reported(RawCount.Impressions | RawCount.DestinationClicks) && t.Impressions >= o.CtrMinimumImpressions
            ? 100m * t.DestinationClicks / t.Impressions
            : null;

    private static BaselineAlert Make(BaselineRule rule, decimal today, UsualRange usual, string summary) =>
        new(rule, AlertSeverities.Of(rule), today, usual, summary);

    // Whole units once the amounts are large enough that cents are noise in a sentence.
    private static string Amount(decimal amount, Currency? currency) =>
        currency is null ? amount.ToString(Math.Abs(amount) >= 100m ? "0" : "0.00", CultureInfo.InvariantCulture)
        : currency.Format(Math.Abs(amount) >= 100m ? Math.Round(amount, 0, MidpointRounding.AwayFromZero) : amount, Math.Abs(amount) >= 100m ? 0 : currency.Decimals);

    private static string Count(UsualRange r) =>
        string.Create(CultureInfo.InvariantCulture, $"{r.Low:0}-{r.High:0}");

    private static string Percent(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture) + "%";
}
