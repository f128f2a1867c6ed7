using TikTokBot.Domain.Metrics;

namespace TikTokBot.Domain.Tests;

public sealed class MetricsTests
{
    private static readonly ScopeTotals Sample = new(new RawTotals
    {
        Impressions = 50_000,
        Spend = 250m,
        DestinationClicks = 400,
        AllClicks = 1_600,
        Conversions = 10,
        RealTimeConversions = 8,
        VideoViews = 20_000,
        VideoViews6s = 5_000,
        VideoViewsP100 = 1_500,
        VideoPlaySeconds = 90_000m,
        PurchaseValue = 1_000m,
    }, Reach: 20_000);

    [Theory]
    [InlineData(MetricId.Frequency, "2.5")]                  // 50,000 / 20,000
    [InlineData(MetricId.Ctr, "0.008")]                       // 400 / 50,000
    [InlineData(MetricId.DestinationShareOfClicks, "0.25")]   // 400 / 1,600
    [InlineData(MetricId.Cpm, "5")]                           // 250 / 50,000 x 1000
    [InlineData(MetricId.CpcDestination, "0.625")]            // 250 / 400
    [InlineData(MetricId.CpcAll, "0.15625")]                  // 250 / 1,600
    [InlineData(MetricId.CostPer1000Reached, "12.5")]         // 250 / 20,000 x 1000
    [InlineData(MetricId.CostPerConversion, "25")]            // 250 / 10
    [InlineData(MetricId.CostPerVideoView, "0.0125")]         // 250 / 20,000
    [InlineData(MetricId.CvrImpressions, "0.0002")]           // 10 / 50,000
    [InlineData(MetricId.CvrClicks, "0.025")]                 // 10 / 400
    [InlineData(MetricId.RealTimeCvr, "0.02")]                // 8 / 400
    [InlineData(MetricId.RealTimeCostPerConversion, "31.25")] // 250 / 8
    [InlineData(MetricId.VideoCompletionRate, "0.075")]       // 1,500 / 20,000
    [InlineData(MetricId.SixSecondViewRate, "0.25")]          // 5,000 / 20,000
    [InlineData(MetricId.AverageWatchTime, "4.5")]            // 90,000 s / 20,000 views
    [InlineData(MetricId.Roas, "4")]                          // 1,000 / 250
    [InlineData(MetricId.Impressions, "50000")]
    [InlineData(MetricId.Reach, "20000")]
    [InlineData(MetricId.Spend, "250")]
    public void Every_derived_metric_follows_its_formula(MetricId metric, string expected)
    {
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Sample.Value(metric));
    }

    [Theory]
    [InlineData(MetricId.Frequency)]
    [InlineData(MetricId.Ctr)]
    [InlineData(MetricId.DestinationShareOfClicks)]
    [InlineData(MetricId.Cpm)]
    [InlineData(MetricId.CpcDestination)]
    [InlineData(MetricId.CpcAll)]
    [InlineData(MetricId.CostPer1000Reached)]
    [InlineData(MetricId.CostPerConversion)]
    [InlineData(MetricId.CostPerVideoView)]
    [InlineData(MetricId.CvrImpressions)]
    [InlineData(MetricId.CvrClicks)]
    [InlineData(MetricId.RealTimeCvr)]
    [InlineData(MetricId.RealTimeCostPerConversion)]
    [InlineData(MetricId.VideoCompletionRate)]
    [InlineData(MetricId.SixSecondViewRate)]
    [InlineData(MetricId.AverageWatchTime)]
    public void A_ratio_with_a_zero_denominator_is_no_data_even_when_its_numerator_is_not_zero(MetricId metric)
    {
        // Spend and other numerators are present, every denominator is zero.
        var totals = new ScopeTotals(new RawTotals { Spend = 100m, PurchaseValue = 50m, VideoViewsP100 = 2, VideoPlaySeconds = 30m }, Reach: 0);

        Assert.Null(totals.Value(metric));
    }

    [Fact]
    public void Roas_is_no_data_when_nothing_was_spent()
    {
        Assert.Null(new ScopeTotals(new RawTotals { PurchaseValue = 120m }).Roas);
    }

    [Fact]
    public void Reach_metrics_are_no_data_when_the_reach_of_the_scope_is_unknown()
    {
        var withoutReach = Sample with { Reach = null };

        Assert.Null(withoutReach.Frequency);
        Assert.Null(withoutReach.CostPer1000Reached);
        Assert.Null(withoutReach.Value(MetricId.Reach));
        Assert.Equal(0.008m, withoutReach.Ctr);
    }

    [Fact]
    public void Raw_totals_add_field_by_field()
    {
        var a = new RawTotals { Impressions = 1_000, Spend = 10.50m, DestinationClicks = 12, VideoViewsP75 = 7, PurchaseValue = 3m };
        var b = new RawTotals { Impressions = 2_500, Spend = 0.25m, DestinationClicks = 3, VideoViewsP75 = 1, RealTimeConversions = 2 };

        var sum = a + b;

        Assert.Equal(new RawTotals { Impressions = 3_500, Spend = 10.75m, DestinationClicks = 15, VideoViewsP75 = 8, PurchaseValue = 3m, RealTimeConversions = 2 }, sum);
        Assert.Equal(sum, RawTotals.Sum([a, b]));
        Assert.Equal(sum, RawTotals.Sum(new List<RawTotals> { a, b }));
    }

    [Fact]
    public void Combining_scopes_drops_reach_because_people_overlap()
    {
        var monday = new ScopeTotals(new RawTotals { Impressions = 3_000 }, Reach: 1_000);
        var tuesday = new ScopeTotals(new RawTotals { Impressions = 3_000 }, Reach: 1_000);

        var week = ScopeTotals.Combine([monday, tuesday]);

        Assert.Equal(6_000, week.Counts.Impressions);
        Assert.Null(week.Reach);
        Assert.Null(week.Frequency);
    }

    [Fact]
    public void Combining_scopes_keeps_the_reach_the_source_reported_for_the_combined_scope()
    {
        var monday = new ScopeTotals(new RawTotals { Impressions = 3_000 }, Reach: 1_000);
        var tuesday = new ScopeTotals(new RawTotals { Impressions = 3_000 }, Reach: 1_000);

        // 1,500 unique people over both days, not 2,000: 500 saw the ad on both.
        var week = ScopeTotals.Combine(new[] { monday, tuesday }.AsEnumerable(), reachOfCombinedScope: 1_500);

        Assert.Equal(1_500, week.Reach);
        Assert.Equal(4m, week.Frequency);
    }

    [Fact]
    public void Average_watch_time_over_combined_days_is_weighted_by_views_not_a_mean_of_means()
    {
        // Day one: 1,000 views averaging 2 s; day two: 3,000 views averaging 6 s. Mean of means: 4 s. Weighted: 5 s.
        var dayOne = new RawTotals { VideoViews = 1_000, VideoPlaySeconds = RawTotals.PlaySecondsFromAverage(2m, 1_000) };
        var dayTwo = new RawTotals { VideoViews = 3_000, VideoPlaySeconds = RawTotals.PlaySecondsFromAverage(6m, 3_000) };

        Assert.Equal(5m, new ScopeTotals(dayOne + dayTwo).AverageWatchTime);
    }

    [Fact]
    public void A_ctr_over_two_days_is_derived_from_summed_counts_not_averaged()
    {
        // Day one 10 / 1,000 = 1.00%, day two 10 / 9,000 = 0.11%: their mean is 0.56%, but the two days together are 20 / 10,000.
        var days = new[] { new RawTotals { Impressions = 1_000, DestinationClicks = 10 }, new RawTotals { Impressions = 9_000, DestinationClicks = 10 } };

        Assert.Equal(0.002m, new ScopeTotals(RawTotals.Sum(days)).Ctr);
    }

    [Fact]
    public void Date_ranges_count_both_ends_and_compare_with_the_previous_period_of_equal_length()
    {
        var range = new DateRange(new DateOnly(2026, 11, 14), new DateOnly(2026, 11, 20));

        Assert.Equal(7, range.Days);
        Assert.Equal(new DateRange(new DateOnly(2026, 11, 7), new DateOnly(2026, 11, 13)), range.Previous());
        Assert.Equal(range, DateRange.Ending(new DateOnly(2026, 11, 20), 7));
        Assert.Throws<ArgumentException>(() => new DateRange(new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 19)));
    }

    [Theory]
    [InlineData(null, MetricUnit.Percent, "—")]
    [InlineData("0.0061", MetricUnit.Percent, "0.61%")]
    [InlineData("0.000117", MetricUnit.Percent, "0.0117%")]
    [InlineData("1234.5", MetricUnit.Money, "$1,234.50")]
    [InlineData("1234567", MetricUnit.Count, "1,234,567")]
    [InlineData("2.456", MetricUnit.Ratio, "2.46")]
    [InlineData("4.5", MetricUnit.Seconds, "4.5 s")]
    public void Figures_are_written_invariantly_with_a_dash_for_no_data(string? value, MetricUnit unit, string expected)
    {
        decimal? parsed = value is null ? null : decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(expected, MetricFormat.Format(parsed, unit));
    }

    [Fact]
    public void Money_is_written_in_the_currency_it_is_given()
    {
        Assert.Equal("€99.90", MetricFormat.Money(99.9m, "eur"));
        Assert.Equal("¥12,346", MetricFormat.Money(12345.6m, "JPY"));
    }
}

