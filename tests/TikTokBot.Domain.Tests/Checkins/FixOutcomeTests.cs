using TikTokBot.Domain.Checkins;
using TikTokBot.Domain.Metrics;

namespace TikTokBot.Domain.Tests.Checkins;

/// <summary>DOMAIN.md section 10, "Did the fix work?", with figures worked by hand.</summary>
public sealed class FixOutcomeTests
{
    private static readonly FixOutcomeOptions Defaults = new();

    private static RawTotals Clicks(long impressions, long clicks) => new() { Impressions = impressions, DestinationClicks = clicks, AllClicks = clicks, Spend = impressions / 100m };

    private static RawTotals Conversions(decimal spend, long conversions) => new() { Impressions = 100_000, DestinationClicks = 2_000, Spend = spend, Conversions = conversions };

    [Fact]
    public void A_ctr_from_1_00_to_1_50_percent_on_20000_impressions_a_period_is_better()
    {
        // Pooled 500 / 40,000 = 1.25%; standard error sqrt(0.0125 x 0.9875 x 2 / 20,000) = 0.111 points; z = 0.5 / 0.111 = 4.5 > 1.96.
        var outcome = FixOutcome.Judge(MetricId.Ctr, Clicks(20_000, 200), Clicks(20_000, 300), Defaults);

        Assert.Equal(FixVerdict.Better, outcome.Verdict);
        Assert.Equal(0.01m, outcome.Before);
        Assert.Equal(0.015m, outcome.After);
        Assert.Equal(50.0m, outcome.ChangePercent);
        Assert.Null(outcome.VolumeNeeded);
    }

    [Fact]
    public void A_ctr_from_1_00_to_1_15_percent_on_10000_impressions_is_no_clear_change()
    {
        // Pooled 215 / 20,000 = 1.075%; standard error 0.146 points; z = 0.15 / 0.146 = 1.03, within chance at 95%.
        var outcome = FixOutcome.Judge(MetricId.Ctr, Clicks(10_000, 100), Clicks(10_000, 115), Defaults);

        Assert.Equal(FixVerdict.NoClearChange, outcome.Verdict);
        Assert.Equal(15.0m, outcome.ChangePercent);
        Assert.Null(outcome.VolumeNeeded);
    }

    [Fact]
    public void A_ctr_that_fell_from_1_50_to_1_00_percent_is_worse()
    {
        var outcome = FixOutcome.Judge(MetricId.Ctr, Clicks(20_000, 300), Clicks(20_000, 200), Defaults);

        Assert.Equal(FixVerdict.Worse, outcome.Verdict);
        Assert.Equal(-33.3m, outcome.ChangePercent);
    }

    [Fact]
    public void Too_few_impressions_or_clicks_after_the_change_is_no_clear_change_with_what_is_still_needed()
    {
        // 1.41% on 640 impressions looks better than 1.00%, but a rate needs 1,000 impressions and 20 events a period.
        var outcome = FixOutcome.Judge(MetricId.Ctr, Clicks(20_000, 200), Clicks(640, 9), Defaults);

        Assert.Equal(FixVerdict.NoClearChange, outcome.Verdict);
        Assert.Equal("the after period needs 360 more impressions and 11 more clicks", outcome.VolumeNeeded);
    }

    [Fact]
    public void A_period_with_no_delivery_has_no_rate_and_says_all_it_needs()
    {
        var outcome = FixOutcome.Judge(MetricId.Ctr, Clicks(20_000, 200), Clicks(0, 0), Defaults);

        Assert.Equal(FixVerdict.NoClearChange, outcome.Verdict);
        Assert.Null(outcome.After);
        Assert.Equal("the after period needs 1,000 more impressions and 20 more clicks", outcome.VolumeNeeded);
    }

    [Fact]
    public void Cost_per_conversion_from_25_to_14_29_on_the_same_spend_is_better()
    {
        // $1,000 a period: 40 then 70 conversions. Given 110, the after period's share is binomial(110, 0.5):
        // expected 55, sd sqrt(110 x 0.25) = 5.24, z = 15 / 5.24 = 2.86.
        var outcome = FixOutcome.Judge(MetricId.CostPerConversion, Conversions(1_000m, 40), Conversions(1_000m, 70), Defaults);

        Assert.Equal(FixVerdict.Better, outcome.Verdict);
        Assert.Equal(25m, outcome.Before);
        Assert.Equal(-42.9m, outcome.ChangePercent);
    }

    [Fact]
    public void Cost_per_conversion_from_16_67_to_28_57_is_worse()
    {
        // 60 then 35 conversions on $1,000 each: expected 47.5 of 95, sd 4.87, z = -12.5 / 4.87 = -2.57.
        var outcome = FixOutcome.Judge(MetricId.CostPerConversion, Conversions(1_000m, 60), Conversions(1_000m, 35), Defaults);

        Assert.Equal(FixVerdict.Worse, outcome.Verdict);
    }

    [Fact]
    public void Cost_per_conversion_needs_20_conversions_a_period()
    {
        var outcome = FixOutcome.Judge(MetricId.CostPerConversion, Conversions(1_000m, 40), Conversions(300m, 19), Defaults);

        Assert.Equal(FixVerdict.NoClearChange, outcome.Verdict);
        Assert.Equal("the after period needs 1 more conversion", outcome.VolumeNeeded);
    }

    [Fact]
    public void Cost_per_conversion_from_25_to_23_on_40_and_43_conversions_is_within_chance()
    {
        // $1,000 and $989: expected share 0.4972 of 83 = 41.3, sd 4.56, z = (43 - 41.3) / 4.56 = 0.38.
        var outcome = FixOutcome.Judge(MetricId.CostPerConversion, Conversions(1_000m, 40), Conversions(989m, 43), Defaults);

        Assert.Equal(FixVerdict.NoClearChange, outcome.Verdict);
        Assert.Null(outcome.VolumeNeeded);
    }

    [Fact]
    public void A_completion_rate_from_1_5_to_3_0_percent_on_50000_views_is_better()
    {
        RawTotals Views(long completed) => new() { Impressions = 80_000, VideoViews = 50_000, VideoViewsP100 = completed, Spend = 400m };

        var outcome = FixOutcome.Judge(MetricId.VideoCompletionRate, Views(750), Views(1_500), Defaults);

        Assert.Equal(FixVerdict.Better, outcome.Verdict);
        Assert.Equal(100.0m, outcome.ChangePercent);
    }

    [Fact]
    public void A_metric_without_a_test_of_its_own_is_never_called_better_or_worse()
    {
        var outcome = FixOutcome.Judge(MetricId.Frequency, Clicks(20_000, 200), Clicks(40_000, 400), Defaults);

        Assert.Equal(FixVerdict.NoClearChange, outcome.Verdict);
        Assert.Contains("judge the fix by a rate or a cost", outcome.VolumeNeeded);
    }

    [Theory]
    [InlineData(0.975, 1.959964)]
    [InlineData(0.95, 1.644854)]
    [InlineData(0.9875, 2.241403)]
    [InlineData(0.5, 0.0)]
    [InlineData(0.01, -2.326348)]
    public void The_normal_quantile_matches_the_tables(double p, double expected) =>
        Assert.Equal(expected, FixOutcome.NormalQuantile(p), 5);
}
