using TikTokBot.Domain.Actions;
using TikTokBot.Domain.Learning;

namespace TikTokBot.Domain.Tests.Actions;

public sealed class ActionRulesTests
{
    private static readonly ActionOptions Defaults = new();
    private static readonly DateTime Afternoon = new(2026, 11, 20, 15, 0, 0);

    private static TargetState AdGroup(bool enabled = true, decimal? budget = 400m, BudgetMode mode = BudgetMode.Daily, bool cbo = false, decimal spend = 120m) =>
        new(ActionLevel.AdGroup, "ag-1", "Broad 18-44", "cmp-1", enabled, budget, mode, cbo, spend, "USD");

    private static TargetState Campaign(decimal budget = 412m, decimal spend = 200m) =>
        new(ActionLevel.Campaign, "cmp-1", "Autumn Sale", "cmp-1", true, budget, BudgetMode.Daily, false, spend, "USD");

    private static LearningPhaseAssessment LearningOnDay(int day, long conversions, bool automated = false) =>
        LearningPhase.Assess(new DateOnly(2026, 11, 20).AddDays(1 - day), new DateOnly(2026, 11, 20), conversions, 300m, automated, 4m, new LearningPhaseOptions());

    private static ActionDecision Decide(ActionIntent intent, TargetState target, LearningPhaseAssessment? learning = null, DateTime? at = null, int today = 0) =>
        ActionRules.Decide(intent, target, new ActionSituation(at ?? Afternoon, today), learning, Defaults);

