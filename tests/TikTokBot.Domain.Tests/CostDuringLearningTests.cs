using TikTokBot.Domain.Diagnosis;
using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Objectives;
using static TikTokBot.Domain.Tests.Scenario;

namespace TikTokBot.Domain.Tests;

/// <summary>
/// DOMAIN.md section 6: cost per result is judged after 7 days with enough spend ($500 by default), not before.
/// The healthy week ends 2026-11-20 with CPA $32.00 (800 / 25); a $25 target puts it above target.
/// </summary>
public sealed class CostDuringLearningTests
{
    private static readonly SuccessCriteria Target25 = new(25m, 20);

    private static Finding CpaFinding(Domain.Campaigns.CampaignFacts facts) =>
        Assert.Single(Engine.Diagnose(facts).Findings, f => f.RuleId == "cpa-above-target");

    [Fact]
    public void On_day_4_of_learning_a_cost_above_target_is_too_early_to_judge_not_a_problem()
    {
        // Launched 2026-11-17: 2026-11-20 is day 4. $800 spent since (the whole period, no daily rows), past $500.
        var facts = Facts(criteria: Target25, launchedOn: new DateOnly(2026, 11, 17));

        var finding = CpaFinding(facts);

        Assert.Equal(Severity.Watch, finding.Severity);
        Assert.False(finding.IsProblem);
        Assert.Equal("Too early to judge cost per conversion", finding.Title);
        // Judged from day 8: 2026-11-17 + 7 days.
        Assert.Equal(
            "On day 4 each conversion costs $32.00 against a target of $25.00, but during learning that is not yet a verdict: judge it from 2026-11-24.",
            finding.Cause);
        Assert.Equal((32m, 25m), (finding.Evidence[0].Value, finding.Evidence[0].Reference));
        Assert.Equal((800m, 500m), (finding.Evidence[1].Value, finding.Evidence[1].Reference));
        Assert.Equal([FixKind.Investigate], finding.Fixes.Select(f => f.Kind));
        Assert.Null(Engine.Diagnose(facts).EarliestProblemStage);
    }

    [Theory]
    // Launched 2026-11-14: 2026-11-20 is day 7, still inside the first 7 days.
    [InlineData(14, Severity.Watch)]
    // Launched 2026-11-13: 2026-11-20 is day 8, the first day it can be judged: $32 against $25 is a warning.
    [InlineData(13, Severity.Warning)]
    public void Cost_per_conversion_is_judged_from_day_8(int launchDay, Severity severity)
    {
        var facts = Facts(criteria: Target25, launchedOn: new DateOnly(2026, 11, launchDay));
        Assert.Equal(severity, CpaFinding(facts).Severity);
    }

    [Fact]
    public void Before_enough_spend_it_says_how_much_is_still_to_be_spent()
    {
        // Day 51 (launched 2026-10-01) but only $320 spent since launch, short of $500.
        var facts = Facts(criteria: Target25) with { LifetimeSpend = 320m };

        var finding = CpaFinding(facts);

        Assert.Equal(Severity.Watch, finding.Severity);
        Assert.EndsWith("judge it once $500.00 has been spent (so far $320.00).", finding.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public void Young_and_short_of_spend_it_names_both_conditions()
    {
        var facts = Facts(criteria: Target25, launchedOn: new DateOnly(2026, 11, 17)) with { LifetimeSpend = 320m };
        Assert.EndsWith("judge it from 2026-11-24 once $500.00 has been spent (so far $320.00).", CpaFinding(facts).Cause, StringComparison.Ordinal);
    }

    [Fact]
    public void Spend_since_launch_counts_only_the_days_from_launch()
    {
        // Day 8 on 2026-11-20, but the daily rows put $450 before launch and $350 after: $350 is short of $500.
        var daily = new[]
        {
            new DailyTotals(new DateOnly(2026, 11, 12), Healthy with { Spend = 450m, Conversions = 12 }),
            new DailyTotals(new DateOnly(2026, 11, 20), Healthy with { Spend = 350m, Conversions = 13 }),
        };
        var facts = Facts(criteria: Target25, launchedOn: new DateOnly(2026, 11, 13), daily: daily);

        var finding = CpaFinding(facts);

        Assert.Equal(Severity.Watch, finding.Severity);
        Assert.Equal((350m, 500m), (finding.Evidence[1].Value, finding.Evidence[1].Reference));
    }

    [Fact]
    public void The_live_cost_rule_does_not_call_a_learning_campaign_above_target()
    {
        // The four days of the real-time test (first two $30 a live conversion, last two $35, target $20), but the
        // campaign launched on the first of them: day 4, too early. Total $650 for 20 conversions: $32.50.
        var daily = Enumerable.Range(0, 4)
            .Select(i => new DailyTotals(Week.Start.AddDays(i), new RawTotals
            {
                Impressions = 25_000, Spend = i < 2 ? 150m : 175m, DestinationClicks = 250, AllClicks = 500, Conversions = 5, RealTimeConversions = 5,
            }))
            .ToArray();
        var period = new DateRange(Week.Start, Week.Start.AddDays(3));
        var learning = Facts(RawTotals.Sum(daily.Select(d => d.Counts)), daily: daily, criteria: new SuccessCriteria(20m, 20), period: period,
            launchedOn: Week.Start);

        Assert.DoesNotContain("real-time-cpa-above-target", RuleIds(learning));
        Assert.Equal(Severity.Watch, CpaFinding(learning).Severity);
        Assert.Contains("costs $32.50 against a target of $20.00", CpaFinding(learning).Cause, StringComparison.Ordinal);

        // The same days a week after launch are judged: the live rule fires, and $32.50 (under twice $20) is a warning.
        var judged = learning with { Campaign = learning.Campaign with { LaunchedOn = Week.Start.AddDays(-7) } };
        Assert.Contains("real-time-cpa-above-target", RuleIds(judged));
        Assert.Equal(Severity.Warning, CpaFinding(judged).Severity);
    }
}
