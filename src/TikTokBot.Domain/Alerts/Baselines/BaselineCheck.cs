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
        else if (!budgetSpent && StoppedHour(history, localNow, o) is { } stopped)
        {
            alerts.Insert(0, stopped);
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

        // A tracking break: no conversion over the clicks since the last one, improbable at the campaign's usual rate. It
        // is the cause of a day short of its usual conversions, told once.
        if (converts && (ConversionsStopped(history, localNow, o, currency) ?? ConversionsQuiet(history, localNow, o, currency)) is { } silent)
        {
            alerts.RemoveAll(a => a.Rule == BaselineRule.ConversionsBelowUsual);
            alerts.Add(silent);
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

    /// <summary>
    /// Conversions stopped: none over the clicks since the last one (counted back from the latest hour, across midnight, at
    /// most <see cref="BaselineOptions.ConversionsStoppedLookbackHours"/>), while the campaign's usual conversions per click
    /// (<see cref="UsualConversionRate"/>, pooled over its kept days) make that silence a chance under <see cref="BaselineOptions.ConversionsStoppedLevel"/> (e^-λ). Needs days, not
    /// weeks, so a campaign too young for a baseline is judged too. Null otherwise, or when the figures are not there.
    /// </summary>
    public static BaselineAlert? ConversionsStopped(HourlyHistory history, DateTime localNow, BaselineOptions o, Currency? currency = null) =>
        Silence(history, localNow, o) is { } s && s.Chance < o.ConversionsStoppedLevel
            ? s.Alert(BaselineRule.ConversionsStopped, currency, "tracking or the landing page may have broken.")
            : null;

    /// <summary>
    /// Conversions quiet: the same silence as <see cref="ConversionsStopped"/>, not yet improbable enough to be sure but
    /// with a chance under <see cref="BaselineOptions.ConversionsQuietLevel"/>: a warning that says how likely chance is,
    /// for a campaign with too few conversions for a silence to become certain soon. Null when not, or when the silence is
    /// already certain (then it is <see cref="ConversionsStopped"/>).
    /// </summary>
    public static BaselineAlert? ConversionsQuiet(HourlyHistory history, DateTime localNow, BaselineOptions o, Currency? currency = null) =>
        Silence(history, localNow, o) is { } s && s.Chance < o.ConversionsQuietLevel && s.Chance >= o.ConversionsStoppedLevel
            ? s.Alert(BaselineRule.ConversionsQuiet, currency, "not yet certain; check tracking if it goes on.")
            : null;

    /// <summary>
    /// Conversions stopped on several campaigns of one advertiser at once: none on any of them since a common hour, where
    /// the conversions their clicks usually bring, added up, make that a chance under
    /// <see cref="BaselineOptions.ConversionsStoppedLevel"/>, though no campaign's own silence is that sure yet. One cause
    /// (the advertiser's pixel or events API, shared by its campaigns) shows sooner in their clicks together than in any
    /// one. The common hour is tried at each campaign's last conversion, and the chance multiplied by the number of hours
    /// tried, so trying several does not make chance look rarer. Campaigns whose own silence is certain are left out (they
    /// have <see cref="ConversionsStopped"/>); at least <see cref="BaselineOptions.TogetherMinimumCampaigns"/> must be
    /// silent. One alert per campaign named, each naming the others. Empty when not.
    /// </summary>
    public static IReadOnlyList<(string CampaignId, BaselineAlert Alert)> ConversionsStoppedTogether(
        IReadOnlyList<(string CampaignId, string Name, HourlyHistory History)> campaigns, DateTime localNow, BaselineOptions o, Currency? currency = null)
    {
        var silent = new List<(string Id, string Name, SilentRun Run, HourlyHistory History)>();
        foreach (var (id, name, history) in campaigns)
        {
            if (Silence(history, localNow, o) is { } run && run.Chance >= o.ConversionsStoppedLevel)
            {
                silent.Add((id, name, run, history));
            }
        }

        if (silent.Count < Math.Max(2, o.TogetherMinimumCampaigns))
        {
            return [];
        }

        var now = new DateTime(localNow.Year, localNow.Month, localNow.Day, localNow.Hour, 0, 0);
        var starts = silent.Select(s => s.Run.From).Distinct().ToList();
        (DateTime From, double Chance, List<(string Id, string Name, long Clicks, decimal Spend, double Expected)> Members)? best = null;
        foreach (var from in starts)
        {
            var members = new List<(string Id, string Name, long Clicks, decimal Spend, double Expected)>();
            foreach (var s in silent.Where(s => s.Run.From <= from))
            {
                long clicks = 0;
                decimal spend = 0;
                for (var hour = from; hour < now; hour = hour.AddHours(1))
                {
                    s.History.TryGet(hour, out var row);
                    clicks += row.DestinationClicks;
                    spend += row.Spend;
                }

                if (clicks * s.Run.Rate >= o.TogetherMinimumExpected)
                {
                    members.Add((s.Id, s.Name, clicks, spend, clicks * s.Run.Rate));
                }
            }

            var chance = Math.Min(1, Poisson.AtMost(0, members.Sum(m => m.Expected)) * starts.Count);
            if (members.Count >= Math.Max(2, o.TogetherMinimumCampaigns) && (best is null || chance < best.Value.Chance))
            {
                best = (from, chance, members);
            }
        }

        if (best is not { } b || b.Chance >= o.ConversionsStoppedLevel)
        {
            return [];
        }

        var expected = Math.Round(b.Members.Sum(m => m.Expected), 1);
        var together = string.Create(CultureInfo.InvariantCulture,
            $"No conversion on {b.Members.Count} campaigns of this advertiser since {b.From:HH}:00 ({string.Join(", ", b.Members.Select(m => m.Name))}): {b.Members.Sum(m => m.Clicks):N0} clicks and {Amount(b.Members.Sum(m => m.Spend), currency)} spent, where {expected:0.#} conversions were expected at their usual rates; none on all of them has a chance of {Chance(b.Chance)}: the advertiser's pixel or events may have stopped.");
        return b.Members.Select(m => (m.Id, Make(BaselineRule.ConversionsStopped, 0,
                new UsualRange((decimal)Math.Round(m.Expected, 1), (decimal)Math.Round(m.Expected, 1), silent.First(s => s.Id == m.Id).Run.Days),
                together + string.Create(CultureInfo.InvariantCulture, $" This campaign: {m.Clicks:N0} clicks, {m.Expected:0.#} expected."))
            with
            {
                Figure = string.Create(CultureInfo.InvariantCulture, $"Conversions since {b.From:HH}:00"),
                UsualName = string.Create(CultureInfo.InvariantCulture, $"expected from its {m.Clicks:N0} clicks ({expected:0.#} on the {b.Members.Count} campaigns)"),
            })).ToList();
    }

    /// <summary>The silence since the last conversion and how likely it is at the usual rate, or null without one.</summary>
    private static SilentRun? Silence(HourlyHistory history, DateTime localNow, BaselineOptions o)
    {
        if (localNow.Hour == 0)
        {
            return null;
        }

        // Real-time conversions count in the hour they happen; conversions by click time still arrive for the latest clicks.
        var today = DateOnly.FromDateTime(localNow);
        var counted = history.Through(today, localNow.Hour - 1, localNow.Hour) is { } last && last.Reported(RawCount.RealTimeConversions)
            ? RawCount.RealTimeConversions : RawCount.Conversions;
        long Converted(RawTotals t) => counted == RawCount.RealTimeConversions ? t.RealTimeConversions : t.Conversions;
        var needed = counted | RawCount.DestinationClicks;
        if (UsualConversionRate(history, today, counted, o) is not var (rate, days) || rate <= 0)
        {
            return null;
        }

        var now = new DateTime(localNow.Year, localNow.Month, localNow.Day, localNow.Hour, 0, 0);
        long clicks = 0;
        decimal spend = 0;
        var from = now;
        for (var k = 1; k <= o.ConversionsStoppedLookbackHours; k++)
        {
            if (!history.TryGet(now.AddHours(-k), out var row) || !row.Reported(needed | RawCount.Spend))
            {
                if (k == 1)
                {
                    return null;
                }

                break;
            }

            if (Converted(row) > 0)
            {
                break;
            }

            clicks += row.DestinationClicks;
            spend += row.Spend;
            from = now.AddHours(-k);
        }

        return clicks == 0 || spend <= 0 ? null : new SilentRun(from, clicks, spend, rate, days, Poisson.AtMost(0, clicks * rate));
    }

    /// <summary>No conversion from <paramref name="From"/> over these clicks and spend, at the usual rate of so many days.</summary>
    private sealed record SilentRun(DateTime From, long Clicks, decimal Spend, double Rate, int Days, double Chance)
    {
        public BaselineAlert Alert(BaselineRule rule, Currency? currency, string reading)
        {
            var expected = (decimal)Math.Round(Clicks * Rate, 1);
            return Make(rule, 0, new UsualRange(expected, expected, Days),
                string.Create(CultureInfo.InvariantCulture,
                    $"No conversion since {From:HH}:00: {Clicks:N0} clicks and {Amount(Spend, currency)} spent, where {Percent(100m * (decimal)Rate)} of clicks usually convert ({expected:0.#} expected; none has a chance of {BaselineCheck.Chance(Chance)}): {reading}"))
                with
                {
                    Figure = string.Create(CultureInfo.InvariantCulture, $"Conversions since {From:HH}:00"),
                    UsualName = string.Create(CultureInfo.InvariantCulture, $"expected from the {Clicks:N0} clicks at the usual rate of {Days} days"),
                };
        }
    }

    /// <summary>
    /// The campaign's usual conversions per click: all the conversions of its kept days (<see cref="KeptDays"/>, at least
    /// <see cref="BaselineOptions.MinimumWeeks"/> of them read) over all their clicks, leaving out every silent stretch of
    /// a kept day that <see cref="ConversionsStopped"/> would itself have called a break (no conversion over clicks that
    /// would bring ln(1/level) at the pooled rate), so a past outage does not lower "usual". Pooled, each conversion
    /// counts once: a day with 3 conversions weighs what 3 conversions weigh, not what a day of 300 does, so it strays less
    /// from the true rate than the median of daily rates it replaces (bench/README.md, "Fourth pass"). Null without enough
    /// days.
    /// </summary>
    public static (double Rate, int Days)? UsualConversionRate(HourlyHistory history, DateOnly today, RawCount counted, BaselineOptions o)
    {
        long Converted(RawTotals t) => counted == RawCount.RealTimeConversions ? t.RealTimeConversions : t.Conversions;
        var needed = counted | RawCount.DestinationClicks;
        var days = new List<DateOnly>();
        long conversions = 0, clicks = 0;
        foreach (var earlier in KeptDays(today, o))
        {
            if (history.Through(earlier, 0, 24) is { } day && day.Reported(needed) && day.DestinationClicks > 0)
            {
                days.Add(earlier);
                conversions += Converted(day);
                clicks += day.DestinationClicks;
            }
        }

        if (days.Count < o.MinimumWeeks)
        {
            return null;
        }

        var pooled = (double)conversions / clicks;
        if (pooled <= 0)
        {
            return (0, days.Count);
        }

        // A silent stretch runs from the hour after a conversion to the next hour with one (or the day's end).
        var certain = Math.Log(1 / o.ConversionsStoppedLevel);
        var kept = clicks;
        foreach (var day in days)
        {
            var start = day.ToDateTime(TimeOnly.MinValue);
            long silent = 0;
            for (var h = 0; h <= 24; h++)
            {
                RawTotals row = default;
                if (h == 24 || (history.TryGet(start.AddHours(h), out row) && Converted(row) > 0))
                {
                    kept -= silent * pooled >= certain ? silent : 0;
                    silent = 0;
                }
                else
                {
                    silent += row.DestinationClicks;
                }
            }
        }

        return ((double)conversions / kept, days.Count);
    }

    /// <summary>
    /// The earlier days a scan has kept for a campaign (as the scanner keeps them): the days 2 to 6 before today and the
    /// same weekday of each of the last <see cref="BaselineOptions.MaximumWeeks"/> weeks. Yesterday is left out: read just
    /// after it closed, its last hour would be kept short.
    /// </summary>
    public static IEnumerable<DateOnly> KeptDays(DateOnly today, BaselineOptions o) =>
        Enumerable.Range(2, 5).Select(k => today.AddDays(-k)).Concat(Enumerable.Range(1, o.MaximumWeeks).Select(k => today.AddDays(-7 * k)));

    /// <summary>
    /// Delivery stopped in the latest hour: no impression at all where the same hour of the days 2 to 7 before (yesterday
    /// left out, as the scanner keeps it: read just after it closed; at least <see cref="BaselineOptions.MinimumWeeks"/> of
    /// them read) brought at least
    /// <see cref="BaselineOptions.StoppedHourMinimumImpressions"/> in the median day. Needs days, not weeks, so a campaign
    /// too young for a baseline is judged too. Null when not, or when the latest hour was not read. The caller rules out
    /// a spent budget.
    /// </summary>
    public static BaselineAlert? StoppedHour(HourlyHistory history, DateTime localNow, BaselineOptions o)
    {
        var hour = localNow.Hour;
        var today = DateOnly.FromDateTime(localNow);
        if (hour == 0 || history.Through(today, hour - 1, hour) is not { } latest || !latest.Reported(RawCount.Impressions) || latest.Impressions > 0)
        {
            return null;
        }

        var values = new List<decimal>(6);
        for (var k = 2; k <= 7; k++)
        {
            if (history.Through(today.AddDays(-k), hour - 1, hour) is { } w && w.Reported(RawCount.Impressions))
            {
                values.Add(w.Impressions);
            }
        }

        if (values.Count < o.MinimumWeeks)
        {
            return null;
        }

        if (Median(values) < o.StoppedHourMinimumImpressions)
        {
            return null;
        }

        var usual = Range(values, o)!;
        return Make(BaselineRule.DeliveryStopped, 0, usual, string.Create(CultureInfo.InvariantCulture,
            $"Impressions {hour - 1:00}:00-{hour:00}:00 were {usual.Low:N0}-{usual.High:N0} on {values.Count} earlier days; this time none: delivery has stopped."))
            with { Figure = "Impressions in the latest hour", UsualName = string.Create(CultureInfo.InvariantCulture, $"usual lowest of {values.Count} days") };
    }

    /// <summary>The median of <paramref name="values"/> (sorted in place): robust to one past outage among the days.</summary>
    private static decimal Median(List<decimal> values)
    {
        values.Sort();
        return values.Count % 2 == 1 ? values[values.Count / 2] : (values[values.Count / 2 - 1] + values[values.Count / 2]) / 2;
    }

    private static string Chance(double p) =>
        p < 1e-6 ? "under 1 in a million" : string.Create(CultureInfo.InvariantCulture, $"1 in {Math.Round(1 / p):N0}");

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
