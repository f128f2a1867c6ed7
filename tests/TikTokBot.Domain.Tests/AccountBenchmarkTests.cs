using TikTokBot.Domain.Benchmarks;
using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Objectives;
using TikTokBot.Domain.Trends;

namespace TikTokBot.Domain.Tests;

/// <summary>
/// Five website-conversion campaigns of advertiser A1, 10,000 impressions each, 10 conversions each:
/// cost per conversion $20, $30, $40, $50, $60 (spend 200..600) and CTR 0.5%, 1%, 1.5%, 2%, 2.5% (50..250 clicks).
/// Quartiles interpolate at (n - 1) x p of the sorted values.
/// </summary>
public sealed class AccountBenchmarkTests
{
    private static readonly AccountBenchmarkOptions Defaults = new();

    private static CampaignHistory Campaign(
        string id, decimal spend, long clicks, long impressions = 10_000, long conversions = 10, string advertiser = "A1",
        Objective objective = Objective.WebsiteConversions, DateOnly? launched = null, string? name = null) =>
        new(advertiser, id, name ?? id, objective, launched ?? new DateOnly(2026, 10, 1),
            new ScopeTotals(new RawTotals { Impressions = impressions, Spend = spend, DestinationClicks = clicks, AllClicks = clicks * 2, Conversions = conversions }, impressions / 2));

    private static readonly CampaignHistory[] Five =
    [
        Campaign("c1", 200m, 50), Campaign("c2", 300m, 100), Campaign("c3", 400m, 150), Campaign("c4", 500m, 200), Campaign("c5", 600m, 250),
    ];

    private static MetricBenchmark Cpa(AccountBenchmark b) => b.For(MetricId.CostPerConversion)!;

    [Fact]
    public void Odd_count_median_and_quartiles_are_the_middle_values()
    {
        // Sorted $20 $30 $40 $50 $60: Q1 at position 1 = $30, median at 2 = $40, Q3 at 3 = $50.
        var b = AccountBenchmarks.For("A1", Objective.WebsiteConversions, null, Five, Defaults);

        Assert.True(b.EnoughHistory);
        Assert.Equal(5, b.Campaigns);
        Assert.Equal((30m, 40m, 50m), (Cpa(b).LowerQuartile, Cpa(b).Median, Cpa(b).UpperQuartile));
        // CTR 0.5%..2.5%: Q1 1%, median 1.5%, Q3 2%.
        var ctr = b.For(MetricId.Ctr)!;
        Assert.Equal((0.01m, 0.015m, 0.02m), (ctr.LowerQuartile, ctr.Median, ctr.UpperQuartile));
    }

    [Fact]
    public void Even_count_interpolates_and_the_judged_campaign_is_left_out()
    {
        // c5 is judged: $20 $30 $40 $50. Q1 at 0.75 = 20 + 0.75 x 10 = $27.50; median at 1.5 = $35; Q3 at 2.25 = $42.50.
        var b = AccountBenchmarks.For("A1", Objective.WebsiteConversions, "c5", Five, Defaults);

        Assert.Equal(4, b.Campaigns);
        Assert.Equal((27.5m, 35m, 42.5m), (Cpa(b).LowerQuartile, Cpa(b).Median, Cpa(b).UpperQuartile));
    }

    [Fact]
    public void Leaving_out_a_middle_campaign_moves_the_median()
    {
        // c3 judged: $20 $30 $50 $60. Median at 1.5 = $40; Q1 at 0.75 = $27.50; Q3 at 2.25 = 50 + 2.5 = $52.50.
        var b = AccountBenchmarks.For("A1", Objective.WebsiteConversions, "c3", Five, Defaults);
        Assert.Equal((27.5m, 40m, 52.5m), (Cpa(b).LowerQuartile, Cpa(b).Median, Cpa(b).UpperQuartile));
    }

