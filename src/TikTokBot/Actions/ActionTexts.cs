using System.Globalization;
using TikTokBot.Domain.Actions;
using TikTokBot.Domain.Metrics;
using TikTokBot.TikTok.Writes;

namespace TikTokBot.Actions;

/// <summary>The sentences the action steps answer with, and the values they store, from the plan and the state read.</summary>
internal static class ActionTexts
{
    public static string NotOurs(string advertiserId) =>
        $"Advertiser {advertiserId} is not connected to this workspace, so TikTokBot will not act on it. Nothing was changed. Connect it to this workspace first.";

    /// <summary>"campaign 42" or "ad group 42-g1", by id.</summary>
    public static string Describe(ActionIntent intent) => $"{(intent.Level == ActionLevel.Campaign ? "campaign" : "ad group")} {intent.TargetId}";

    /// <summary>"already so" in the words of the intent: "at a budget of $400.00", "running", "paused".</summary>
    public static string Value(TargetState state, ActionIntent intent) => intent.Kind == ActionKind.Budget
        ? $"at a budget of {MetricFormat.Money(state.ScheduledBudget ?? state.Budget ?? 0m, state.Currency)}"
        : state.Enabled ? "running" : "paused";

    /// <summary>The stored from or to value: <c>enabled</c>, <c>paused</c> or an amount in invariant text.</summary>
    public static string Stored(ActionIntent intent, ActionValues values) => intent.Kind == ActionKind.Budget
        ? values.Budget!.Value.ToString(CultureInfo.InvariantCulture)
        : values.Enabled ? "enabled" : "paused";

    /// <summary>The sentence in the thread after a write, such as "paused; it was spending $412.00 a day".</summary>
    public static string Confirmation(ActionIntent intent, TargetState before, TargetState after)
    {
        string Money(decimal? amount) => MetricFormat.Money(amount ?? 0m, before.Currency);
        return intent.Kind switch
        {
            ActionKind.Pause => $"{Name(before)} paused; it was spending {(before.BudgetMode == BudgetMode.Daily && before.Budget is { } b ? Money(b) + " a day" : Money(before.TodaySpend) + " today")}.",
            ActionKind.Resume => $"{Name(before)} resumed; it can spend {(after.BudgetMode == BudgetMode.Daily && after.Budget is { } b2 ? "up to " + Money(b2) + " a day" : "again")}.",
            _ => $"{Name(before)}: budget {Money(before.Budget)} -> {Money(after.ScheduledBudget ?? after.Budget)}" +
                 (before.BudgetMode == BudgetMode.Daily ? " a day, from 00:00 tomorrow account time." : " (lifetime), now."),
        };
    }

    /// <summary>The proposal to confirm: what changes from what to what, today's spend, and what it costs.</summary>
    public static string Proposal(ActionPlan plan, AdvertiserAccess access, bool needsApproval)
    {
        var t = plan.Target;
        string Money(decimal? amount) => MetricFormat.Money(amount ?? 0m, t.Currency);
        var change = plan.Intent.Kind == ActionKind.Budget
            ? $"change the {(t.BudgetMode == BudgetMode.Daily ? "daily" : "lifetime")} budget of {Name(t)} from {Money(plan.From.Budget)} to {Money(plan.To.Budget)} ({plan.ChangePercent:+0.#;-0.#}%)"
            : $"{(plan.Intent.Kind == ActionKind.Pause ? "pause" : "resume")} {Name(t)} ({(plan.From.Enabled ? "running" : "paused")} -> {(plan.To.Enabled ? "running" : "paused")})";
        return $"This will {change}. Today's spend so far: {Money(t.TodaySpend)} (account time zone {access.TimeZone}). " +
               string.Join(" ", plan.Consequences) +
               (needsApproval ? " Another person who may act must approve it." : "");
    }

    private static string Name(TargetState state) => $"{(state.Level == ActionLevel.Campaign ? "Campaign" : "Ad group")} {state.Name}";
}
