using System.Text.Json;
using Microsoft.Extensions.Options;
using TikTokBot.Domain.Actions;
using TikTokBot.Storage;
using TikTokBot.TikTok.Sources;
using TikTokBot.TikTok.Writes;

namespace TikTokBot.Actions;

/// <summary>
/// Executing: the one write to TikTok, exactly once per action id. The action is taken for execution by one
/// conditional update (so two presses write once), the target is read fresh and checked again, written, read back,
/// and the result audited. A done action answers its result again; a write that timed out is read back first and
/// written again only if TikTok had not applied it.
/// </summary>
internal sealed class ActionExecution(
    ActionLookup lookup, AdvertiserReach reach, IOptionsMonitor<ActionOptions> options, IEnumerable<IAppliedChangeListener> listeners, ILogger<ActionExecution> logger)
{
    /// <param name="actor">Who is carrying it out: the asker confirming, or the approver.</param>
    public Task<ActionOutcome> ExecuteAsync(string teamId, string actionId, string actor, CancellationToken ct) =>
        lookup.FindOrRefuseAsync(teamId, actionId, (actions, action) => ExecuteAsync(teamId, actions, action, actor, ct), ct);

    private async Task<ActionOutcome> ExecuteAsync(string teamId, IActionRequestRepository actions, StoredAction action, string actor, CancellationToken ct)
    {
        var o = options.CurrentValue;
        var actionId = action.Id;
        if (action.State != ActionRequestState.Approved)
        {
            return await lookup.ExplainAsync(teamId, actionId, ct);
        }

        var access = await reach.FindAsync(teamId, action.Details.AdvertiserId, ct);
        if (access is null)
        {
            await actions.MarkFailedAsync(actionId, "advertiser not connected to this workspace", actor, ct);
            return ActionOutcome.Refuse(ActionTexts.NotOurs(action.Details.AdvertiserId), action);
        }

        var local = reach.AccountNow(access);
        if (!await actions.TryStartAsync(actionId, DateOnly.FromDateTime(local), o.MaxPerCampaignPerDay, actor, ct))
        {
            var now = await actions.FindAsync(actionId, ct);
            if (now?.State == ActionRequestState.Approved)
            {
                var refusal = $"Campaign {action.Details.CampaignId} already had {o.MaxPerCampaignPerDay} actions today (Actions:MaxPerCampaignPerDay). Try again tomorrow (account time), or make the change in TikTok Ads Manager.";
                await actions.MarkFailedAsync(actionId, refusal, actor, ct);
                return ActionOutcome.Refuse(refusal, now);
            }

            return await lookup.ExplainAsync(teamId, actionId, ct);
        }

        var intent = StoredIntent.Of(action.Details);
        var target = reach.Target(access);
        TargetState? before;
        try
        {
            before = await target.ReadAsync(access, intent.Level, intent.TargetId, DateOnly.FromDateTime(local), ct);
        }
        catch (MetricSourceException e)
        {
            // Nothing was written in this attempt: hand the action back so a later press can try again.
            await actions.MarkUncertainAsync(actionId, e.Message, ct);
            return new ActionOutcome(ActionOutcomeKind.Uncertain, $"{e.Message} Nothing was changed yet; press again to retry.", action);
        }

        if (before is null)
        {
            var gone = $"TikTok no longer has {ActionTexts.Describe(intent)}; nothing was changed.";
            await actions.MarkFailedAsync(actionId, gone, actor, ct);
            return ActionOutcome.Refuse(gone, action);
        }

        var wanted = Wanted(action.Details, before);
        if (Reached(before, wanted, intent))
        {
            // A timed-out write that TikTok had applied, or a change someone made meanwhile: either way, nothing to write.
            var note = action.WriteUncertain
                ? "TikTok had applied the earlier attempt, so nothing was written again."
                : $"It was already {ActionTexts.Value(before, intent)} (changed outside TikTokBot since it was proposed), so nothing was written.";
            await actions.MarkDoneAsync(actionId, null, Snapshot(before), Snapshot(before), actor, ct);
            await TellAsync(teamId, action, intent, local, ct);
            return Done(await actions.FindAsync(actionId, ct), target, $"{ActionTexts.Confirmation(intent, before, before)} {note}");
        }

        var decision = ActionRules.Decide(intent, before, new ActionSituation(local, 0), null, o);
        if (!decision.Allowed)
        {
            await actions.MarkFailedAsync(actionId, decision.Refusal!, actor, ct);
            return ActionOutcome.Refuse($"Nothing was changed: {decision.Refusal}", action);
        }

        WriteOutcome written;
        try
        {
            written = intent.Kind == ActionKind.Budget
                ? await target.SetBudgetAsync(access, intent.Level, intent.TargetId, wanted.Budget!.Value, before.BudgetMode, ct)
                : await target.SetStatusAsync(access, intent.Level, intent.TargetId, wanted.Enabled, ct);
        }
        catch (TikTokWriteUncertainException e)
        {
            return await AfterTimeoutAsync(teamId, actions, access, action, intent, before, wanted, local, actor, e, ct);
        }
        catch (MetricSourceException e)
        {
            await actions.MarkFailedAsync(actionId, e.Message, actor, ct);
            return ActionOutcome.Refuse(e.Message, action);
        }

        var after = await reach.ReadBackAsync(access, intent, local, ct) ?? before with { Enabled = wanted.Enabled, Budget = wanted.Budget };
        await actions.MarkDoneAsync(actionId, written.RequestId, Snapshot(before), Snapshot(after), actor, ct);
        await TellAsync(teamId, action, intent, local, ct);
        logger.LogInformation("Action {ActionId} done in team {TeamId}: {Kind} {Level} {TargetId} (TikTok request {RequestId})",
            actionId, teamId, intent.Kind, intent.Level, intent.TargetId, written.RequestId);
        return Done(await actions.FindAsync(actionId, ct), target, ActionTexts.Confirmation(intent, before, after));
    }

    /// <summary>The write got no answer: read back; done if TikTok applied it, otherwise back to approved, flagged uncertain.</summary>
    private async Task<ActionOutcome> AfterTimeoutAsync(
        string teamId, IActionRequestRepository actions, AdvertiserAccess access, StoredAction action, ActionIntent intent, TargetState before, ActionValues wanted, DateTime local,
        string actor, TikTokWriteUncertainException timeout, CancellationToken ct)
    {
        var after = await reach.ReadBackAsync(access, intent, local, ct);
        if (after is not null && Reached(after, wanted, intent))
        {
            await actions.MarkDoneAsync(action.Id, timeout.RequestId, Snapshot(before), Snapshot(after), actor, ct);
            await TellAsync(teamId, action, intent, local, ct);
            return Done(await actions.FindAsync(action.Id, ct), reach.Target(access),
                $"{ActionTexts.Confirmation(intent, before, after)} (TikTok answered late, but reading it back shows the change was made.)");
        }

        await actions.MarkUncertainAsync(action.Id, timeout.TikTokMessage, ct);
        return new ActionOutcome(ActionOutcomeKind.Uncertain, timeout.Message, await actions.FindAsync(action.Id, ct));
    }

    /// <summary>Tells the listeners (Check-ins) of the change made; a listener that fails is logged, the action stays done.</summary>
    private async Task TellAsync(string teamId, StoredAction action, ActionIntent intent, DateTime local, CancellationToken ct)
    {
        var change = new AppliedChange(teamId, action.Id, action.Details.CampaignId, intent.Level == ActionLevel.AdGroup ? intent.TargetId : null,
            intent.Kind, DateOnly.FromDateTime(local), action.Details.UndoesId is not null);
        foreach (var listener in listeners)
        {
            try
            {
                await listener.AppliedAsync(change, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "A listener of action {ActionId} in team {TeamId} failed; the action stays done", action.Id, teamId);
            }
        }
    }

    /// <summary>Done, with Undo offered until <c>Actions:UndoWindow</c> has passed (an undo itself offers none).</summary>
    private ActionOutcome Done(StoredAction? action, ITikTokWriteTarget target, string message) =>
        new(ActionOutcomeKind.Done, message, action, null, target.Simulated,
            action?.FinishedAt is { } finished && action.Details.UndoesId is null ? finished + options.CurrentValue.UndoWindow : null);

    private static ActionValues Wanted(ActionRequestDetails d, TargetState now) => d.Kind switch
    {
        ActionKind.Pause => new ActionValues(false, now.Budget),
        ActionKind.Resume => new ActionValues(true, now.Budget),
        _ => new ActionValues(now.Enabled, StoredIntent.Amount(d.ToValue)),
    };

    private static bool Reached(TargetState state, ActionValues wanted, ActionIntent intent) => intent.Kind == ActionKind.Budget
        ? state.Budget == wanted.Budget || (state.Level == ActionLevel.AdGroup && state.BudgetMode == BudgetMode.Daily && state.ScheduledBudget == wanted.Budget)
        : state.Enabled == wanted.Enabled;

    /// <summary>The state as audited before and after the write.</summary>
    private static string Snapshot(TargetState state) => JsonSerializer.Serialize(new
    {
        enabled = state.Enabled,
        budget = state.Budget,
        scheduled_budget = state.ScheduledBudget,
        budget_mode = state.BudgetMode.ToString(),
        today_spend = state.TodaySpend,
        currency = state.Currency,
    });
}