    [Fact]
    public void Other_objectives_other_advertisers_and_small_campaigns_are_ignored()
    {
        CampaignHistory[] noise =
        [
            Campaign("t1", 9_000m, 10, objective: Objective.Traffic),
            Campaign("x1", 9_000m, 10, advertiser: "A2"),
            // 999 impressions, under the 1,000 minimum.
            Campaign("s1", 9_000m, 10, impressions: 999),
        ];

        var b = AccountBenchmarks.For("A1", Objective.WebsiteConversions, null, [.. Five, .. noise], Defaults);

        Assert.Equal(5, b.Campaigns);
        Assert.Equal((30m, 40m, 50m), (Cpa(b).LowerQuartile, Cpa(b).Median, Cpa(b).UpperQuartile));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Fewer_than_three_campaigns_is_not_enough_history_and_marks_nothing(int count)
    {
        var b = AccountBenchmarks.For("A1", Objective.WebsiteConversions, null, Five.Take(count), Defaults);

        Assert.False(b.EnoughHistory);
        Assert.Equal(count, b.Campaigns);
        Assert.Empty(b.Metrics);
        Assert.Equal(AccountStanding.NotEnoughHistory, AccountBenchmarks.Standing(b, MetricId.CostPerConversion, 99m));
    }

    [Fact]
    public void A_metric_with_too_few_values_has_no_benchmark_even_when_the_account_has_enough_campaigns()
    {
        // Three campaigns, but two never converted: cost per conversion exists for one only.
        CampaignHistory[] history = [Campaign("c1", 200m, 50), Campaign("n1", 300m, 100, conversions: 0), Campaign("n2", 400m, 150, conversions: 0)];

        var b = AccountBenchmarks.For("A1", Objective.WebsiteConversions, null, history, Defaults);

        Assert.True(b.EnoughHistory);
        Assert.Null(b.For(MetricId.CostPerConversion));
        Assert.NotNull(b.For(MetricId.Ctr));
        Assert.Equal(AccountStanding.NotEnoughHistory, AccountBenchmarks.Standing(b, MetricId.CostPerConversion, 25m));
    }

    [Theory]
    // Cost: lower is better, so above Q3 ($50) is the bottom quarter and under Q1 ($30) the top quarter.
    [InlineData(MetricId.CostPerConversion, 55, AccountStanding.BottomQuarter)]
    [InlineData(MetricId.CostPerConversion, 50, AccountStanding.BelowMedian)]
    [InlineData(MetricId.CostPerConversion, 45, AccountStanding.BelowMedian)]
    [InlineData(MetricId.CostPerConversion, 40, AccountStanding.AtMedian)]
    [InlineData(MetricId.CostPerConversion, 35, AccountStanding.AboveMedian)]
    [InlineData(MetricId.CostPerConversion, 25, AccountStanding.TopQuarter)]
    // CTR: higher is better, Q1 1%, median 1.5%, Q3 2%.
    [InlineData(MetricId.Ctr, 0.008, AccountStanding.BottomQuarter)]
    [InlineData(MetricId.Ctr, 0.012, AccountStanding.BelowMedian)]
    [InlineData(MetricId.Ctr, 0.018, AccountStanding.AboveMedian)]
    [InlineData(MetricId.Ctr, 0.022, AccountStanding.TopQuarter)]
    public void A_value_stands_in_a_quarter_by_whether_higher_is_better(MetricId metric, double value, AccountStanding standing)
    {
        var b = AccountBenchmarks.For("A1", Objective.WebsiteConversions, null, Five, Defaults);
        Assert.Equal(standing, AccountBenchmarks.Standing(b, metric, (decimal)value));
    }

    [Fact]
    public void Each_objective_is_judged_by_its_own_ratio_metrics()
    {
        Assert.Equal([MetricId.CostPerConversion, MetricId.Ctr, MetricId.Cpm, MetricId.Frequency, MetricId.CpcDestination, MetricId.CvrClicks, MetricId.CvrImpressions, MetricId.Roas],
            AccountBenchmarks.MetricsFor(Objective.WebsiteConversions));
        // Awareness is video-first: retention (completion, 6-second rate, watch time) is how it is judged (DOMAIN.md section 9).
        Assert.Equal([MetricId.Cpm, MetricId.Ctr, MetricId.Frequency, MetricId.VideoCompletionRate, MetricId.SixSecondViewRate, MetricId.AverageWatchTime],
            AccountBenchmarks.MetricsFor(Objective.Awareness));
    }

    [Fact]
    public void The_history_is_the_last_90_closed_days()
    {
        // On 2026-12-01: 2026-09-02..2026-11-30, today left out.
        var window = AccountBenchmarks.Window(new DateOnly(2026, 12, 1), Defaults);
        Assert.Equal((new DateOnly(2026, 9, 2), new DateOnly(2026, 11, 30), 90), (window.Start, window.End, window.Days));
    }

    [Fact]
    public void The_monthly_trend_says_which_way_cost_per_conversion_moved()
    {
        // September: $200 + $300 for 20 conversions = $25.00. October: $40.00. November: $205 for 10 = $20.50.
        // $25.00 to $20.50 is -18%.
        CampaignHistory[] history =
        [
            Campaign("c1", 200m, 50, launched: new DateOnly(2026, 9, 5)),
            Campaign("c2", 300m, 100, launched: new DateOnly(2026, 9, 20)),
            Campaign("c3", 400m, 150, launched: new DateOnly(2026, 10, 8)),
            Campaign("c4", 205m, 200, launched: new DateOnly(2026, 11, 3)),
        ];

        var trend = AccountTrends.ByMonth("A1", Objective.WebsiteConversions, MetricId.CostPerConversion, history, Defaults, new TrendOptions());

        Assert.Equal([("September", 2, 25m), ("October", 1, 40m), ("November", 1, 20.5m)],
            trend.Points.Select(p => (p.Label, p.Campaigns, p.Value!.Value)));
        Assert.Equal(TrendDirection.Down, trend.Change.Direction);
        Assert.True(trend.Change.IsImprovement);
        Assert.Equal("your cost per conversion fell 18% from September's campaigns to November's", trend.Sentence);
    }

    [Fact]
    public void The_launch_order_trend_follows_each_campaign()
    {
        // CTR 0.5% for the first launched to 2.0% for the latest: +300%.
        CampaignHistory[] history =
        [
            Campaign("c4", 500m, 200, launched: new DateOnly(2026, 11, 3), name: "Winter"),
            Campaign("c1", 200m, 50, launched: new DateOnly(2026, 9, 5), name: "Spring"),
            Campaign("c2", 300m, 100, launched: new DateOnly(2026, 10, 1), name: "Summer"),
        ];

        var trend = AccountTrends.ByLaunchOrder("A1", Objective.WebsiteConversions, MetricId.Ctr, history, Defaults, new TrendOptions());

        Assert.Equal(["Spring", "Summer", "Winter"], trend.Points.Select(p => p.Label));
        Assert.Equal("your CTR (destination) rose 300% from the first campaign (Spring) to the latest (Winter)", trend.Sentence);
    }

    [Fact]
    public void Without_enough_campaigns_the_trend_says_so()
    {
        var trend = AccountTrends.ByMonth("A1", Objective.WebsiteConversions, MetricId.CostPerConversion, Five.Take(2), Defaults, new TrendOptions());

        Assert.Equal(TrendDirection.NoData, trend.Change.Direction);
        Assert.Equal("Not enough history yet to see a trend in your cost per conversion: 2 campaign(s) with enough volume, 3 needed.", trend.Sentence);
    }
}
