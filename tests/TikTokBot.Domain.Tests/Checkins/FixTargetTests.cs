using TikTokBot.Domain.Alerts;
using TikTokBot.Domain.Checkins;
using TikTokBot.Domain.Diagnosis;
using TikTokBot.Domain.Funnel;
using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Objectives;

namespace TikTokBot.Domain.Tests.Checkins;

/// <summary>
/// Findings that name a count or Frequency are followed up on the rate or cost their first fix should move, so they can
/// get a verdict (DOMAIN.md section 10); the figures are worked by hand.
/// </summary>
public sealed class FixTargetTests
{
    private static readonly FixOutcomeOptions Defaults = new();
    private static readonly ObjectiveProfile Sales = ObjectiveCatalogue.Profile(Objective.WebsiteConversions);
    private static readonly ObjectiveProfile Views = ObjectiveCatalogue.Profile(Objective.VideoViews);

    private static Finding Named(string ruleId, MetricId? metric) =>
        new(ruleId, FunnelStage.Delivery, Severity.Warning, ruleId, "", [], [new(FixKind.Creative, "")]) { Metric = metric };

    [Theory]
    [InlineData("spend-without-results", MetricId.Conversions, MetricId.CostPerConversion)]
    [InlineData("no-live-conversions", MetricId.RealTimeConversions, MetricId.RealTimeCostPerConversion)]
    [InlineData("tracking-check", MetricId.Conversions, MetricId.CvrClicks)]
    [InlineData("creative-fatigue", MetricId.Frequency, MetricId.Ctr)]
    [InlineData("audience-burn", MetricId.Frequency, MetricId.Ctr)]
    [InlineData("low-delivery", MetricId.Impressions, MetricId.Impressions)]
    [InlineData("learning-limited", MetricId.Conversions, MetricId.Conversions)]
    [InlineData("weak-hook", MetricId.Ctr, MetricId.Ctr)]
    [InlineData("cpa-above-target", MetricId.CostPerConversion, MetricId.CostPerConversion)]
    public void A_sales_campaigns_finding_is_followed_up_on_a_rate_a_cost_or_a_count_per_day(string ruleId, MetricId named, MetricId judged) =>
        Assert.Equal(judged, FixTarget.For(Named(ruleId, named), Sales));

    [Fact]
    public void Creative_fatigue_on_a_video_views_campaign_is_judged_on_the_6_second_view_rate() =>
        Assert.Equal(MetricId.SixSecondViewRate, FixTarget.For(Named("creative-fatigue", MetricId.Frequency), Views));

    [Fact]
    public void Spend_without_results_then_24_conversions_on_the_same_600_dollars_worked()
    {
        // $600 and no conversion before (the finding); $600 and 24 conversions after, $25 each. Given 24 conversions, the
        // after period's share is binomial(24, 0.5): expected 12, sd sqrt(24 x 0.25) = 2.45, z = 12 / 2.45 = 4.9.
        var outcome = FixOutcome.Judge(FixTarget.For(Named("spend-without-results", MetricId.Conversions), Sales)!.Value,
            Spent(600m, 0), Spent(600m, 24), Defaults);

        Assert.Equal((FixVerdict.Better, null, 25m, null), (outcome.Verdict, outcome.Before, outcome.After, outcome.VolumeNeeded));
    }

    [Fact]
    public void Spend_without_results_still_without_a_conversion_is_no_clear_change_with_the_conversions_still_needed()
    {
        var outcome = FixOutcome.Judge(MetricId.CostPerConversion, Spent(600m, 0), Spent(550m, 0), Defaults);

        Assert.Equal(FixVerdict.NoClearChange, outcome.Verdict);
        Assert.Equal("the after period needs 20 more conversions", outcome.VolumeNeeded);
    }

    [Fact]
    public void Spend_without_results_then_20_conversions_on_ten_times_the_money_is_within_chance()
    {
        // $300 with none, then $3,000 with 20 ($150 each): the after share of the money is 10/11, expected 18.2 of 20,
        // sd sqrt(20 x 10/11 x 1/11) = 1.29, z = 1.8 / 1.29 = 1.41: the $300 could have missed its 1.8 by chance.
        var outcome = FixOutcome.Judge(MetricId.CostPerConversion, Spent(300m, 0), Spent(3_000m, 20), Defaults);

        Assert.Equal((FixVerdict.NoClearChange, (string?)null), (outcome.Verdict, outcome.VolumeNeeded));
    }

    [Fact]
    public void Creative_fatigue_judged_on_ctr_from_0_60_to_0_85_percent_on_40000_impressions_worked()
    {
        // 240 then 340 clicks: pooled 580 / 80,000 = 0.725%, standard error sqrt(0.00725 x 0.99275 x 2 / 40,000) = 0.060
        // points, z = 0.25 / 0.060 = 4.17.
        RawTotals Shown(long clicks) => new() { Impressions = 40_000, DestinationClicks = clicks, AllClicks = clicks * 2, Spend = 320m };

        var outcome = FixOutcome.Judge(FixTarget.For(Named("creative-fatigue", MetricId.Frequency), Sales)!.Value, Shown(240), Shown(340), Defaults);

        Assert.Equal((MetricId.Ctr, FixVerdict.Better, 0.006m, 0.0085m, 41.7m), (outcome.Metric, outcome.Verdict, outcome.Before, outcome.After, outcome.ChangePercent));
    }

