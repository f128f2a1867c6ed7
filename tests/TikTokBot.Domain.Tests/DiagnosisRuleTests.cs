using TikTokBot.Domain.Funnel;
using TikTokBot.Domain.Diagnosis;
using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Objectives;
using static TikTokBot.Domain.Tests.Scenario;

namespace TikTokBot.Domain.Tests;

/// <summary>Each rule of DOMAIN.md section 5, once firing and once not, from the healthy scenario bent one way.</summary>
public sealed class DiagnosisRuleTests
{
    private static Finding Single(string ruleId, Domain.Campaigns.CampaignFacts facts) =>
        Assert.Single(Engine.Diagnose(facts).Findings, f => f.RuleId == ruleId);

    [Fact]
    public void The_healthy_scenario_has_no_problem_only_the_room_to_scale()
    {
        // Real-time CPA $33.33 (800 / 24) within the $40 target after $800, past the $80 meaningful spend.
        Assert.Equal(["real-time-cpa-below-target"], RuleIds(Facts()));
    }

    [Fact]
    public void Low_delivery_fires_when_less_than_80_percent_of_the_budget_of_the_enabled_days_was_spent()
    {
        // $200 a day for 7 days is a $1,400 budget; $800 spent is 57%: the auction is not spending it (DOMAIN.md section 9).
        var finding = Single("low-delivery", Facts(dailyBudget: 200m));

        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal((800m, 1_400m), (finding.Evidence[0].Value, finding.Evidence[0].Reference));
        Assert.Equal(FixKind.Targeting, finding.Fixes[0].Kind);
        Assert.DoesNotContain(finding.Fixes, f => f.Kind == FixKind.Budget);
    }

    [Fact]
    public void Low_delivery_counts_only_the_days_the_campaign_was_live()
    {
        // Launched 2026-11-19: 2 of the week's 7 days at $200 is a $400 budget; $340 spent is 85%, though far short of a week's $1,400.
        var twoDays = Healthy with { Impressions = 40_000, Spend = 340m };
        var facts = Facts(twoDays, reach: 20_000, dailyBudget: 200m, launchedOn: new DateOnly(2026, 11, 19), previous: twoDays, previousReach: 20_000);

        Assert.DoesNotContain("low-delivery", RuleIds(facts));
        Assert.Contains("low-delivery", RuleIds(facts with { Campaign = facts.Campaign with { LaunchedOn = new DateOnly(2026, 11, 14) } }));
    }

    [Fact]
    public void Dear_impressions_with_the_budget_spent_are_a_cost_note_not_low_delivery()
    {
        // $1,000 on 100,000 impressions: CPM $10.00, above TikTok's $9.16, with $1,000 of a $1,050 budget spent (95%).
        var ids = RuleIds(Facts(Healthy with { Spend = 1_000m }, dailyBudget: 150m));

        Assert.DoesNotContain("low-delivery", ids);
        var note = Single("expensive-impressions", Facts(Healthy with { Spend = 1_000m }, dailyBudget: 150m));
        Assert.Equal((Severity.Watch, FunnelStage.Cost, 9.16m), (note.Severity, note.Stage, note.Evidence[0].Reference));
    }

    [Fact]
    public void Low_delivery_stays_quiet_when_the_budget_is_spent()
    {
        // $120 a day for 7 days is $840; $800 is 95% of it.
        Assert.DoesNotContain("low-delivery", RuleIds(Facts(dailyBudget: 120m)));
    }

    [Theory]
    // Reach 20,000: frequency 5 (above the alert level 4). CTR fell from 1.20% to 1.00% (-16.7%): critical fatigue.
    [InlineData(20_000, Severity.Critical)]
    // Reach 25,000: frequency exactly 4, above 3 but not above 4: a warning.
    [InlineData(25_000, Severity.Warning)]
    public void Creative_fatigue_fires_when_frequency_is_high_and_ctr_fell(long reach, Severity severity)
    {
        var facts = Facts(reach: reach, previous: Healthy with { DestinationClicks = 1_200 });

        var finding = Single("creative-fatigue", facts);

        Assert.Equal(severity, finding.Severity);
        Assert.Equal(FixKind.Creative, finding.Fixes[0].Kind);
        Assert.DoesNotContain("audience-burn", RuleIds(facts));
    }

