using TikTokBot.Domain.Alerts;
using TikTokBot.Domain.Metrics;

namespace TikTokBot.Domain.Tests.Alerts;

public sealed class AlertRuleTests
{
    private static readonly AlertOptions Options = new();

    // 14:00 advertiser time on Tuesday 1 December 2026.
    private static readonly DateTime Afternoon = new(2026, 12, 1, 14, 0, 0);

    private static CampaignToday Campaign(RawTotals today, params RawTotals[] previous) => new()
    {
        CampaignId = "c1",
        CampaignName = "Winter sale",
        Enabled = true,
        Converts = true,
        LocalNow = Afternoon,
        Today = today,
        PreviousDays = previous,
    };

    private static RawTotals[] Week(RawTotals day) => Enumerable.Repeat(day, 7).ToArray();

    private static AlertRule[] Rules(CampaignToday c) => AlertRules.Check(c, Options).Select(a => a.Rule).ToArray();

    [Fact]
    public void Spend_of_twice_the_target_without_a_conversion_fires_and_names_the_numbers()
    {
        // Target 30: meaningful spend is 60. 61.50 spent, no conversion.
        var c = Campaign(new RawTotals { Spend = 61.5m, Impressions = 500 }) with { TargetCostPerResult = 30m };

        var alert = Assert.Single(AlertRules.Check(c, Options), a => a.Rule == AlertRule.SpendWithoutConversions);
        Assert.Equal(61.5m, alert.Figures[0].Value);
        Assert.Equal(60m, alert.Figures[0].Threshold);
        Assert.Contains("61.50", alert.Summary);
        Assert.StartsWith("Pause", alert.FirstFix);
    }

    [Fact]
    public void Spend_without_conversions_stays_quiet_below_meaningful_spend_with_a_conversion_or_a_non_converting_objective()
    {
        var target = Campaign(new RawTotals { Spend = 59.99m }) with { TargetCostPerResult = 30m };
        var converted = Campaign(new RawTotals { Spend = 80m, RealTimeConversions = 1 }) with { TargetCostPerResult = 30m };
        var awareness = Campaign(new RawTotals { Spend = 500m }) with { Converts = false };
        var noTargetBelow = Campaign(new RawTotals { Spend = 49m });
        var unreported = Campaign(new RawTotals { Spend = 500m, Unreported = RawCount.Conversions });

        Assert.DoesNotContain(AlertRule.SpendWithoutConversions, Rules(target));
        Assert.DoesNotContain(AlertRule.SpendWithoutConversions, Rules(converted));
        Assert.DoesNotContain(AlertRule.SpendWithoutConversions, Rules(awareness));
        Assert.DoesNotContain(AlertRule.SpendWithoutConversions, Rules(noTargetBelow));
        Assert.DoesNotContain(AlertRule.SpendWithoutConversions, Rules(unreported));
        Assert.Contains(AlertRule.SpendWithoutConversions, Rules(Campaign(new RawTotals { Spend = 50m })));
    }

    [Fact]
    public void Real_time_cost_per_result_at_one_and_a_half_times_the_target_fires()
    {
        // Target 20, meaningful spend 40. 90 spent for 3 real-time conversions: 30 = 1.5x target.
        var high = Campaign(new RawTotals { Spend = 90m, RealTimeConversions = 3, Conversions = 3 }) with { TargetCostPerResult = 20m };
        var fine = Campaign(new RawTotals { Spend = 89m, RealTimeConversions = 3, Conversions = 3 }) with { TargetCostPerResult = 20m };

        var alert = Assert.Single(AlertRules.Check(high, Options));
        Assert.Equal(AlertRule.CostPerResultHigh, alert.Rule);
        Assert.Equal(30m, alert.Figures[0].Value);
        Assert.Equal(30m, alert.Figures[0].Threshold);
        Assert.Empty(Rules(fine));
    }

    [Fact]
    public void Real_time_cost_per_result_against_the_7_day_average_fires_without_a_target()
    {
        // 7 days of 100 spent for 5 conversions: average 20. Today 60 for 2 = 30 = 1.5x; 58 for 2 = 29 stays quiet.
        var week = Week(new RawTotals { Spend = 100m, Conversions = 5 });
        var high = Campaign(new RawTotals { Spend = 60m, RealTimeConversions = 2, Conversions = 2 }, week);
        var fine = Campaign(new RawTotals { Spend = 58m, RealTimeConversions = 2, Conversions = 2 }, week);
        var notMeaningful = Campaign(new RawTotals { Spend = 45m, RealTimeConversions = 1, Conversions = 1 }, week);

        Assert.Equal([AlertRule.CostPerResultHigh], Rules(high));
        Assert.Empty(Rules(fine));
        Assert.Empty(Rules(notMeaningful));
    }

