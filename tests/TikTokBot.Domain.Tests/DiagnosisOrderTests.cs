using TikTokBot.Domain.Diagnosis;
using TikTokBot.Domain.Funnel;
using TikTokBot.Domain.Learning;
using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Objectives;
using static TikTokBot.Domain.Tests.Scenario;

namespace TikTokBot.Domain.Tests;

public sealed class DiagnosisOrderTests
{
    // CTR 0.50% (weak hook, engagement), CPA $160 against $40 (cost), CVR 1.0% of 500 clicks (landing page, conversion).
    // Destination share stays at 50% (500 of 1,000), so the call to action is not in question.
    private static readonly RawTotals Troubled = Healthy with { DestinationClicks = 500, AllClicks = 1_000, Conversions = 5, RealTimeConversions = 5 };

    [Fact]
    public void Findings_come_in_funnel_order_and_later_ones_are_marked_as_possibly_caused_by_the_earliest()
    {
        var diagnosis = Engine.Diagnose(Facts(Troubled));

        // Five conversions a week since 1 October never reach ~50: learning limited, last, as too few conversions is where it shows.
        Assert.Equal(
            ["weak-hook", "cpa-above-target", "landing-page", "learning-limited"],
            diagnosis.Findings.Where(f => f.IsProblem).Select(f => f.RuleId));
        Assert.Equal(FunnelStage.Engagement, diagnosis.EarliestProblemStage);
        Assert.Equal("weak-hook", diagnosis.TopFinding!.RuleId);
        Assert.Null(diagnosis.Findings[0].PossiblyCausedBy);
        Assert.All(diagnosis.Findings.Skip(1), f => Assert.Equal(FunnelStage.Engagement, f.PossiblyCausedBy));
    }

    [Fact]
    public void Room_to_scale_is_never_offered_beside_a_problem()
    {
        // Real-time CPA $33.33 within a $40 target is room to scale on its own; with a weak hook (CTR 0.50%) it is not offered.
        Assert.Contains("real-time-cpa-below-target", RuleIds(Facts()));

        var diagnosis = Engine.Diagnose(Facts(Healthy with { DestinationClicks = 500, AllClicks = 1_000 }));

        Assert.DoesNotContain(diagnosis.Findings, f => f.Severity == Severity.Opportunity);
        Assert.Equal(FunnelStage.Engagement, diagnosis.EarliestProblemStage);
    }

    [Fact]
    public void Within_a_stage_the_most_severe_finding_comes_first()
    {
        // No conversion after $3,000: spend-without-results (critical). CPC $3.00 without conversions adds expensive-clicks
        // (warning) to the same stage, and CPM $30 with no budget to say it went unspent a cost note (watch).
        var diagnosis = Engine.Diagnose(Facts(Healthy with { Spend = 3_000m, Conversions = 0, RealTimeConversions = 0 }));

        var cost = diagnosis.Findings.Where(f => f.Stage == FunnelStage.Cost).ToArray();
        Assert.Equal(["spend-without-results", "expensive-clicks", "expensive-impressions"], cost.Select(f => f.RuleId));
    }

    [Fact]
    public void A_watch_item_or_an_opportunity_does_not_mark_later_findings_as_downstream()
    {
        // Frequency 5 with no decline: audience burn (watch) at delivery; CVR 1.5% at conversion is its own problem, so
        // the room to scale of a CPA of $53.33 within a $60 target is not offered.
        var steady = Healthy with { Conversions = 15, RealTimeConversions = 15 };
        var diagnosis = Engine.Diagnose(Facts(steady, reach: 20_000, previous: steady, criteria: new SuccessCriteria(60m, 10)));

        Assert.Equal(["audience-burn", "landing-page"], diagnosis.Findings.Select(f => f.RuleId));

        var landingPage = Assert.Single(diagnosis.Findings, f => f.RuleId == "landing-page");
        Assert.Null(landingPage.PossiblyCausedBy);
        Assert.Equal("landing-page", diagnosis.TopFinding!.RuleId);
    }