    [Fact]
    public void Creative_fatigue_fires_when_conversions_fell_even_if_ctr_held()
    {
        // Frequency 5; conversions 25 against 30 last period (-16.7%).
        Assert.Contains("creative-fatigue", RuleIds(Facts(reach: 20_000, previous: Healthy with { Conversions = 30 })));
    }

    [Fact]
    public void High_frequency_without_a_decline_is_audience_burn_to_watch_not_fatigue()
    {
        var facts = Facts(reach: 20_000);

        var finding = Single("audience-burn", facts);

        Assert.Equal(Severity.Watch, finding.Severity);
        Assert.DoesNotContain("creative-fatigue", RuleIds(facts));
    }

    [Fact]
    public void Frequency_of_three_or_less_raises_neither_fatigue_nor_burn()
    {
        // Reach 33,334: frequency 2.9999; CTR fell 16.7%, but people are not over-exposed.
        var ids = RuleIds(Facts(reach: 33_334, previous: Healthy with { DestinationClicks = 1_200 }));

        Assert.DoesNotContain("creative-fatigue", ids);
        Assert.DoesNotContain("audience-burn", ids);
    }

    [Fact]
    public void A_call_to_action_problem_fires_when_clicks_are_healthy_but_few_reach_the_destination()
    {
        // 5,000 clicks in all (5% of impressions) but 1,000 to the destination: a 20% share, below 30%.
        var finding = Single("call-to-action", Facts(Healthy with { AllClicks = 5_000 }));

        Assert.Equal(0.2m, finding.Evidence[0].Value);
        Assert.Equal(0.3m, finding.Evidence[0].Reference);
    }

    [Fact]
    public void A_call_to_action_problem_needs_healthy_interest_first()
    {
        // Destination share 20% (100 of 500) but all clicks are 0.5% of impressions: interest itself is weak.
        var ids = RuleIds(Facts(Healthy with { AllClicks = 500, DestinationClicks = 100, Conversions = 3 }));

        Assert.DoesNotContain("call-to-action", ids);
    }

    [Theory]
    // 500 clicks on 100,000 impressions: CTR 0.50%, below 0.61%.
    [InlineData(500, Severity.Warning)]
    // 250 clicks: CTR 0.25%, below 0.3%.
    [InlineData(250, Severity.Critical)]
    public void A_weak_hook_fires_below_the_platform_ctr(long clicks, Severity severity)
    {
        var finding = Single("weak-hook", Facts(Healthy with { DestinationClicks = clicks }));

        Assert.Equal(severity, finding.Severity);
        Assert.Equal(clicks / 100_000m, finding.Evidence[0].Value);
    }

    [Fact]
    public void A_weak_hook_is_not_judged_on_too_few_impressions()
    {
        // CTR 0.50% but on 800 impressions, under the 1,000 needed to judge a rate.
        Assert.DoesNotContain("weak-hook", RuleIds(Facts(Healthy with { Impressions = 800, DestinationClicks = 4 })));
    }

    [Fact]
    public void Expensive_clicks_fire_when_cpc_is_above_the_warning_and_cvr_is_weak()
    {
        // $3,000 over 1,000 clicks: CPC $3.00 (> $2.50); 15 conversions: CVR 1.50% (< 1.92%).
        var finding = Single("expensive-clicks", Facts(Healthy with { Spend = 3_000m, Conversions = 15 }));

        Assert.Equal(3m, finding.Evidence[0].Value);
        Assert.Equal(0.015m, finding.Evidence[1].Value);
    }

    [Fact]
    public void Expensive_clicks_are_forgiven_when_the_clicks_convert_strongly()
    {
        // CPC $3.00, but 25 conversions on 1,000 clicks is a CVR of 2.50%, above 1.92%.
        Assert.DoesNotContain("expensive-clicks", RuleIds(Facts(Healthy with { Spend = 3_000m })));
    }

    [Fact]
    public void Expensive_clicks_fire_for_traffic_campaigns_which_have_no_conversions_to_excuse_them()
    {
        Assert.Contains("expensive-clicks", RuleIds(Facts(Healthy with { Spend = 3_000m }, objective: Objective.Traffic, noCriteria: true)));
    }