    [Fact]
    public void Ctr_at_half_the_7_day_average_after_enough_impressions_fires()
    {
        // 7-day CTR: 100 clicks / 10,000 = 1%. Today 5 clicks / 1,000 = 0.5%: fires; 6 / 1,000 = 0.6% quiet;
        // 4 / 999 impressions is too little to judge.
        var week = Week(new RawTotals { Impressions = 10_000, DestinationClicks = 100 });
        var dropped = Campaign(new RawTotals { Impressions = 1_000, DestinationClicks = 5 }, week) with { Converts = false };

        var alert = Assert.Single(AlertRules.Check(dropped, Options));
        Assert.Equal(AlertRule.CtrDrop, alert.Rule);
        Assert.Equal(0.5m, alert.Figures[0].Value);
        Assert.Equal(0.5m, alert.Figures[0].Threshold);
        Assert.Empty(Rules(Campaign(new RawTotals { Impressions = 1_000, DestinationClicks = 6 }, week) with { Converts = false }));
        Assert.Empty(Rules(Campaign(new RawTotals { Impressions = 999, DestinationClicks = 4 }, week) with { Converts = false }));
    }

    [Fact]
    public void Frequency_crossing_the_warning_then_the_alert_level()
    {
        // 7 days of 3,000 impressions plus 3,000 today = 24,000 impressions.
        var week = Week(new RawTotals { Impressions = 3_000 });
        var today = new RawTotals { Impressions = 3_000 };
        CampaignToday Reach(long reach) => Campaign(today, week) with { Converts = false, RecentReach = reach };

        Assert.Empty(Rules(Reach(8_001)));                                 // 2.9996
        Assert.Equal([AlertRule.FrequencyWarning], Rules(Reach(8_000)));   // 3
        Assert.Equal([AlertRule.FrequencyWarning], Rules(Reach(6_001)));   // 3.9993
        Assert.Equal([AlertRule.FrequencyAlert], Rules(Reach(6_000)));     // 4
        Assert.Empty(Rules(Campaign(today, week) with { Converts = false }));
    }

    [Fact]
    public void A_daily_budget_that_runs_out_before_six_in_the_evening_fires()
    {
        // Budget 100; 80 spent by 14:00 runs out at 17:30. 70 by 14:00 lasts until 20:00.
        var fast = Campaign(new RawTotals { Spend = 80m, Conversions = 4, RealTimeConversions = 4 }) with { DailyBudget = 100m, Converts = false };
        var steady = fast with { Today = new RawTotals { Spend = 70m } };
        var tooEarly = fast with { LocalNow = new DateTime(2026, 12, 1, 1, 30, 0), Today = new RawTotals { Spend = 90m } };

        var alert = Assert.Single(AlertRules.Check(fast, Options));
        Assert.Equal(AlertRule.BudgetRunsOutEarly, alert.Rule);
        Assert.Equal(17.5m, alert.Figures[0].Value);
        Assert.Contains("17:30", alert.Summary);
        Assert.Empty(Rules(steady));
        Assert.Empty(Rules(tooEarly));
    }

    [Fact]
    public void Credit_running_out_within_three_days_and_credit_expiring_unused()
    {
        var week = Week(new RawTotals { Spend = 100m });
        var c = Campaign(new RawTotals(), week) with { Converts = false };

        // 300 left at 100 a day: 3 days.
        var runsOut = c with { Credit = new CreditLeft(300m, new DateOnly(2026, 12, 31)) };
        Assert.Equal([AlertRule.CreditRunsOut], Rules(runsOut));

        // 310 left lasts 3.1 days; expiring 3 December leaves 3 days (1, 2, 3) of 100: 10 lost.
        var expires = c with { Credit = new CreditLeft(310m, new DateOnly(2026, 12, 3)) };
        var alert = Assert.Single(AlertRules.Check(expires, Options));
        Assert.Equal(AlertRule.CreditExpiresUnused, alert.Rule);
        Assert.Equal(300m, alert.Figures[0].Value);
        Assert.Contains("10.00 will be lost", alert.Summary);

        // 310 left to 4 December: all spendable, more than 3 days left.
        Assert.Empty(Rules(c with { Credit = new CreditLeft(310m, new DateOnly(2026, 12, 4)) }));
    }

    [Fact]
    public void Day_7_of_learning_without_50_conversions_is_learning_limited()
    {
        // Launched 25 November: 1 December is day 7.
        var c = Campaign(new RawTotals()) with { LearningSince = new DateOnly(2026, 11, 25), ConversionsSinceLearning = 49 };

        var alert = Assert.Single(AlertRules.Check(c, Options));
        Assert.Equal(AlertRule.LearningLimited, alert.Rule);
        Assert.Equal(7m, alert.Figures[1].Value);
        Assert.Empty(Rules(c with { ConversionsSinceLearning = 50 }));
        Assert.Empty(Rules(c with { LearningSince = new DateOnly(2026, 11, 26) }));
    }

    [Fact]
    public void An_enabled_campaign_without_impressions_in_the_last_two_hours_of_data()
    {
        var c = Campaign(new RawTotals { Impressions = 900 }) with { Converts = false, HourlyImpressions = [400, 500, 0, 0] };

        Assert.Equal([AlertRule.NoDelivery], Rules(c));
        Assert.Empty(Rules(c with { HourlyImpressions = [400, 0, 500, 0] }));
        Assert.Empty(Rules(c with { Enabled = false }));
        Assert.Empty(Rules(c with { HourlyImpressions = null }));
    }
}