public sealed class DailyRollupTests
{
    [Fact]
    public void Rows_of_many_ad_groups_roll_up_to_one_row_per_day_without_reach()
    {
        var monday = new DateOnly(2026, 11, 16);
        var rows = new[]
        {
            new DailyTotals(monday.AddDays(2), new RawTotals { Impressions = 300, Spend = 3m }, Reach: 200),
            new DailyTotals(monday, new RawTotals { Impressions = 100, Spend = 1m }, Reach: 90),
            new DailyTotals(monday, new RawTotals { Impressions = 50, Spend = 0.5m }, Reach: 40),
        };

        var days = DailyRollup.ByDay(rows);

        Assert.Equal(
            [
                new DailyTotals(monday, new RawTotals { Impressions = 150, Spend = 1.5m }),
                new DailyTotals(monday.AddDays(2), new RawTotals { Impressions = 300, Spend = 3m }),
            ],
            days);
        Assert.Empty(DailyRollup.ByDay([]));
    }

    [Fact]
    public void Rows_read_as_they_come_roll_up_within_the_range_only()
    {
        var monday = new DateOnly(2026, 11, 16);
        IEnumerable<DailyTotals> Rows()
        {
            yield return new DailyTotals(monday.AddDays(3), new RawTotals { Impressions = 400, Spend = 4m });
            yield return new DailyTotals(monday.AddDays(1), new RawTotals { Impressions = 100, Spend = 1m, Conversions = 2 }, Reach: 90);
            yield return new DailyTotals(monday.AddDays(-1), new RawTotals { Impressions = 999, Spend = 9m });
            yield return new DailyTotals(monday.AddDays(1), new RawTotals { Impressions = 60, Spend = 0.25m, Conversions = 1 });
            yield return new DailyTotals(monday, new RawTotals { Impressions = 10, Spend = 0.1m });
        }

        var days = DailyRollup.ByDay(Rows(), new DateRange(monday, monday.AddDays(2)));

        // Sunday and Thursday are outside Monday..Wednesday; Wednesday had no rows and is absent.
        Assert.Equal(
            [
                new DailyTotals(monday, new RawTotals { Impressions = 10, Spend = 0.1m }),
                new DailyTotals(monday.AddDays(1), new RawTotals { Impressions = 160, Spend = 1.25m, Conversions = 3 }),
            ],
            days);
    }
}