    [Theory]
    // Target $40: meaningful spend is $80; $800 spent, no conversion.
    [InlineData(800, 40, true)]
    // $70 is under the $80 that makes spend meaningful.
    [InlineData(70, 40, false)]
    // No target: meaningful spend is $50; $60 spent.
    [InlineData(60, null, true)]
    [InlineData(45, null, false)]
    public void Spend_without_results_fires_after_meaningful_spend_with_no_conversion(decimal spend, int? target, bool fires)
    {
        var criteria = target is { } t ? new SuccessCriteria((decimal)t, 20) : null;
        var facts = Facts(Healthy with { Spend = spend, Conversions = 0, RealTimeConversions = 0 }, criteria: criteria, noCriteria: criteria is null);

        Assert.Equal(fires, RuleIds(facts).Contains("spend-without-results"));
    }

    [Theory]
    // CPA $32 against $25: above target, under 2x.
    [InlineData(25, Severity.Warning)]
    // CPA $32 against $15: at least twice the target.
    [InlineData(15, Severity.Critical)]
    public void Cpa_above_target_fires_and_works_backwards_through_the_funnel(decimal target, Severity severity)
    {
        var finding = Single("cpa-above-target", Facts(criteria: new SuccessCriteria(target, 20)));

        Assert.Equal(severity, finding.Severity);
        Assert.Equal([FixKind.LandingPage, FixKind.Creative, FixKind.Targeting, FixKind.Bid], finding.Fixes.Select(f => f.Kind));
        Assert.Contains("2.50%", finding.Fixes[0].Action);
        Assert.Contains("$0.80", finding.Fixes[1].Action);
    }

    [Fact]
    public void Cpa_within_target_raises_nothing()
    {
        Assert.DoesNotContain("cpa-above-target", RuleIds(Facts(criteria: new SuccessCriteria(32m, 20))));
    }

    [Fact]
    public void The_landing_page_is_flagged_when_clicks_convert_below_the_benchmark()
    {
        // 15 conversions on 1,000 clicks: 1.50%, below 1.92%.
        var finding = Single("landing-page", Facts(Healthy with { Conversions = 15 }));

        Assert.Equal(0.015m, finding.Evidence[0].Value);
        Assert.Equal(0.0192m, finding.Evidence[0].Reference);
    }

    [Theory]
    // A purchase campaign is held to 0.46%: 1.50% is fine.
    [InlineData(1_000, true)]
    // 90 clicks are too few to judge the page.
    [InlineData(90, false)]
    public void The_landing_page_is_not_blamed_on_a_purchase_benchmark_it_meets_or_on_too_few_clicks(long clicks, bool purchase)
    {
        var conversions = clicks == 1_000 ? 15 : 1;
        Assert.DoesNotContain("landing-page", RuleIds(Facts(Healthy with { DestinationClicks = clicks, Conversions = conversions }, purchase: purchase)));
    }

    [Fact]
    public void The_top_of_funnel_is_flagged_when_viewers_rarely_convert_but_visitors_do()
    {
        // 300,000 impressions, 1,000 clicks, 25 conversions: 0.0083% of impressions (< 0.0117%), 2.50% of clicks (>= 1.92%).
        var finding = Single("top-of-funnel", Facts(Healthy with { Impressions = 300_000 }, reach: 120_000));

        Assert.Equal(25m / 300_000m, finding.Evidence[0].Value);
    }

    [Fact]
    public void The_top_of_funnel_is_not_flagged_when_viewers_convert_at_the_expected_rate()
    {
        // 25 conversions on 100,000 impressions: 0.025%.
        Assert.DoesNotContain("top-of-funnel", RuleIds(Facts()));
    }

    [Fact]
    public void Losing_efficiency_fires_when_conversions_and_cpa_both_rise()
    {
        // Last period: 20 conversions for $500 (CPA $25). Now: 25 (+25%) at $32 (+28%). Within the $40 target the cost
        // per conversion does not stand worse: one to watch. Above a $30 target it is a problem (DOMAIN.md section 8, item 5).
        var finding = Single("losing-efficiency", Facts(previous: Healthy with { Conversions = 20, Spend = 500m }));
        Assert.Equal(Severity.Watch, finding.Severity);

        var overTarget = Single("losing-efficiency", Facts(previous: Healthy with { Conversions = 20, Spend = 500m }, criteria: new SuccessCriteria(30m, 20)));
        Assert.Equal(Severity.Warning, overTarget.Severity);
    }

    [Fact]
    public void Losing_efficiency_needs_conversions_to_have_grown()
    {
        // Last period: 30 conversions at $20: conversions fell, so this is not scaling.
        Assert.DoesNotContain("losing-efficiency", RuleIds(Facts(previous: Healthy with { Conversions = 30, Spend = 600m })));
    }