    [Theory]
    [InlineData(Objective.Awareness)]
    [InlineData(Objective.VideoViews)]
    public void Conversion_rules_never_fire_for_awareness_or_video_view_campaigns(Objective objective)
    {
        // $800 with no conversion at all, live or otherwise, and 1,000 destination clicks.
        var ids = RuleIds(Facts(Healthy with { Conversions = 0, RealTimeConversions = 0 }, objective: objective));

        Assert.Empty(ids.Intersect(["spend-without-results", "cpa-above-target", "landing-page", "top-of-funnel", "tracking-check",
            "losing-efficiency", "no-live-conversions", "real-time-cvr-falling", "real-time-cpa-below-target", "real-time-cpa-above-target"]));
    }

    [Fact]
    public void What_should_i_fix_starts_with_the_earliest_stage_and_keeps_the_numbers()
    {
        var plan = FixPlan.From(Engine.Diagnose(Facts(Troubled)));

        Assert.Equal("weak-hook", plan.FirstAction!.Because.RuleId);
        Assert.Equal(1, plan.FirstAction.Rank);
        Assert.Equal(0.005m, plan.FirstAction.Because.Evidence[0].Value);
        Assert.Equal(Enumerable.Range(1, plan.Fixes.Count), plan.Fixes.Select(f => f.Rank));
        Assert.True(plan.Fixes.Last(f => f.Because.IsProblem).PossiblyDownstream);
        var stages = plan.Fixes.Where(f => f.Because.IsProblem).Select(f => f.Because.Stage).ToArray();
        Assert.Equal(stages.Order(), stages);
    }

    [Fact]
    public void A_problem_leaves_no_raise_budget_fix_in_the_plan()
    {
        // CVR 1.5% with 15 conversions and a $60 target: the landing page (a problem); real-time CPA $53.33 would be room to scale.
        var plan = FixPlan.From(Engine.Diagnose(Facts(Healthy with { Conversions = 15, RealTimeConversions = 15 }, criteria: new SuccessCriteria(60m, 10))));

        Assert.Equal(["landing-page", "landing-page"], plan.Fixes.Select(f => f.Because.RuleId));
        Assert.Equal("landing-page", plan.FirstAction!.Because.RuleId);
    }

    [Fact]
    public void A_healthy_campaign_has_no_first_action()
    {
        // CPA $32 within a $33 target; real-time CPA $33.33 just above it, so no opportunity either.
        var plan = FixPlan.From(Engine.Diagnose(Facts(criteria: new SuccessCriteria(33m, 20))));

        Assert.True(plan.NothingToFix);
        Assert.Null(plan.FirstAction);
    }

    [Fact]
    public void During_the_hands_off_days_changes_that_restart_learning_are_held_and_the_first_action_is_one_that_does_not()
    {
        // Launched 2026-11-18, today 2026-11-21: day 4, hands off. Weak hook (creative) and landing page (page fixes).
        var launched = new DateOnly(2026, 11, 18);
        var facts = Facts(Troubled, launchedOn: launched, lifetimeConversions: 5);

        var plan = Engine.PlanFixes(facts, new DateOnly(2026, 11, 21));

        Assert.NotNull(plan.LearningGuard);
        Assert.Equal(LearningAdvice.HandsOff, plan.LearningGuard!.Advice);
        Assert.All(plan.Fixes.Where(f => f.Fix.RestartsLearning), f => Assert.True(f.HeldForLearning));
        Assert.False(plan.FirstAction!.Fix.RestartsLearning);
        Assert.Equal(FixKind.LandingPage, plan.FirstAction.Fix.Kind);
    }

    [Fact]
    public void After_the_hands_off_days_nothing_is_held()
    {
        var plan = Engine.PlanFixes(Facts(Troubled, launchedOn: new DateOnly(2026, 11, 1)), new DateOnly(2026, 11, 21));

        Assert.Null(plan.LearningGuard);
        Assert.DoesNotContain(plan.Fixes, f => f.HeldForLearning);
        Assert.Equal("weak-hook", plan.FirstAction!.Because.RuleId);
    }
}