    [Fact]
    public void Learning_limited_from_22_to_41_conversions_over_equal_weeks_worked()
    {
        // Counts per day over two 7-day periods: given 63, the after share is binomial(63, 0.5): expected 31.5,
        // sd 3.97, z = 9.5 / 3.97 = 2.39 > 1.96.
        var outcome = FixOutcome.Judge(MetricId.Conversions, Spent(700m, 22), Spent(900m, 41), Defaults);

        Assert.Equal((FixVerdict.Better, 22m, 41m, 86.4m), (outcome.Verdict, outcome.Before, outcome.After, outcome.ChangePercent));
    }

    [Fact]
    public void Low_delivery_that_still_buys_fewer_impressions_is_worse()
    {
        RawTotals Delivered(long impressions) => new() { Impressions = impressions, Spend = impressions / 200m };

        Assert.Equal(FixVerdict.Worse, FixOutcome.Judge(MetricId.Impressions, Delivered(30_000), Delivered(24_000), Defaults).Verdict);
        Assert.Equal(FixVerdict.Better, FixOutcome.Judge(MetricId.Impressions, Delivered(30_000), Delivered(45_000), Defaults).Verdict);
        Assert.Equal("the after period needs 400 more impressions",
            FixOutcome.Judge(MetricId.Impressions, Delivered(30_000), Delivered(600), Defaults).VolumeNeeded);
    }

    [Fact]
    public void A_pixel_fixed_after_2000_clicks_without_a_conversion_then_30_on_2000_clicks_worked()
    {
        // CVR (clicks) from 0 to 1.5%: pooled 30 / 4,000 = 0.75%, standard error sqrt(0.0075 x 0.9925 x 2 / 2,000) = 0.27
        // points, z = 1.5 / 0.27 = 5.5.
        RawTotals Tracked(long conversions) => new() { Impressions = 200_000, DestinationClicks = 2_000, AllClicks = 3_000, Spend = 900m, Conversions = conversions };

        var outcome = FixOutcome.Judge(FixTarget.For(Named("tracking-check", MetricId.Conversions), Sales)!.Value, Tracked(0), Tracked(30), Defaults);

        Assert.Equal((MetricId.CvrClicks, FixVerdict.Better), (outcome.Metric, outcome.Verdict));
    }

    [Fact]
    public void A_rate_before_the_change_still_needs_its_impressions_even_at_zero_events() =>
        Assert.Equal("the before period needs 500 more impressions",
            FixOutcome.Judge(MetricId.Ctr, new RawTotals { Impressions = 500 }, new RawTotals { Impressions = 20_000, DestinationClicks = 200 }, Defaults).VolumeNeeded);

    [Theory]
    [InlineData(AlertRule.SpendWithoutConversions, MetricId.CostPerConversion, FixKind.Pause)]
    [InlineData(AlertRule.CtrDrop, MetricId.Ctr, FixKind.Creative)]
    [InlineData(AlertRule.FrequencyAlert, MetricId.Ctr, FixKind.Creative)]
    [InlineData(AlertRule.CostPerResultHigh, MetricId.CostPerConversion, FixKind.Investigate)]
    [InlineData(AlertRule.LearningLimited, MetricId.Conversions, FixKind.Targeting)]
    [InlineData(AlertRule.NoDelivery, MetricId.Impressions, FixKind.Investigate)]
    public void An_alerts_rule_names_the_metric_its_fix_is_judged_on_and_the_kind_of_its_first_fix(AlertRule rule, MetricId metric, FixKind kind)
    {
        Assert.Equal(((MetricId?)metric, kind), FixTarget.ForAlert(rule, Sales));
        Assert.Equal(rule, FixTarget.AlertRuleOf(FixTarget.RuleIdOf(rule)));
    }

    [Fact]
    public void Ad_credit_alerts_name_no_metric_and_a_diagnosis_rule_id_is_no_alert()
    {
        Assert.Null(FixTarget.ForAlert(AlertRule.CreditRunsOut, Sales).Metric);
        Assert.Null(FixTarget.AlertRuleOf("creative-fatigue"));
        Assert.Null(FixTarget.AlertRuleOf("alert:7"));
        Assert.Null(FixTarget.AlertRuleOf("alert:Nothing"));
    }

    private static RawTotals Spent(decimal spend, long conversions) =>
        new() { Impressions = 60_000, DestinationClicks = 900, AllClicks = 1_400, Spend = spend, Conversions = conversions, RealTimeConversions = conversions };
}