    [Fact]
    public void Clicks_without_any_recorded_conversion_point_at_tracking_first()
    {
        var finding = Single("tracking-check", Facts(Healthy with { Conversions = 0, RealTimeConversions = 0 }));

        Assert.Equal(Severity.Critical, finding.Severity);
        Assert.Equal(FixKind.Tracking, finding.Fixes[0].Kind);
    }

    [Fact]
    public void Tracking_is_not_suspected_when_conversions_were_recorded_before()
    {
        Assert.DoesNotContain("tracking-check", RuleIds(Facts(Healthy with { Conversions = 0, RealTimeConversions = 0 }, lifetimeConversions: 12)));
    }

    [Fact]
    public void No_live_conversions_after_meaningful_spend_says_pause()
    {
        var finding = Single("no-live-conversions", Facts(Healthy with { RealTimeConversions = 0 }));

        Assert.Equal(FixKind.Pause, finding.Fixes[0].Kind);
    }

    [Fact]
    public void No_live_conversions_waits_for_meaningful_spend()
    {
        // $40 spent, under the $80 that is meaningful with a $40 target.
        Assert.DoesNotContain("no-live-conversions", RuleIds(Facts(Healthy with { Spend = 40m, RealTimeConversions = 0 })));
    }

    public static IEnumerable<object?[]> FallingRealTimeCvr()
    {
        // A campaign launched 2026-11-14: 4 days at 8 live conversions per 200 clicks (4%), then 3 days at 4 per 200 (2%).
        yield return [new DateOnly(2026, 11, 14), null, true];
        // The same days in a campaign launched in October, with no budget change: not "early", so not judged.
        yield return [new DateOnly(2026, 10, 1), null, false];
        // The October campaign whose budget was raised on 2026-11-18, the day the rate halved.
        yield return [new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 18), true];
    }

    [Theory]
    [MemberData(nameof(FallingRealTimeCvr))]
    public void A_falling_real_time_cvr_is_flagged_early_in_a_campaign_or_after_a_budget_increase(DateOnly launched, DateOnly? raised, bool fires)
    {
        var daily = Enumerable.Range(0, 7)
            .Select(i => new DailyTotals(Week.Start.AddDays(i), new RawTotals
            {
                Impressions = 20_000, Spend = 100m, DestinationClicks = 200, AllClicks = 400, Conversions = 4, RealTimeConversions = i < 4 ? 8 : 4,
            }))
            .ToArray();

        var facts = Facts(RawTotals.Sum(daily.Select(d => d.Counts)), reach: 60_000, daily: daily, launchedOn: launched, budgetRaisedOn: raised);

        Assert.Equal(fires, RuleIds(facts).Contains("real-time-cvr-falling"));
    }

    [Fact]
    public void Real_time_cpa_below_target_after_meaningful_spend_is_a_reason_to_scale()
    {
        var finding = Single("real-time-cpa-below-target", Facts());

        Assert.Equal(Severity.Opportunity, finding.Severity);
        Assert.Equal(FixKind.Budget, finding.Fixes[0].Kind);
    }

    [Fact]
    public void Real_time_cpa_above_target_is_not_an_opportunity()
    {
        // Real-time CPA $33.33 against a $30 target.
        Assert.DoesNotContain("real-time-cpa-below-target", RuleIds(Facts(criteria: new SuccessCriteria(30m, 20))));
    }

    [Theory]
    // First two days: $300 for 10 live conversions ($30). Last two: $350 for 10 ($35). Target $20: above and worse.
    [InlineData(175, true)]
    // Last two days: $250 for 10 ($25): still above target but improving, so not flagged.
    [InlineData(125, false)]
    public void Real_time_cpa_above_target_that_does_not_improve_says_do_not_scale(decimal lateDailySpend, bool fires)
    {
        var daily = Enumerable.Range(0, 4)
            .Select(i => new DailyTotals(Week.Start.AddDays(i), new RawTotals
            {
                Impressions = 25_000, Spend = i < 2 ? 150m : lateDailySpend, DestinationClicks = 250, AllClicks = 500, Conversions = 5, RealTimeConversions = 5,
            }))
            .ToArray();
        var facts = Facts(RawTotals.Sum(daily.Select(d => d.Counts)), daily: daily, criteria: new SuccessCriteria(20m, 20),
            period: new DateRange(Week.Start, Week.Start.AddDays(3)));

        Assert.Equal(fires, RuleIds(facts).Contains("real-time-cpa-above-target"));
    }
}
