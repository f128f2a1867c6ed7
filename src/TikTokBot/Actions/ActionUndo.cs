using Microsoft.Extensions.Options;
using TikTokBot.Domain.Actions;
using TikTokBot.Storage;

namespace TikTokBot.Actions;

/// <summary>
/// Undoing: a done action is reversed within <c>Actions:UndoWindow</c> by a new action that puts the state read before
/// it back, proposed and executed through the same checks as any other.
/// </summary>
internal sealed class ActionUndo(ActionLookup lookup, ActionProposals proposals, ActionExecution execution, IOptionsMonitor<ActionOptions> options, TimeProvider time)
{
    public Task<ActionOutcome> UndoAsync(ActionAsker asker, string actionId, CancellationToken ct) =>
        lookup.FindOrRefuseAsync(asker.TeamId, actionId, (actions, action) => UndoAsync(asker, actions, action, ct), ct);

    private async Task<ActionOutcome> UndoAsync(ActionAsker asker, IActionRequestRepository actions, StoredAction action, CancellationToken ct)
    {
        if (action.State != ActionRequestState.Done || action.FinishedAt is not { } finished)
        {
            return ActionOutcome.Refuse(action.State == ActionRequestState.Undone ? "It was undone already; nothing was changed." : "Only a done action can be undone; nothing was changed.", action);
        }

        var window = options.CurrentValue.UndoWindow;
        if (time.GetUtcNow() > finished + window)
        {
            return ActionOutcome.Refuse(
                $"Undo works for {window.TotalMinutes:0} minutes after an action (Actions:UndoWindow), and this one was done at {finished:yyyy-MM-dd HH:mm} UTC. " +
                "Nothing was changed; ask for the change you want as a new action.", action);
        }

        var proposed = await proposals.ProposeAsync(asker, action.Details.AdvertiserId, Reverse(action.Details), undoes: action.Id, campaignId: null, ct);
        if (proposed.Kind != ActionOutcomeKind.Proposed)
        {
            return proposed;
        }

        // An undo puts back the state a person already approved, so it needs no second approval.
        var undo = proposed.Action!.Id;
        if (!await actions.TryDecideAsync(undo, approve: true, asker.UserId, ct))
        {
            return await lookup.ExplainAsync(asker.TeamId, undo, ct);
        }

        var result = await execution.ExecuteAsync(asker.TeamId, undo, asker.UserId, ct);
        if (result.Kind == ActionOutcomeKind.Done)
        {
            await actions.MarkUndoneAsync(action.Id, undo, asker.UserId, ct);
            return result with { Message = "Undone: " + result.Message, UndoUntil = null };
        }

        return result;
    }

    /// <summary>The action that puts back what <paramref name="done"/> changed: the other status, or the budget read before it.</summary>
    private static ActionIntent Reverse(ActionRequestDetails done)
    {
        var intent = StoredIntent.Of(done);
        return intent.Kind switch
        {
            ActionKind.Pause => ActionIntent.Resume(intent.Level, intent.TargetId),
            ActionKind.Resume => ActionIntent.Pause(intent.Level, intent.TargetId),
            _ => ActionIntent.ChangeBudget(intent.Level, intent.TargetId, BudgetChange.To(StoredIntent.Amount(done.FromValue))),
        };
    }
}
