using TikTokBot.Domain.Benchmarks;
using TikTokBot.Domain.Funnel;
using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Objectives;
using TikTokBot.Domain.Summary;
using TikTokBot.Domain.Trends;

namespace TikTokBot.Domain.Tests;

public sealed class SummaryTests
{
    private static readonly BenchmarkTable Benchmarks = new(new BenchmarkOptions());

    [Theory]
    [InlineData(MetricId.Cpm, "1.50", BenchmarkStanding.Below)]
    [InlineData(MetricId.Cpm, "1.82", BenchmarkStanding.Within)]
    [InlineData(MetricId.Cpm, "9.16", BenchmarkStanding.Within)]
    [InlineData(MetricId.Cpm, "9.17", BenchmarkStanding.Above)]
    [InlineData(MetricId.CpcDestination, "0.50", BenchmarkStanding.Within)]
    [InlineData(MetricId.CpcDestination, "1.20", BenchmarkStanding.Above)]
    [InlineData(MetricId.Ctr, "0.0050", BenchmarkStanding.Below)]
    [InlineData(MetricId.Ctr, "0.0080", BenchmarkStanding.Within)]
    [InlineData(MetricId.Ctr, "0.0120", BenchmarkStanding.Above)]
    [InlineData(MetricId.CvrClicks, "0.0150", BenchmarkStanding.Below)]
    [InlineData(MetricId.CvrClicks, "0.0250", BenchmarkStanding.Within)]
    [InlineData(MetricId.Frequency, "3.5", BenchmarkStanding.Above)]
    public void A_figure_stands_below_within_or_above_its_benchmark(MetricId metric, string value, BenchmarkStanding expected)
    {
        var benchmark = Benchmarks.For(metric, ObjectiveCatalogue.Profile(Objective.Traffic), optimisesForPurchase: false)
            ?? Benchmarks.For(metric, ObjectiveCatalogue.Profile(Objective.WebsiteConversions), optimisesForPurchase: false)!;

        Assert.Equal(expected, benchmark.Standing(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.False(string.IsNullOrWhiteSpace(benchmark.Source));
    }

    [Fact]
    public void Converting_campaigns_compare_ctr_with_the_conversion_optimised_average_and_purchases_with_the_purchase_cvr()
    {
        var conversions = ObjectiveCatalogue.Profile(Objective.WebsiteConversions);

        Assert.Equal(0.0084m, Benchmarks.For(MetricId.Ctr, conversions, false)!.Low);
        Assert.Equal(0.0061m, Benchmarks.For(MetricId.Ctr, ObjectiveCatalogue.Profile(Objective.Traffic), false)!.Low);
        Assert.Equal(0.0046m, Benchmarks.For(MetricId.CvrClicks, conversions, optimisesForPurchase: true)!.Low);
        Assert.Null(Benchmarks.For(MetricId.CvrClicks, ObjectiveCatalogue.Profile(Objective.Awareness), false));
    }

    [Fact]
    public void The_summary_walks_the_five_stages_in_funnel_order_for_a_converting_campaign()
    {
        var summary = Scenario.Engine.Summarise(Scenario.Facts());

        Assert.Equal(FunnelStages.InOrder, summary.Stages.Select(s => s.Stage));
        Assert.All(summary.Stages, s => Assert.All(s.Readings, r => Assert.Equal(s.Stage, r.Metric.Stage)));
        var cost = summary.Stages.Single(s => s.Stage == FunnelStage.Cost);
        Assert.Equal(32m, cost.Readings.Single(r => r.Metric.Id == MetricId.CostPerConversion).Value);
        Assert.Equal((Standings.Verdict.Typical, Standings.Basis.TikTok), (cost.Readings.Single(r => r.Metric.Id == MetricId.Cpm).Standing.Verdict, cost.Readings.Single(r => r.Metric.Id == MetricId.Cpm).Standing.DecidedBy));
        Assert.Equal(SuccessStatus.OnTrack, summary.Verdict.Status);
    }

    [Theory]
    [InlineData(Objective.Awareness)]
    [InlineData(Objective.VideoViews)]
    public void Awareness_and_video_view_campaigns_are_not_read_by_conversion_metrics(Objective objective)
    {
        var summary = Scenario.Engine.Summarise(Scenario.Facts(objective: objective, noCriteria: true));

        Assert.Equal([FunnelStage.Delivery, FunnelStage.Engagement, FunnelStage.Cost], summary.Stages.Select(s => s.Stage));
        var metrics = summary.Stages.SelectMany(s => s.Readings).Select(r => r.Metric.Id).ToArray();
        Assert.DoesNotContain(MetricId.CostPerConversion, metrics);
        Assert.Contains(MetricId.VideoCompletionRate, metrics);
        Assert.Contains(MetricId.SixSecondViewRate, metrics);
    }

    [Fact]
    public void Each_reading_carries_its_trend_against_the_previous_period()
    {
        // CPA this week $32 (800 / 25); last week $40 (800 / 20): down 20%, which is better for a cost.
        var facts = Scenario.Facts(previous: Scenario.Healthy with { Conversions = 20 });

        var cpa = Scenario.Engine.Summarise(facts).Stages.SelectMany(s => s.Readings).Single(r => r.Metric.Id == MetricId.CostPerConversion);

        Assert.Equal(TrendDirection.Down, cpa.Trend.Direction);
        Assert.Equal(-20m, cpa.Trend.ChangePercent);
        Assert.True(cpa.Trend.IsImprovement);
    }

    [Theory]
    [InlineData(MetricId.Ctr, "0.012", "0.010", TrendDirection.Up, "20", true)]
    [InlineData(MetricId.Ctr, "0.008", "0.010", TrendDirection.Down, "-20", false)]
    [InlineData(MetricId.Cpm, "8.05", "8.00", TrendDirection.Flat, "0.625", null)]
    [InlineData(MetricId.Spend, "120", "100", TrendDirection.Up, "20", null)]
    public void A_trend_names_direction_change_and_whether_it_is_good_news(MetricId metric, string now, string before, TrendDirection direction, string change, bool? better)
    {
        var trend = Trend.Compare(metric, Parse(now), Parse(before), "", new TrendOptions());

        Assert.Equal(direction, trend.Direction);
        Assert.Equal(Parse(change), trend.ChangePercent);
        Assert.Equal(better, trend.IsImprovement);
    }

    [Fact]
    public void A_trend_without_a_baseline_is_no_data_rather_than_infinite_growth()
    {
        Assert.Equal(TrendDirection.NoData, Trend.Compare(MetricId.Conversions, 12m, 0m, "", new TrendOptions()).Direction);
        Assert.Equal(TrendDirection.NoData, Trend.Compare(MetricId.Conversions, 12m, null, "", new TrendOptions()).Direction);
    }

    [Fact]
    public void A_sparkline_draws_the_lowest_day_lowest_and_marks_days_without_data()
    {
        Assert.Equal("▁▄▆█", Sparkline.Draw(new decimal?[] { 0m, 3m, 5m, 7m })); // levels 0, 3, 5, 7 of 0..7
        Assert.Equal("▁·█", Sparkline.Draw(new decimal?[] { 1m, null, 2m }));
        Assert.Equal("▅▅▅", Sparkline.Draw(new decimal?[] { 4m, 4m, 4m }));
        Assert.Equal(string.Empty, Sparkline.Draw(ReadOnlySpan<decimal?>.Empty));
    }

    [Fact]
    public void The_summary_draws_a_sparkline_of_each_metric_from_the_daily_figures()
    {
        // Daily destination clicks 100, 200, 400 on 10,000 impressions a day: CTR 1%, 2%, 4%.
        var daily = new[] { 100, 200, 400 }
            .Select((clicks, i) => new DailyTotals(new DateOnly(2026, 11, 18).AddDays(i), new RawTotals { Impressions = 10_000, DestinationClicks = clicks }))
            .ToArray();
        var facts = Scenario.Facts(current: RawTotals.Sum(daily.Select(d => d.Counts)), daily: daily,
            period: new DateRange(new DateOnly(2026, 11, 18), new DateOnly(2026, 11, 20)));

        var ctr = Scenario.Engine.Summarise(facts).Stages.SelectMany(s => s.Readings).Single(r => r.Metric.Id == MetricId.Ctr);

        Assert.Equal("▁▃█", ctr.Trend.Sparkline);
    }

    private static decimal Parse(string value) => decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
}