    private static ActionIntent Budget(string change) => ActionIntent.ChangeBudget(ActionLevel.AdGroup, "ag-1",
        change.EndsWith('%') ? BudgetChange.ByPercent(decimal.Parse(change[..^1], System.Globalization.CultureInfo.InvariantCulture))
            : BudgetChange.To(decimal.Parse(change, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void The_defaults_are_the_documented_ones()
    {
        Assert.Equal((false, TimeSpan.FromHours(24), TimeSpan.FromHours(1), 50m, 5, 20m),
            (Defaults.RequireApproval, Defaults.ApprovalLifetime, Defaults.UndoWindow, Defaults.MaxBudgetChangePercent, Defaults.MaxPerCampaignPerDay, Defaults.LearningResetPercent));
        Assert.Equal((50m, 20m, 105m, new TimeOnly(23, 55)),
            (Defaults.MinimumCampaignDailyBudget, Defaults.MinimumAdGroupDailyBudget, Defaults.MinimumBudgetPercentOfTodaySpend, Defaults.BudgetLockFrom));
    }

    [Fact]
    public void Pausing_a_running_ad_group_stops_it_now_and_says_what_it_was_spending()
    {
        var decision = Decide(ActionIntent.Pause(ActionLevel.AdGroup, "ag-1"), AdGroup());

        var plan = Assert.IsType<ActionPlan>(decision.Plan);
        Assert.Equal((true, false), (plan.From.Enabled, plan.To.Enabled));
        Assert.True(plan.Effective.Now);
        Assert.False(plan.RestartsLearning);
        Assert.Equal("It stops delivering now; it spent $120.00 so far today of a $400.00 daily budget.", Assert.Single(plan.Consequences));
    }

    [Fact]
    public void Pausing_what_is_already_paused_is_refused_with_what_to_do_instead()
    {
        var decision = Decide(ActionIntent.Pause(ActionLevel.AdGroup, "ag-1"), AdGroup(enabled: false));

        Assert.False(decision.Allowed);
        Assert.Equal("Ad group Broad 18-44 is already paused; nothing to do. To turn it back on, resume it.", decision.Refusal);
        Assert.Contains("already running", Decide(ActionIntent.Resume(ActionLevel.AdGroup, "ag-1"), AdGroup()).Refusal);
    }

    [Theory]
    [InlineData("+20%", 480)]
    [InlineData("-30%", 280)]
    [InlineData("+50%", 600)]
    [InlineData("-50%", 200)]
    [InlineData("550", 550)]
    [InlineData("+12.5%", 450)]
    public void A_budget_change_within_fifty_percent_is_allowed_and_takes_effect_from_midnight_for_a_daily_budget(string change, decimal expected)
    {
        var plan = Decide(Budget(change), AdGroup()).Plan!;

        Assert.Equal((400m, expected), (plan.From.Budget, plan.To.Budget));
        Assert.Equal(Effective.FromMidnight(new DateOnly(2026, 11, 21)), plan.Effective);
        Assert.StartsWith($"The daily budget becomes ${expected:0.00} from 00:00 on 2026-11-21 account time; today stays at $400.00 ($120.00 spent so far).", plan.Consequences[0]);
    }

    [Theory]
    [InlineData("+51%", "$400.00 to $604.00 is a +51% change")]
    [InlineData("-60%", "$400.00 to $160.00 is a -60% change")]
    [InlineData("1000", "$400.00 to $1,000.00 is a +150% change")]
    public void A_budget_change_over_fifty_percent_is_refused_with_the_range_allowed(string change, string start)
    {
        var refusal = Decide(Budget(change), AdGroup()).Refusal!;

        Assert.StartsWith(start, refusal);
        Assert.Contains("Choose between $200.00 and $600.00, and make a larger change in steps.", refusal);
    }

    [Fact]
    public void A_lifetime_budget_change_applies_now()
    {
        var plan = Decide(Budget("+10%"), AdGroup(budget: 3000m, mode: BudgetMode.Lifetime)).Plan!;

        Assert.Equal(Effective.Immediately, plan.Effective);
        Assert.Equal("The lifetime budget becomes $3,300.00 now.", plan.Consequences[0]);
    }

    [Theory]
    [InlineData(ActionLevel.Campaign, "49.99", false)]
    [InlineData(ActionLevel.Campaign, "50", true)]
    [InlineData(ActionLevel.AdGroup, "19.99", false)]
    [InlineData(ActionLevel.AdGroup, "20", true)]
    public void A_daily_budget_never_goes_under_TikToks_minimum(ActionLevel level, string amount, bool allowed)
    {
        var target = new TargetState(level, "x-1", "X", "cmp-1", true, level == ActionLevel.Campaign ? 90m : 36m, BudgetMode.Daily, false, 0m, "USD");

        var decision = ActionRules.Decide(new ActionIntent(ActionKind.Budget, level, "x-1", BudgetChange.To(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture))),
            target, new ActionSituation(Afternoon, 0), null, Defaults);

        Assert.Equal(allowed, decision.Allowed);
        if (!allowed)
        {
            Assert.Contains($"minimum daily budget for {(level == ActionLevel.Campaign ? "a campaign is $50.00" : "an ad group is $20.00")}", decision.Refusal);
        }
    }

    [Theory]
    [InlineData("262.50", true)] // 105% of 250 exactly
    [InlineData("262.49", false)]
    public void The_new_budget_is_at_least_105_percent_of_todays_spend(string amount, bool allowed)
    {
        var decision = Decide(Budget(amount), AdGroup(budget: 300m, spend: 250m));

        Assert.Equal(allowed, decision.Allowed);
        if (!allowed)
        {
            Assert.Equal("Ad group Broad 18-44 has spent $250.00 today, and TikTok refuses a new budget under 105% of today's spend: choose $262.50 or more, or pause it to stop spending now.",
                decision.Refusal);
        }
    }

    [Theory]
    [InlineData(23, 54, true)]
    [InlineData(23, 55, false)]
    [InlineData(23, 59, false)]
    [InlineData(0, 0, true)]
    public void Budget_changes_are_locked_from_2355_to_midnight_account_time(int hour, int minute, bool allowed)
    {
        var decision = Decide(Budget("+10%"), AdGroup(), at: new DateTime(2026, 11, 20, hour, minute, 0));

        Assert.Equal(allowed, decision.Allowed);
        Assert.True(allowed || decision.Refusal!.Contains("Try again after 00:00 account time."));
        Assert.True(Decide(ActionIntent.Pause(ActionLevel.AdGroup, "ag-1"), AdGroup(), at: new DateTime(2026, 11, 20, hour, minute, 0)).Allowed);
    }

    [Fact]
    public void Campaign_budget_optimisation_blocks_an_ad_group_budget_change_and_points_to_the_campaign()
    {
        var refusal = Decide(Budget("+10%"), AdGroup(cbo: true)).Refusal!;

        Assert.Equal("Campaign budget optimisation is on for campaign cmp-1, so TikTok sets the ad groups' budgets itself and refuses a change to Ad group Broad 18-44. " +
                     "Change the campaign's budget instead.", refusal);
    }

    [Fact]
    public void An_unlimited_budget_cannot_be_raised_or_lowered()
    {
        Assert.Contains("has no budget of its own (unlimited)", Decide(Budget("+10%"), AdGroup(budget: null, mode: BudgetMode.Unlimited)).Refusal);
    }

    [Theory]
    [InlineData(4, true)]
    [InlineData(5, false)]
    public void At_most_five_actions_per_campaign_per_day(int alreadyToday, bool allowed)
    {
        var decision = Decide(ActionIntent.Pause(ActionLevel.AdGroup, "ag-1"), AdGroup(), today: alreadyToday);

        Assert.Equal(allowed, decision.Allowed);
        Assert.True(allowed || decision.Refusal!.StartsWith("Campaign cmp-1 already had 5 actions today", StringComparison.Ordinal));
    }

    [Fact]
    public void Pausing_during_learning_restarts_it_and_gives_the_day_and_conversions()
    {
        var plan = Decide(ActionIntent.Pause(ActionLevel.AdGroup, "ag-1"), AdGroup(), LearningOnDay(2, 18)).Plan!;

        Assert.True(plan.RestartsLearning);
        Assert.Equal("Pausing restarts the learning phase: it is on day 2 of about 3 with 18 of the ~50 conversions it needs to leave learning; " +
                     "those start over from day 1 and 0 conversions.", plan.Consequences[1]);
    }

    [Theory]
    [InlineData("+20%", false)] // exactly the threshold: not more than it
    [InlineData("+21%", true)]
    [InlineData("-25%", true)]
    [InlineData("-10%", false)]
    public void A_budget_change_restarts_learning_only_above_the_reset_percent(string change, bool restarts)
    {
        var plan = Decide(Budget(change), AdGroup(), LearningOnDay(4, 30, automated: true)).Plan!;

        Assert.Equal(restarts, plan.RestartsLearning);
        Assert.Contains(restarts ? "restarts the learning phase: it is on day 4 of about 7 with 30 of the ~50" : "so learning should carry on", plan.Consequences[1]);
    }

    [Fact]
    public void After_learning_a_large_change_costs_no_learning()
    {
        var plan = Decide(Budget("+40%"), AdGroup(), LearningOnDay(9, 64)).Plan!;

        Assert.False(plan.RestartsLearning);
        Assert.Single(plan.Consequences);
    }

    [Fact]
    public void The_confirmation_of_a_campaign_pause_names_the_daily_budget()
    {
        var plan = Decide(ActionIntent.Pause(ActionLevel.Campaign, "cmp-1"), Campaign()).Plan!;

        Assert.Equal("It stops delivering now; it spent $200.00 so far today of a $412.00 daily budget.", plan.Consequences[0]);
    }
}
