using System.Globalization;
using TikTokBot.Domain.Learning;
using TikTokBot.Domain.Metrics;

namespace TikTokBot.Domain.Actions;

/// <summary>
/// Decides whether a pause, resume or budget change may go to TikTok, and what it will cause. A change TikTok would
/// refuse (too small a budget, the nightly lock, CBO) is refused here first; every refusal says what to do instead.
/// </summary>
public static class ActionRules
{
    /// <param name="learning">The campaign's learning phase, or null when it cannot be assessed.</param>
    public static ActionDecision Decide(
        ActionIntent intent, TargetState target, ActionSituation situation, LearningPhaseAssessment? learning, ActionOptions options)
    {
        var what = Describe(target);
        if (situation.ActionsTodayOnCampaign >= options.MaxPerCampaignPerDay)
        {
            return ActionDecision.Refuse(
                $"Campaign {target.CampaignId} already had {situation.ActionsTodayOnCampaign} actions today, the most allowed per day " +
                $"(Actions:MaxPerCampaignPerDay = {options.MaxPerCampaignPerDay}). Try again tomorrow (account time), or make the change in TikTok Ads Manager.");
        }

        return intent.Kind switch
        {
            ActionKind.Pause when !target.Enabled => ActionDecision.Refuse($"{what} is already paused; nothing to do. To turn it back on, resume it."),
            ActionKind.Resume when target.Enabled => ActionDecision.Refuse($"{what} is already running; nothing to do. To stop it, pause it."),
            ActionKind.Pause or ActionKind.Resume => ActionDecision.Allow(StatusPlan(intent, target, learning)),
            _ => DecideBudget(intent, target, situation, learning, options, what),
        };
    }

    private static ActionPlan StatusPlan(ActionIntent intent, TargetState target, LearningPhaseAssessment? learning)
    {
        var pausing = intent.Kind == ActionKind.Pause;
        var consequences = new List<string>
        {
            pausing
                ? $"It stops delivering now; it spent {Money(target.TodaySpend, target.Currency)} so far today" +
                  (target.Budget is { } b && target.BudgetMode == BudgetMode.Daily ? $" of a {Money(b, target.Currency)} daily budget." : ".")
                : "It starts delivering again now" +
                  (target.Budget is { } daily && target.BudgetMode == BudgetMode.Daily ? $", up to {Money(daily, target.Currency)} a day." : "."),
        };
        var restarts = InLearning(learning);
        if (restarts)
        {
            consequences.Add(LearningRestart(learning!, pausing ? "Pausing" : "Resuming"));
        }

        return new ActionPlan(intent, target, Values(target), new ActionValues(!pausing, target.Budget), null, Effective.Immediately, consequences, restarts);
    }

