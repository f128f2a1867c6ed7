using TikTokBot.Domain.Alerts;
using TikTokBot.Domain.Alerts.Baselines;
using TikTokBot.Domain.Metrics;

namespace TikTokBot.Domain.Tests.Alerts;

public sealed class BaselineCheckTests
{
    private static readonly BaselineOptions Options = new();

    // The scan at 14:00 advertiser time on Tuesday 1 December 2026 judges the hours 00:00-14:00.
    private static readonly DateTime Now = new(2026, 12, 1, 14, 0, 0);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now);

    /// <summary>A day that spends the same every hour from midnight to <paramref name="untilHour"/> and nothing after.</summary>
    private static IEnumerable<KeyValuePair<DateTime, RawTotals>> Day(DateOnly day, decimal spendPerHour, long conversionsPerHour = 0,
        long impressionsPerHour = 0, long clicksPerHour = 0, int untilHour = 24, int readHours = 24)
    {
        for (var h = 0; h < readHours; h++)
        {
            var on = h < untilHour;
            yield return new(day.ToDateTime(new TimeOnly(h, 0)), new RawTotals
            {
                Spend = on ? spendPerHour : 0m,
                Conversions = on ? conversionsPerHour : 0,
                RealTimeConversions = on ? conversionsPerHour : 0,
                Impressions = on ? impressionsPerHour : 0,
                DestinationClicks = on ? clicksPerHour : 0,
            });
        }
    }

    /// <summary>The same Tuesday in earlier weeks, one week ago first, then today's hours.</summary>
    private static HourlyHistory History(IEnumerable<KeyValuePair<DateTime, RawTotals>> today,
        params Func<DateOnly, IEnumerable<KeyValuePair<DateTime, RawTotals>>>[] earlierWeeks) =>
        new(earlierWeeks.SelectMany((week, i) => week(Today.AddDays(-7 * (i + 1)))).Concat(today));

    // A ~$350-a-day campaign: $13 to $17 an hour on its last four Tuesdays, so $182-238 by 14:00.
    private static readonly Func<DateOnly, IEnumerable<KeyValuePair<DateTime, RawTotals>>>[] FourTuesdays =
        [d => Day(d, 14m), d => Day(d, 17m), d => Day(d, 13m), d => Day(d, 16m)];

    private static BaselineRule[] Rules(HourlyHistory history, bool converts = true) =>
        BaselineCheck.Check(history, Now, converts, Options).Select(a => a.Rule).ToArray();

    [Fact]
    public void Spend_of_35_by_14_00_against_a_usual_182_to_238_fires_and_says_what_usual_was()
    {
        // $2.50 an hour: 35 by 14:00, under 182 x 0.6 = 109.20. The last hour (2.50) is also under 13 x 0.2 = 2.60.
        var history = History(Day(Today, 2.5m, readHours: 14), FourTuesdays);

        Assert.Equal([BaselineRule.DeliveryStopped, BaselineRule.SpendBelowUsual], Rules(history, converts: false));
        var alert = Assert.Single(BaselineCheck.Check(history, Now, converts: false, Options), a => a.Rule == BaselineRule.SpendBelowUsual);

        Assert.Equal("Spend by 14:00 is usually 182-238; today 35.00.", alert.Summary);
        Assert.Equal(new UsualRange(182m, 238m, 4), alert.Usual);
        Assert.Equal(35m, alert.Today);
        Assert.Equal(AlertSeverity.Warning, alert.Severity);
    }

    [Fact]
    public void Spend_inside_the_40_percent_margin_below_the_usual_range_stays_quiet()
    {
        // $7.90 an hour: 110.60 by 14:00, above 182 x 0.6 = 109.20; the last hour (7.90) is above 13 x 0.2 = 2.60.
        Assert.Empty(Rules(History(Day(Today, 7.9m, readHours: 14), FourTuesdays), converts: false));
        // $7.80 an hour: 109.20 is not below 109.20 either; $7.70 an hour (107.80) is.
        Assert.Empty(Rules(History(Day(Today, 7.8m, readHours: 14), FourTuesdays), converts: false));
        Assert.Equal([BaselineRule.SpendBelowUsual], Rules(History(Day(Today, 7.7m, readHours: 14), FourTuesdays), converts: false));
    }

    [Fact]
    public void A_campaign_that_stopped_at_11_00_is_critical_at_the_14_00_scan_though_its_day_is_still_in_range()
    {
        // $15 an hour until 11:00: 165 by 14:00 is inside the margin (above 109.20), but 13:00-14:00 spent nothing
        // where that hour usually spends 13 to 17.
        var history = History(Day(Today, 15m, untilHour: 11, readHours: 14), FourTuesdays);

        var alert = Assert.Single(BaselineCheck.Check(history, Now, converts: false, Options));

        Assert.Equal(BaselineRule.DeliveryStopped, alert.Rule);
        Assert.Equal(AlertSeverity.Critical, alert.Severity);
        Assert.Equal("Spend 13:00-14:00 is usually 13.00-17.00; this time 0.00: delivery has all but stopped.", alert.Summary);
    }

    [Fact]
    public void A_small_campaign_is_judged_on_enough_latest_hours_to_usually_spend_5()
    {
        // A ~$100-a-day campaign at $4-4.50 an hour: one hour usually spends under 5, two hours 8-9.
        Func<DateOnly, IEnumerable<KeyValuePair<DateTime, RawTotals>>>[] small = [d => Day(d, 4m), d => Day(d, 4.5m), d => Day(d, 4m), d => Day(d, 4.5m)];

        var five = new BaselineOptions { MinimumUsualHourSpend = 5m };
        // Stopped at 13:00: the two latest hours spent 4, above 8 x 0.2 = 1.60.
        Assert.Empty(BaselineCheck.Check(History(Day(Today, 4m, untilHour: 13, readHours: 14), small), Now, false, five));

        // Stopped at 12:00: nothing in the two latest hours.
        var alert = Assert.Single(BaselineCheck.Check(History(Day(Today, 4m, untilHour: 12, readHours: 14), small), Now, false, five));
        Assert.Equal(BaselineRule.DeliveryStopped, alert.Rule);
        Assert.Equal("Spend 12:00-14:00 is usually 8.00-9.00; this time 0.00: delivery has all but stopped.", alert.Summary);

        // The default $1 judges the last hour alone: the stop at 13:00 is told by the 14:00 scan.
        Assert.Equal("Spend 13:00-14:00 is usually 4.00-4.50; this time 0.00: delivery has all but stopped.",
            Assert.Single(BaselineCheck.Check(History(Day(Today, 4m, untilHour: 13, readHours: 14), small), Now, false, Options)).Summary);
    }

    /// <summary>Hours of <paramref name="clicks"/> clicks at $15, with <paramref name="conversions"/> conversions each until <paramref name="silentFrom"/>.</summary>
    private static IEnumerable<KeyValuePair<DateTime, RawTotals>> Clicks(DateOnly day, long clicks, long conversions, int silentFrom = 24, int readHours = 24) =>
        Day(day, 15m, conversions, impressionsPerHour: clicks * 100, clicksPerHour: clicks, readHours: readHours)
            .Select(h => h.Key.Hour >= silentFrom ? new KeyValuePair<DateTime, RawTotals>(h.Key, h.Value with { Conversions = 0, RealTimeConversions = 0 }) : h);

    /// <summary>The last four Tuesdays, each with <paramref name="clicks"/> clicks and <paramref name="conversions"/> conversions an hour.</summary>
    private static Func<DateOnly, IEnumerable<KeyValuePair<DateTime, RawTotals>>>[] FourTuesdaysOf(long clicks, long conversions) =>
        [.. Enumerable.Repeat<Func<DateOnly, IEnumerable<KeyValuePair<DateTime, RawTotals>>>>(d => Clicks(d, clicks, conversions), 4)];

    [Fact]
    public void Clicks_that_stop_converting_are_critical_once_no_conversion_over_them_is_under_one_in_ten_thousand()
    {
        // 500 clicks and 10 conversions an hour on the last four Tuesdays: 2% of clicks convert. Today none since 13:00:
        // 500 clicks would usually bring 10, and e^-10 = 0.0045% is under the 0.01% level.
        var busy = FourTuesdaysOf(500, 10);

        var alert = Assert.Single(BaselineCheck.Check(History(Clicks(Today, 500, 10, silentFrom: 13, readHours: 14), busy), Now, converts: true, Options));

        Assert.Equal((BaselineRule.ConversionsStopped, AlertSeverity.Critical), (alert.Rule, alert.Severity));
        Assert.Equal("No conversion since 13:00: 500 clicks and 15.00 spent, where 2.00% of clicks usually convert (10 expected; none has a chance of 1 in 22,026): tracking or the landing page may have broken.",
            alert.Summary);
        Assert.Equal(AlertRule.SpendWithoutConversions, AlertJudge.RuleOf(alert.Rule));
    }

    [Fact]
    public void A_campaign_with_two_conversions_an_hour_is_told_only_when_its_silence_is_as_improbable()
    {
        // 100 clicks and 2 conversions an hour: one silent hour is e^-2 = 14%, four are e^-8 = 0.03%, five e^-10.
        var small = FourTuesdaysOf(100, 2);

        // Three silent hours (e^-6 = 1 in 403) are quiet; four (1 in 2,981) are a warning, not yet certain; five are critical.
        Assert.Empty(Rules(History(Clicks(Today, 100, 2, silentFrom: 13, readHours: 14), small)));
        Assert.Empty(Rules(History(Clicks(Today, 100, 2, silentFrom: 11, readHours: 14), small)));
        Assert.Equal([BaselineRule.ConversionsQuiet], Rules(History(Clicks(Today, 100, 2, silentFrom: 10, readHours: 14), small)));
        Assert.Equal([BaselineRule.ConversionsStopped], Rules(History(Clicks(Today, 100, 2, silentFrom: 9, readHours: 14), small)));
        // A lower level waits longer: at one in a million (λ ≥ 13.8) five silent hours are not enough, seven are.
        var strict = new BaselineOptions { ConversionsStoppedLevel = 0.000001 };
        Assert.DoesNotContain(BaselineCheck.Check(History(Clicks(Today, 100, 2, silentFrom: 9, readHours: 14), small), Now, true, strict),
            a => a.Rule == BaselineRule.ConversionsStopped);
        Assert.Contains(BaselineCheck.Check(History(Clicks(Today, 100, 2, silentFrom: 7, readHours: 14), small), Now, true, strict),
            a => a.Rule == BaselineRule.ConversionsStopped);
    }

    /// <summary>The kept days 2 to 6 before today (yesterday left out), each from <paramref name="day"/>(k), then today's hours.</summary>
    private static HourlyHistory KeptDays(IEnumerable<KeyValuePair<DateTime, RawTotals>> today, Func<DateOnly, int, IEnumerable<KeyValuePair<DateTime, RawTotals>>> day) =>
        new(Enumerable.Range(2, 5).SelectMany(k => day(Today.AddDays(-k), k)).Concat(today));

    [Fact]
    public void The_usual_conversion_rate_counts_each_conversion_once_not_each_day()
    {
        // Three quiet days of 50 clicks and 1 conversion an hour (1,200 clicks, 24 conversions: 2%) and two busy ones of 500
        // and 20 (12,000 clicks, 480 conversions: 4%). The median day says 2%; all the conversions over all the clicks are
        // 1,032 / 27,600 = 3.74%: the busy days' 960 conversions outweigh the quiet days' 72.
        var history = KeptDays(Clicks(Today, 100, 2, readHours: 14), (d, k) => k is 4 or 5 ? Clicks(d, 500, 20) : Clicks(d, 50, 1));

        var (rate, days) = BaselineCheck.UsualConversionRate(history, Today, RawCount.RealTimeConversions, Options)!.Value;

        Assert.Equal(1032.0 / 27600, rate, 12);
        Assert.Equal(5, days);
    }

    [Fact]
    public void A_past_tracking_break_in_the_kept_days_does_not_lower_the_usual_rate()
    {
        // Five kept days of 100 clicks and 4 conversions an hour (4%); on one of them tracking broke at 12:00. Counted as it
        // came, 432 conversions over 12,000 clicks say 3.6%. Its 1,200 silent clicks would have brought 43 at that rate
        // (a chance of e^-43): the silence the rule calls a break is left out, and 432 / 10,800 = 4% is usual again.
        var broken = KeptDays(Clicks(Today, 100, 4, readHours: 14), (d, k) => Clicks(d, 100, 4, silentFrom: k == 3 ? 12 : 24));

        Assert.Equal(0.04, BaselineCheck.UsualConversionRate(broken, Today, RawCount.RealTimeConversions, Options)!.Value.Rate, 12);

        // Silent from 22:00 instead: 200 clicks would bring 7.9 at the pooled 472 / 12,000 = 3.93%, a chance of 1 in 2,600:
        // not a break the rule would call, so those hours stay in.
        var late = KeptDays(Clicks(Today, 100, 4, readHours: 14), (d, k) => Clicks(d, 100, 4, silentFrom: k == 3 ? 22 : 24));
        Assert.Equal(472.0 / 12000, BaselineCheck.UsualConversionRate(late, Today, RawCount.RealTimeConversions, Options)!.Value.Rate, 12);

        // Four kept days are the least.
        var three = new HourlyHistory(Enumerable.Range(2, 3).SelectMany(k => Clicks(Today.AddDays(-k), 100, 4)));
        Assert.Null(BaselineCheck.UsualConversionRate(three, Today, RawCount.RealTimeConversions, Options));
    }

    [Fact]
    public void A_silence_not_yet_certain_is_a_warning_that_says_its_chance_and_becomes_critical_when_it_is()
    {
        // 100 clicks and 2 conversions an hour (2%). Silent since 10:00: 400 clicks would usually bring 8, and none has a
        // chance of e^-8 = 1 in 2,981: under the quiet level (1 in 1,000), not the stopped one (1 in 10,000).
        var small = FourTuesdaysOf(100, 2);

        var quiet = Assert.Single(BaselineCheck.Check(History(Clicks(Today, 100, 2, silentFrom: 10, readHours: 14), small), Now, converts: true, Options));

        Assert.Equal((BaselineRule.ConversionsQuiet, AlertSeverity.Warning), (quiet.Rule, quiet.Severity));
        Assert.Equal("No conversion since 10:00: 400 clicks and 60.00 spent, where 2.00% of clicks usually convert (8 expected; none has a chance of 1 in 2,981): not yet certain; check tracking if it goes on.",
            quiet.Summary);
        Assert.Equal(AlertRule.CostPerResultHigh, AlertJudge.RuleOf(quiet.Rule));
        // Off at level 0; an hour later (500 clicks, e^-10) it is the critical alert instead.
        Assert.Empty(BaselineCheck.Check(History(Clicks(Today, 100, 2, silentFrom: 10, readHours: 14), small), Now, true, new BaselineOptions { ConversionsQuietLevel = 0 }));
        Assert.Null(BaselineCheck.ConversionsQuiet(History(Clicks(Today, 100, 2, silentFrom: 9, readHours: 14), small), Now, Options));
        Assert.NotNull(BaselineCheck.ConversionsStopped(History(Clicks(Today, 100, 2, silentFrom: 9, readHours: 14), small), Now, Options));
    }

    [Fact]
    public void Conversions_that_stop_on_two_campaigns_at_once_are_sure_together_before_either_is_alone()
    {
        // Two campaigns of one advertiser, each 100 clicks and 2 conversions an hour on its kept days (2%). Today both none
        // since 11:00: by 14:00 each has 300 clicks, 6 expected, none a chance of 1 in 403 alone; together 600 clicks and
        // 12 expected, e^-12 = 1 in 162,755.
        HourlyHistory Campaign(int silentFrom, long clicks = 100, long conversions = 2) =>
            KeptDays(Clicks(Today, clicks, conversions, silentFrom: silentFrom, readHours: 14), (d, _) => Clicks(d, 100, 2));

        Assert.Null(BaselineCheck.ConversionsStopped(Campaign(11), Now, Options));
        var both = BaselineCheck.ConversionsStoppedTogether([("a", "Spring Sale", Campaign(11)), ("b", "Retargeting", Campaign(11))], Now, Options);

        Assert.Equal(["a", "b"], both.Select(f => f.CampaignId));
        Assert.All(both, f => Assert.Equal((BaselineRule.ConversionsStopped, AlertSeverity.Critical), (f.Alert.Rule, f.Alert.Severity)));
        Assert.Equal("No conversion on 2 campaigns of this advertiser since 11:00 (Spring Sale, Retargeting): 600 clicks and 90.00 spent, where 12 conversions were expected at their usual rates; none on all of them has a chance of 1 in 162,755: the advertiser's pixel or events may have stopped. This campaign: 300 clicks, 6 expected.",
            both[0].Alert.Summary);

        // One silent since 12:00 instead: the common silence is 12:00-14:00, 400 clicks and 8 expected (1 in 2,981), and
        // two common hours were tried (11:00 and 12:00), so 1 in 1,490: not sure.
        Assert.Empty(BaselineCheck.ConversionsStoppedTogether([("a", "Spring Sale", Campaign(11)), ("b", "Retargeting", Campaign(12))], Now, Options));

        // A third campaign with 10 clicks an hour today, none all day: its 30 clicks since 11:00 would bring 0.6, under the one
        // conversion a campaign needs to count (TogetherMinimumExpected): it is not blamed by association. The hours tried
        // are 00:00 and 11:00, so the two are 1 in 81,377 together, still sure.
        var three = BaselineCheck.ConversionsStoppedTogether(
            [("a", "Spring Sale", Campaign(11)), ("b", "Retargeting", Campaign(11)), ("c", "Small Test", Campaign(0, clicks: 10))], Now, Options);
        Assert.Equal(["a", "b"], three.Select(f => f.CampaignId));
        Assert.Contains("a chance of 1 in 81,377", three[0].Alert.Summary, StringComparison.Ordinal);

        // A campaign whose own silence is sure is told on its own and left out: with it, one is too few.
        Assert.Empty(BaselineCheck.ConversionsStoppedTogether([("a", "Spring Sale", Campaign(11)), ("b", "Retargeting", Campaign(8))], Now, Options));
    }

    [Fact]
    public void Poisson_tails_are_those_of_the_textbook()
    {
        Assert.Equal(Math.Exp(-9.2), Poisson.AtMost(0, 9.2), 12);
        Assert.Equal(2.5 * Math.Exp(-1), Poisson.AtMost(2, 1), 12);
        Assert.Equal(1, Poisson.AtMost(3, 0));
        // A mean of 1,000 does not underflow: 900 or fewer is about 0.07% (the normal approximation says 0.08%).
        Assert.InRange(Poisson.AtMost(900, 1000), 0.0006, 0.0008);
    }

    [Fact]
    public void An_hour_with_no_impression_where_the_days_before_had_thousands_is_a_stop_at_the_first_scan()
    {
        // Six days before today (not all Tuesdays: a young campaign has no baseline) with 2,000 impressions an hour; today
        // none from 13:00.
        var days = Enumerable.Range(1, 6).SelectMany(k => Day(Today.AddDays(-k), 15m, impressionsPerHour: 2000));
        var history = new HourlyHistory(days.Concat(Day(Today, 15m, impressionsPerHour: 2000, untilHour: 13, readHours: 14)));

        var alert = BaselineCheck.StoppedHour(history, Now, Options);

        Assert.NotNull(alert);
        Assert.Equal("Impressions 13:00-14:00 were 2,000-2,000 on 5 earlier days; this time none: delivery has stopped.", alert.Summary);
        // The median day under 30 impressions in that hour: too small to tell.
        var small = new HourlyHistory(Enumerable.Range(1, 6).SelectMany(k => Day(Today.AddDays(-k), 0.2m, impressionsPerHour: 25))
            .Concat(Day(Today, 0.2m, impressionsPerHour: 25, untilHour: 13, readHours: 14)));
        Assert.Null(BaselineCheck.StoppedHour(small, Now, Options));
    }

    [Fact]
    public void A_campaign_that_spent_its_daily_budget_has_not_stopped()
    {
        // $15 an hour until 13:00: 195 of a $200 budget (over 95%), then nothing.
        var history = History(Day(Today, 15m, untilHour: 13, readHours: 14), FourTuesdays);

        Assert.Empty(BaselineCheck.Check(history, Now, false, Options, dailyBudget: 200m));
        Assert.Equal([BaselineRule.DeliveryStopped], BaselineCheck.Check(history, Now, false, Options, dailyBudget: 300m).Select(a => a.Rule));
        Assert.Equal([BaselineRule.DeliveryStopped], Rules(history, converts: false));
    }

    [Fact]
    public void Spend_of_420_by_14_00_against_a_usual_182_to_238_is_overspend_and_300_is_not()
    {
        // 238 x 1.4 = 333.20.
        var over = Assert.Single(BaselineCheck.Check(History(Day(Today, 30m, readHours: 14), FourTuesdays), Now, false, Options));
        Assert.Equal(BaselineRule.SpendAboveUsual, over.Rule);
        Assert.Equal("Spend by 14:00 is usually 182-238; today 420.", over.Summary);

        Assert.Empty(Rules(History(Day(Today, 300m / 14m, readHours: 14), FourTuesdays), converts: false));
    }

    [Fact]
    public void Conversions_short_of_usual_while_spend_is_usual_are_a_warning_told_as_cost_per_result()
    {
        // Usually 1 or 2 conversions an hour: 14-28 by 14:00. Today the usual $15 an hour and 3 conversions in all.
        Func<DateOnly, IEnumerable<KeyValuePair<DateTime, RawTotals>>>[] converting =
            [d => Day(d, 14m, 1), d => Day(d, 17m, 2), d => Day(d, 13m, 1), d => Day(d, 16m, 2)];
        var today = Day(Today, 15m, readHours: 14).Select((h, i) => i < 3 ? new KeyValuePair<DateTime, RawTotals>(h.Key, h.Value with { Conversions = 1 }) : h);

        var alert = Assert.Single(BaselineCheck.Check(History(today, converting), Now, converts: true, Options));

        Assert.Equal(BaselineRule.ConversionsBelowUsual, alert.Rule);
        Assert.Equal(AlertSeverity.Warning, alert.Severity);
        Assert.Equal(AlertRule.CostPerResultHigh, AlertJudge.RuleOf(alert.Rule));
        Assert.Equal("Conversions by 14:00 are usually 14-28; today 3 for 210 spent.", alert.Summary);
        Assert.Empty(Rules(History(today, converting), converts: false));
    }

    [Fact]
    public void Conversions_short_of_usual_by_less_than_their_poisson_spread_stay_quiet()
    {
        // Usually 14-28 by 14:00; 8 is under 14 x 0.6 = 8.40, but only 6 short of 14, and 2 x sqrt(14) = 7.48: luck.
        // 6 is 8 short: a pixel that stopped.
        Func<DateOnly, IEnumerable<KeyValuePair<DateTime, RawTotals>>>[] converting =
            [d => Day(d, 14m, 1), d => Day(d, 17m, 2), d => Day(d, 13m, 1), d => Day(d, 16m, 2)];
        IEnumerable<KeyValuePair<DateTime, RawTotals>> Today(int conversions) =>
            Day(BaselineCheckTests.Today, 15m, readHours: 14).Select((h, i) => i < conversions ? new KeyValuePair<DateTime, RawTotals>(h.Key, h.Value with { Conversions = 1 }) : h);

        Assert.Empty(Rules(History(Today(8), converting)));
        Assert.Equal([BaselineRule.ConversionsBelowUsual], Rules(History(Today(6), converting)));
    }

    [Fact]
    public void Conversions_are_not_judged_when_they_usually_number_under_5_or_when_spend_is_already_down()
    {
        // One conversion every few hours: usually 0 by 14:00 on some Tuesdays.
        Func<DateOnly, IEnumerable<KeyValuePair<DateTime, RawTotals>>>[] rare =
            [d => Day(d, 14m, 0), d => Day(d, 17m, 1), d => Day(d, 13m, 0), d => Day(d, 16m, 1)];
        Assert.Empty(Rules(History(Day(Today, 15m, readHours: 14), rare)));

        Func<DateOnly, IEnumerable<KeyValuePair<DateTime, RawTotals>>>[] converting =
            [d => Day(d, 14m, 1), d => Day(d, 17m, 2), d => Day(d, 13m, 1), d => Day(d, 16m, 2)];
        // $3 an hour: 42 by 14:00, and the last hour above 13 x 0.2 = 2.60.
        Assert.Equal([BaselineRule.SpendBelowUsual], Rules(History(Day(Today, 3m, readHours: 14), converting)));
    }

    [Fact]
    public void A_ctr_of_0_4_percent_against_a_usual_1_to_1_3_percent_fires_after_1000_impressions()
    {
        // 2,000 impressions an hour; 20 to 26 destination clicks an hour is a CTR of 1.00% to 1.30%.
        Func<DateOnly, IEnumerable<KeyValuePair<DateTime, RawTotals>>>[] weeks =
            [d => Day(d, 14m, 0, 2000, 20), d => Day(d, 17m, 0, 2000, 26), d => Day(d, 13m, 0, 2000, 22), d => Day(d, 16m, 0, 2000, 24)];

        var alert = Assert.Single(BaselineCheck.Check(History(Day(Today, 15m, 0, 2000, 8, readHours: 14), weeks), Now, false, Options));
        Assert.Equal(BaselineRule.CtrBelowUsual, alert.Rule);
        Assert.Equal("CTR by 14:00 is usually 1.00%-1.30%; today 0.40% after 28,000 impressions.", alert.Summary);

        // 0.65% is above 1.00% x 0.6 = 0.60%.
        Assert.Empty(Rules(History(Day(Today, 15m, 0, 2000, 13, readHours: 14), weeks), converts: false));
        // 900 impressions by 14:00 is too few to judge.
        Assert.Empty(Rules(History(Day(Today, 15m, 0, 64, 0, readHours: 14), weeks), converts: false));
    }

    [Fact]
    public void Three_earlier_tuesdays_are_no_baseline_and_the_fixed_rules_stay_the_floor()
    {
        var three = History(Day(Today, 0m, readHours: 14), FourTuesdays[..3]);
        var four = History(Day(Today, 0m, readHours: 14), FourTuesdays);

        Assert.False(BaselineCheck.HasBaseline(three, Now, Options));
        Assert.Empty(Rules(three));
        Assert.True(BaselineCheck.HasBaseline(four, Now, Options));
        Assert.Contains(BaselineRule.SpendBelowUsual, Rules(four));
        Assert.False(BaselineCheck.HasBaseline(three, Now, new BaselineOptions { MinimumWeeks = 4 }));
        Assert.True(BaselineCheck.HasBaseline(three, Now, new BaselineOptions { MinimumWeeks = 3 }));
    }

    [Fact]
    public void Tuesdays_more_than_8_weeks_back_do_not_count()
    {
        // Weeks 1-3 and 9: three weeks within reach.
        Func<DateOnly, IEnumerable<KeyValuePair<DateTime, RawTotals>>> none = _ => [];
        var history = History(Day(Today, 0m, readHours: 14), d => Day(d, 14m), d => Day(d, 17m), d => Day(d, 13m),
            none, none, none, none, none, d => Day(d, 16m));

        Assert.False(BaselineCheck.HasBaseline(history, Now, Options));
        Assert.Empty(Rules(history));
    }

    [Fact]
    public void From_six_weeks_the_lowest_and_highest_week_are_dropped_so_a_past_outage_does_not_widen_usual()
    {
        // Six Tuesdays by 14:00: 0 (an outage), 182, 196, 224, 238, 700 (a sale) -> usual 182-238.
        var history = History(Day(Today, 2.5m, readHours: 14),
            d => Day(d, 0m), d => Day(d, 13m), d => Day(d, 14m), d => Day(d, 16m), d => Day(d, 17m), d => Day(d, 50m));

        var alert = Assert.Single(BaselineCheck.Check(history, Now, false, Options), a => a.Rule == BaselineRule.SpendBelowUsual);
        Assert.Equal(new UsualRange(182m, 238m, 6), alert.Usual);
    }

    [Fact]
    public void Only_hours_before_now_count_and_an_unread_hour_today_silences_the_check()
    {
        // Today's hours after 14:00 are in the history (a later read) with a large spend: the 14:00 check ignores them.
        var withLater = History(Day(Today, 3m, readHours: 14).Concat(Day(Today, 500m).Skip(14)), FourTuesdays);
        Assert.Equal("Spend by 14:00 is usually 182-238; today 42.00.",
            Assert.Single(BaselineCheck.Check(withLater, Now, false, Options)).Summary);

        // 13:00 was not read: no judgement on missing data.
        Assert.Empty(Rules(History(Day(Today, 0m, readHours: 13), FourTuesdays)));
        // At midnight nothing of today has happened yet.
        Assert.Empty(BaselineCheck.Check(History(Day(Today, 0m), FourTuesdays), Today.ToDateTime(TimeOnly.MinValue), true, Options));
    }

    [Theory]
    [InlineData(AlertRule.NoDelivery, AlertSeverity.Critical)]
    [InlineData(AlertRule.SpendWithoutConversions, AlertSeverity.Critical)]
    [InlineData(AlertRule.CostPerResultHigh, AlertSeverity.Warning)]
    [InlineData(AlertRule.CtrDrop, AlertSeverity.Warning)]
    [InlineData(AlertRule.BudgetRunsOutEarly, AlertSeverity.Warning)]
    [InlineData(AlertRule.FrequencyAlert, AlertSeverity.Warning)]
    [InlineData(AlertRule.CreditRunsOut, AlertSeverity.Warning)]
    [InlineData(AlertRule.FrequencyWarning, AlertSeverity.Info)]
    [InlineData(AlertRule.CreditExpiresUnused, AlertSeverity.Info)]
    [InlineData(AlertRule.LearningLimited, AlertSeverity.Info)]
    public void Each_fixed_rule_has_a_severity_money_lost_now_being_critical(AlertRule rule, AlertSeverity expected) =>
        Assert.Equal(expected, AlertSeverities.Of(rule));

    [Fact]
    public void Every_rule_fixed_or_baseline_has_a_severity()
    {
        Assert.All(Enum.GetValues<AlertRule>(), r => Assert.True(Enum.IsDefined(AlertSeverities.Of(r))));
        Assert.Equal(
            [AlertSeverity.Critical, AlertSeverity.Warning, AlertSeverity.Warning, AlertSeverity.Warning, AlertSeverity.Critical, AlertSeverity.Warning,
             AlertSeverity.Warning],
            Enum.GetValues<BaselineRule>().Select(AlertSeverities.Of));
    }
}
