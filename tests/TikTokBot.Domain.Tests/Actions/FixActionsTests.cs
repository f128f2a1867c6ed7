using TikTokBot.Domain.Actions;
using TikTokBot.Domain.Diagnosis;
using TikTokBot.Domain.Diagnosis.Rules;
using TikTokBot.Domain.Funnel;
using TikTokBot.Domain.Metrics;

namespace TikTokBot.Domain.Tests.Actions;

public sealed class FixActionsTests
{
    private static readonly AdGroupFigures[] AdGroups =
    [
        new("cmp-1-g1", "Broad 18-44", 315m, 0, 0, Enabled: true),
        new("cmp-1-g2", "Interest: fashion", 189m, 0, 0, Enabled: true),
        new("cmp-1-g3", "Lookalike 1%", 126m, 3, 0, Enabled: true),
        new("cmp-1-g4", "Small test", 40m, 0, 0, Enabled: true),
        new("cmp-1-g5", "Already paused", 400m, 0, 0, Enabled: false),
    ];

    private static Finding Found(string ruleId, decimal meaningfulSpend, params Fix[] fixes) =>
        new(ruleId, FunnelStage.Cost, Severity.Critical, "title", "cause", [new("Cost", 700m, MetricUnit.Money, meaningfulSpend, "meaningful spend")], fixes);

    private static (string Label, ActionIntent Intent)[] Proposed(Finding finding, decimal? campaignBudget = null, decimal step = 20m) =>
        FixActions.Propose(finding, "cmp-1", campaignBudget, AdGroups, step).Select(p => (p.Label, p.Intent)).ToArray();

    [Fact]
    public void Spend_without_results_pauses_the_running_ad_groups_past_meaningful_spend_without_a_conversion_largest_first_then_the_campaign()
    {
        var finding = Found("spend-without-results", 50m, new Fix(FixKind.Pause, "Pause the campaign."), new Fix(FixKind.Tracking, "Check the pixel."));

        Assert.Equal(
        [
            ("Pause ad group Broad 18-44", ActionIntent.Pause(ActionLevel.AdGroup, "cmp-1-g1")),
            ("Pause ad group Interest: fashion", ActionIntent.Pause(ActionLevel.AdGroup, "cmp-1-g2")),
            ("Pause campaign", ActionIntent.Pause(ActionLevel.Campaign, "cmp-1")),
        ], Proposed(finding));
    }

    [Fact]
    public void No_live_conversions_pauses_the_ad_groups_without_a_live_conversion_and_not_the_campaign()
    {
        var finding = Found("no-live-conversions", 100m, new Fix(FixKind.Pause, "Pause and investigate."));

        Assert.Equal(["cmp-1-g1", "cmp-1-g2", "cmp-1-g3"], Proposed(finding).Select(p => p.Intent.TargetId));
    }

    [Fact]
    public void A_raise_goes_to_the_campaigns_own_budget_by_the_configured_step()
    {
        var finding = Found("real-time-cpa-below-target", 50m, new Fix(FixKind.Budget, "Raise the budget."));

        Assert.Equal([("Raise budget +25%", ActionIntent.ChangeBudget(ActionLevel.Campaign, "cmp-1", BudgetChange.ByPercent(25m)))],
            Proposed(finding, campaignBudget: 220m, step: 25m));
    }

    [Fact]
    public void Without_a_campaign_budget_a_raise_goes_to_the_largest_spending_running_ad_groups()
    {
        var finding = Found("low-delivery", 50m, new Fix(FixKind.Targeting, "Broaden."), new Fix(FixKind.Budget, "Or raise the daily budget."));

        var proposed = Proposed(finding, campaignBudget: null);

        Assert.Equal(FixActions.MaxAdGroupButtons, proposed.Length);
        Assert.Equal(("Raise budget of Broad 18-44 +20%", ActionIntent.ChangeBudget(ActionLevel.AdGroup, "cmp-1-g1", BudgetChange.ByPercent(20m))), proposed[0]);
        Assert.DoesNotContain(proposed, p => p.Intent.TargetId == "cmp-1-g5");
    }

    [Fact]
    public void A_lowering_move_proposes_minus_the_step()
    {
        var proposal = Assert.Single(FixActions.Propose(FixMove.LowerBudget, "cmp-1", 300m, AdGroups, 0m, 20m));

        Assert.Equal(("Lower budget -20%", BudgetChange.ByPercent(-20m)), (proposal.Label, proposal.Intent.Budget));
        Assert.Equal(240m, proposal.Intent.Budget!.Apply(300m));
    }

    [Theory]
    [InlineData("losing-efficiency", FixKind.Budget)]
    [InlineData("real-time-cvr-falling", FixKind.Pause)]
    [InlineData("spend-without-results", FixKind.Tracking)]
    public void Fixes_that_are_no_single_action_carry_none(string ruleId, FixKind kind) =>
        Assert.Empty(Proposed(Found(ruleId, 50m, new Fix(kind, "something"))));

    [Fact]
    public void Every_rule_id_the_buttons_follow_is_a_rule_the_diagnosis_has()
    {
        var ruleIds = typeof(SpendWithoutResultsRule).Assembly.GetTypes()
            .Where(t => typeof(IDiagnosisRule).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false } && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => ((IDiagnosisRule)Activator.CreateInstance(t)!).Id)
            .ToHashSet();

        foreach (var (id, kind) in new[] { ("spend-without-results", FixKind.Pause), ("no-live-conversions", FixKind.Pause), ("low-delivery", FixKind.Budget), ("real-time-cpa-below-target", FixKind.Budget) })
        {
            Assert.Contains(id, ruleIds);
            Assert.NotEmpty(FixActions.MovesOf(Found(id, 0m), new Fix(kind, "")));
        }
    }
}