    private static ActionDecision DecideBudget(
        ActionIntent intent, TargetState target, ActionSituation situation, LearningPhaseAssessment? learning, ActionOptions options, string what)
    {
        if (intent.Level == ActionLevel.AdGroup && target.CampaignBudgetOptimisation)
        {
            return ActionDecision.Refuse(
                $"Campaign budget optimisation is on for campaign {target.CampaignId}, so TikTok sets the ad groups' budgets itself and refuses a change to {what}. " +
                "Change the campaign's budget instead.");
        }

        if (target.BudgetMode == BudgetMode.Unlimited || target.Budget is not { } current || current <= 0m)
        {
            return ActionDecision.Refuse($"{what} has no budget of its own (unlimited), so there is nothing to raise or lower. Set a budget in TikTok Ads Manager, or pause it.");
        }

        var change = intent.Budget ?? throw new ArgumentException("A budget action needs a budget change.", nameof(intent));
        var proposed = change.Apply(current);
        if (proposed <= 0m)
        {
            return ActionDecision.Refuse($"A budget of {Money(proposed, target.Currency)} is not possible. To stop spending, pause {what} instead.");
        }

        if (proposed == current)
        {
            return ActionDecision.Refuse($"The budget of {what} is already {Money(current, target.Currency)}; nothing to change.");
        }

        var percent = Math.Round((proposed - current) / current * 100m, 1, MidpointRounding.AwayFromZero);
        if (Math.Abs(percent) > options.MaxBudgetChangePercent)
        {
            var low = Math.Round(current * (1m - options.MaxBudgetChangePercent / 100m), 2, MidpointRounding.AwayFromZero);
            var high = Math.Round(current * (1m + options.MaxBudgetChangePercent / 100m), 2, MidpointRounding.AwayFromZero);
            return ActionDecision.Refuse(
                $"{Money(current, target.Currency)} to {Money(proposed, target.Currency)} is a {Percent(percent)} change; one action may change a budget by at most " +
                $"{Number(options.MaxBudgetChangePercent)}% (Actions:MaxBudgetChangePercent). Choose between {Money(low, target.Currency)} and {Money(high, target.Currency)}, " +
                "and make a larger change in steps.");
        }

        var minimum = intent.Level == ActionLevel.Campaign ? options.MinimumCampaignDailyBudget : options.MinimumAdGroupDailyBudget;
        if (target.BudgetMode == BudgetMode.Daily && proposed < minimum)
        {
            return ActionDecision.Refuse(
                $"TikTok's minimum daily budget for {(intent.Level == ActionLevel.Campaign ? "a campaign" : "an ad group")} is {Money(minimum, target.Currency)}, " +
                $"so {Money(proposed, target.Currency)} would be refused. Choose {Money(minimum, target.Currency)} or more, or pause {what} instead.");
        }

        var floor = Math.Ceiling(target.TodaySpend * options.MinimumBudgetPercentOfTodaySpend) / 100m;
        if (proposed < floor)
        {
            return ActionDecision.Refuse(
                $"{what} has spent {Money(target.TodaySpend, target.Currency)} today, and TikTok refuses a new budget under {Number(options.MinimumBudgetPercentOfTodaySpend)}% " +
                $"of today's spend: choose {Money(floor, target.Currency)} or more, or pause it to stop spending now.");
        }

        var time = TimeOnly.FromDateTime(situation.AccountLocalNow);
        if (time >= options.BudgetLockFrom)
        {
            return ActionDecision.Refuse(
                $"TikTok locks budget changes from {options.BudgetLockFrom:HH\\:mm} until midnight in the account's time zone, and it is {time:HH\\:mm} there now. " +
                "Try again after 00:00 account time.");
        }

        var effective = target.BudgetMode == BudgetMode.Daily ? Effective.FromMidnight(situation.AccountToday.AddDays(1)) : Effective.Immediately;
        var consequences = new List<string>
        {
            effective.Now
                ? $"The lifetime budget becomes {Money(proposed, target.Currency)} now."
                : $"The daily budget becomes {Money(proposed, target.Currency)} from 00:00 on {effective.From:yyyy-MM-dd} account time; today stays at {Money(current, target.Currency)} " +
                  $"({Money(target.TodaySpend, target.Currency)} spent so far).",
        };
        var restarts = InLearning(learning) && Math.Abs(percent) > options.LearningResetPercent;
        if (restarts)
        {
            consequences.Add(LearningRestart(learning!, $"A {Percent(percent)} budget change (more than {Number(options.LearningResetPercent)}%, Actions:LearningResetPercent)"));
        }
        else if (InLearning(learning))
        {
            consequences.Add($"It is still learning (day {learning!.Day}, {learning.Conversions} of ~{learning.ExitConversions} conversions); a change of " +
                             $"{Percent(percent)} is within {Number(options.LearningResetPercent)}%, so learning should carry on.");
        }

        return ActionDecision.Allow(new ActionPlan(intent, target, Values(target), new ActionValues(target.Enabled, proposed), percent, effective, consequences, restarts));
    }

    /// <summary>The learning phase is still running (or running long): a significant edit starts it over.</summary>
    public static bool InLearning(LearningPhaseAssessment? learning) =>
        learning is { State: LearningState.Learning or LearningState.Prolonged };

    private static string LearningRestart(LearningPhaseAssessment learning, string cause) =>
        $"{cause} restarts the learning phase: it is on day {learning.Day} of about {learning.ExpectedDays} with {learning.Conversions} of the ~{learning.ExitConversions} " +
        $"conversions it needs to leave learning; those start over from day 1 and 0 conversions.";

    private static ActionValues Values(TargetState target) => new(target.Enabled, target.Budget);

    private static string Describe(TargetState target) =>
        $"{(target.Level == ActionLevel.Campaign ? "Campaign" : "Ad group")} {(string.IsNullOrWhiteSpace(target.Name) ? target.Id : target.Name)}";

    private static string Money(decimal amount, string currency) => MetricFormat.Money(amount, currency);

    private static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Percent(decimal value) => $"{(value > 0 ? "+" : "")}{Number(value)}%";
}
