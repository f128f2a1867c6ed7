using TikTokBot.Domain.Alerts;
using TikTokBot.Domain.Alerts.Baselines;
using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Money;

namespace TikTokBot.Domain.Tests.Alerts;

/// <summary>The scan's judgement of one campaign: its own usual range when it has 4 earlier same weekdays, the fixed floor when not.</summary>
public sealed class AlertJudgeTests
{
    // Tuesday 1 December 2026, 14:00 advertiser time: the hours 00:00-14:00 are judged.
    private static readonly DateTime Now = new(2026, 12, 1, 14, 0, 0);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now);

    private static IEnumerable<KeyValuePair<DateTime, RawTotals>> Day(DateOnly day, decimal spendPerHour, int untilHour = 24, int readHours = 24) =>
        Enumerable.Range(0, readHours).Select(h => new KeyValuePair<DateTime, RawTotals>(day.ToDateTime(new TimeOnly(h, 0)),
            new RawTotals { Spend = h < untilHour ? spendPerHour : 0m, Impressions = h < untilHour ? 2000 : 0, DestinationClicks = h < untilHour ? 20 : 0 }));

    /// <summary>$13-17 an hour on the last <paramref name="weeks"/> Tuesdays, and today's hours.</summary>
    private static HourlyHistory History(int weeks, IEnumerable<KeyValuePair<DateTime, RawTotals>> today)
    {
        decimal[] perHour = [14m, 17m, 13m, 16m, 15m];
        return new HourlyHistory(Enumerable.Range(1, weeks).SelectMany(k => Day(Today.AddDays(-7 * k), perHour[k - 1])).Concat(today));
    }

    /// <summary>
    /// Today so far as the fixed rules see it: $35 spent, no conversion, a $60 daily budget, and no impressions in the last two
    /// hours. The fixed rules fire spend without conversions (meaningful spend is $20 without a target) and no delivery.
    /// </summary>
    private static CampaignToday Input() => new()
    {
        CampaignId = "c1",
        CampaignName = "Evergreen",
        Enabled = true,
        Converts = true,
        LocalNow = Now,
        Today = new RawTotals { Spend = 35m, Impressions = 20_000, DestinationClicks = 200 },
        DailyBudget = 600m,
        HourlyImpressions = [2000, 2000, 0, 0],
    };

    private static readonly AlertOptions Fixed = new() { MeaningfulSpendWithoutTarget = 20m };

    [Fact]
    public void Without_four_earlier_weeks_the_fixed_thresholds_judge_with_their_severities()
    {
        var judged = AlertJudge.Judge(Input(), History(3, Day(Today, 2.5m, readHours: 14)), Fixed, new BaselineOptions());

        Assert.Equal([(AlertRule.SpendWithoutConversions, AlertSeverity.Critical, false), (AlertRule.NoDelivery, AlertSeverity.Critical, false)],
            judged.Select(j => (j.Alert.Rule, j.Severity, j.FromBaseline)));
        Assert.Equal(AlertRules.Check(Input(), Fixed).Select(a => a.Summary), judged.Select(j => j.Alert.Summary));
        Assert.Equal(2, AlertJudge.Judge(Input(), null, Fixed, new BaselineOptions()).Count);
    }

    [Fact]
    public void With_four_weeks_the_campaigns_own_range_stands_in_for_the_fixed_rules_of_the_same_metrics_and_says_what_usual_was_in_its_currency()
    {
        // $2.50 an hour today: $35 by 14:00 where the last four Tuesdays spent $182-$238, and the last hour $2.50 where it
        // usually spends $13-$17.
        var judged = AlertJudge.Judge(Input(), History(4, Day(Today, 2.5m, readHours: 14)), Fixed, new BaselineOptions(), Currency.Of("USD"));

        Assert.Equal([(AlertRule.NoDelivery, AlertSeverity.Critical), (AlertRule.SpendBelowUsual, AlertSeverity.Warning)],
            judged.Select(j => (j.Alert.Rule, j.Severity)));
        var below = judged[1];
        Assert.Equal("Spend by 14:00 is usually $182-$238; today $35.00.", below.Alert.Summary);
        Assert.Equal(new UsualRange(182m, 238m, 4), below.Usual);
        var figure = Assert.Single(below.Alert.Figures);
        Assert.Equal(("Spend so far today", 35m, 182m, "usual lowest of 4 weeks"), (figure.Name, figure.Value, figure.Threshold, figure.ThresholdName));
        Assert.Equal("Spend 13:00-14:00 is usually $13.00-$17.00; this time $2.50: delivery has all but stopped.", judged[0].Alert.Summary);
        Assert.Equal(("c1", "Evergreen"), (judged[0].Alert.CampaignId, judged[0].Alert.CampaignName));
    }

    [Fact]
    public void A_campaign_on_its_usual_pace_is_quiet_where_the_fixed_rules_would_fire_but_its_fatigue_is_still_told()
    {
        // $15 an hour through 14:00: inside its range. The fixed rules still see $35 without a conversion and no delivery in
        // two hours (the input says so); the baselines replace them. Frequency is no hourly figure: the fixed rule stays.
        var input = Input() with { RecentReach = 10_000, PreviousDays = [new RawTotals { Impressions = 40_000 }] };
        var judged = AlertJudge.Judge(input, History(4, Day(Today, 15m, readHours: 14)), Fixed, new BaselineOptions());

        Assert.Equal([(AlertRule.FrequencyAlert, AlertSeverity.Warning)], judged.Select(j => (j.Alert.Rule, j.Severity)));
    }

    [Fact]
    public void Every_baseline_rule_is_told_under_the_fixed_rule_of_its_metric_or_its_own()
    {
        Assert.Equal(
            [AlertRule.NoDelivery, AlertRule.SpendBelowUsual, AlertRule.SpendAboveUsual, AlertRule.CostPerResultHigh, AlertRule.SpendWithoutConversions,
             AlertRule.CostPerResultHigh, AlertRule.CtrDrop],
            Enum.GetValues<BaselineRule>().Select(AlertJudge.RuleOf));
        Assert.All(Enum.GetValues<BaselineRule>(), r => Assert.Equal(AlertSeverities.Of(r), AlertSeverities.Of(AlertJudge.RuleOf(r))));
        Assert.Equal(AlertSeverity.Warning, AlertSeverities.Of(AlertRule.SpendAboveUsual));
    }

    [Fact]
    public void A_fixed_cost_per_result_breach_stays_beside_the_baselines_when_it_is_certain_even_if_usual_is_as_bad()
    {
        // A $10 target and four Tuesdays at the usual $13-17 an hour; today the same spend, so no baseline alert. $210
        // spent for 3 real-time conversions is $70 each, 7x the target: at $10 each 21 would be expected, and 3 or fewer
        // has a chance of about 1 in 100 million, under FixedFloorLevel (1 in 100,000).
        var history = History(4, Day(Today, 15m, readHours: 14));
        var certain = Input() with
        {
            TargetCostPerResult = 10m,
            Today = new RawTotals { Spend = 210m, Impressions = 28_000, DestinationClicks = 280, Conversions = 3, RealTimeConversions = 3 },
            HourlyImpressions = [2000, 2000],
        };

        var judged = AlertJudge.Judge(certain, history, Fixed, new BaselineOptions());

        var floor = Assert.Single(judged);
        Assert.Equal((AlertRule.CostPerResultHigh, AlertSeverity.Warning, false), (floor.Alert.Rule, floor.Severity, floor.FromBaseline));
        Assert.StartsWith("Real-time cost per result 70.00 is 7x the target 10.00.", floor.Alert.Summary);

        // Early in the day: $30 for no conversion yet is 3x the target and fires the fixed rules, but 3 expected and none
        // seen happens 5% of the time: the baselines judge it, and they are quiet.
        var early = certain with { Today = new RawTotals { Spend = 30m, Impressions = 4_000, DestinationClicks = 40 } };
        Assert.NotEmpty(AlertRules.Check(early, Fixed));
        Assert.Empty(AlertJudge.Judge(early, history, Fixed, new BaselineOptions()));
    }

    [Fact]
    public void A_campaign_too_young_for_a_baseline_is_told_its_stop_at_the_first_scan_when_its_budget_is_known()
    {
        // Five days of 2,000 impressions an hour (no earlier Tuesday): the fixed rule needs two empty hours, the last
        // days tell the first one.
        var days = Enumerable.Range(1, 5).SelectMany(k => Day(Today.AddDays(-k), 15m));
        var history = new HourlyHistory(days.Concat(Day(Today, 15m, untilHour: 13, readHours: 14)));
        var today = Input() with
        {
            Converts = false,
            Today = new RawTotals { Spend = 195m, Impressions = 26_000, DestinationClicks = 260 },
            HourlyImpressions = [2000, 2000, 0],
        };

        var judged = Assert.Single(AlertJudge.Judge(today, history, Fixed, new BaselineOptions()));
        Assert.Equal((AlertRule.NoDelivery, AlertSeverity.Critical, true), (judged.Alert.Rule, judged.Severity, judged.FromBaseline));
        Assert.DoesNotContain(AlertJudge.Judge(today with { DailyBudget = null }, history, Fixed, new BaselineOptions()), j => j.Alert.Rule == AlertRule.NoDelivery);
        Assert.DoesNotContain(AlertJudge.Judge(today with { DailyBudget = 200m }, history, Fixed, new BaselineOptions()), j => j.Alert.Rule == AlertRule.NoDelivery);
    }

    [Fact]
    public void A_campaign_too_young_for_a_baseline_is_told_its_clicks_stopped_converting_on_the_days_it_has()
    {
        // Days 2 to 6 before today: 500 clicks and 10 conversions an hour (2%); today the same until 13:00, then 500
        // clicks without one: 10 expected, e^-10 under one in ten thousand. Yesterday is not among the days kept.
        IEnumerable<KeyValuePair<DateTime, RawTotals>> Hours(DateOnly day, int silentFrom, int readHours) =>
            Enumerable.Range(0, readHours).Select(h => new KeyValuePair<DateTime, RawTotals>(day.ToDateTime(new TimeOnly(h, 0)), new RawTotals
            {
                Spend = 15m, Impressions = 50_000, DestinationClicks = 500,
                Conversions = h < silentFrom ? 10 : 0, RealTimeConversions = h < silentFrom ? 10 : 0,
            }));
        var history = new HourlyHistory(Enumerable.Range(2, 5).SelectMany(k => Hours(Today.AddDays(-k), 24, 24)).Concat(Hours(Today, 13, 14)));
        var today = Input() with
        {
            Today = new RawTotals { Spend = 210m, Impressions = 700_000, DestinationClicks = 7_000, Conversions = 130, RealTimeConversions = 130 },
            HourlyImpressions = [50_000, 50_000],
        };

        var judged = Assert.Single(AlertJudge.Judge(today, history, Fixed, new BaselineOptions()));

        Assert.Equal((AlertRule.SpendWithoutConversions, AlertSeverity.Critical, true), (judged.Alert.Rule, judged.Severity, judged.FromBaseline));
        Assert.StartsWith("No conversion since 13:00: 500 clicks and $15.00 spent", AlertJudge.Judge(today, history, Fixed, new BaselineOptions(), Currency.Of("USD"))[0].Alert.Summary);
        // Four kept days are the least: with three, no rate to judge by.
        var three = new HourlyHistory(Enumerable.Range(2, 3).SelectMany(k => Hours(Today.AddDays(-k), 24, 24)).Concat(Hours(Today, 13, 14)));
        Assert.Empty(AlertJudge.Judge(today, three, Fixed, new BaselineOptions()));
    }

    [Fact]
    public void The_days_kept_for_a_campaign_are_the_days_2_to_6_before_and_the_same_weekday_of_8_weeks()
    {
        Assert.Equal(
            [Today.AddDays(-2), Today.AddDays(-3), Today.AddDays(-4), Today.AddDays(-5), Today.AddDays(-6),
             .. Enumerable.Range(1, 8).Select(k => Today.AddDays(-7 * k))],
            BaselineCheck.KeptDays(Today, new BaselineOptions()));
    }
}
