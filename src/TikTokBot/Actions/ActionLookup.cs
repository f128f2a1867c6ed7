using Microsoft.Extensions.Options;
using TikTokBot.Domain.Actions;
using TikTokBot.Storage;

namespace TikTokBot.Actions;

/// <summary>
/// The opening of every step after the proposal: the action is looked up in the asking workspace's own store, or the
/// step is refused (an id from another workspace finds nothing). And the answer when a step's transition did not happen,
/// from the action's state now.
/// </summary>
internal sealed class ActionLookup(IWorkspaceStorage storage, AdvertiserReach reach, IOptionsMonitor<ActionOptions> options)
{
    public const string NotFound = "I cannot find that action in this workspace; nothing was changed.";

    /// <summary>Runs <paramref name="then"/> on the workspace's action <paramref name="actionId"/>, with the workspace's actions; refuses when there is none by that id.</summary>
    public async Task<ActionOutcome> FindOrRefuseAsync(
        string teamId, string actionId, Func<IActionRequestRepository, StoredAction, Task<ActionOutcome>> then, CancellationToken ct)
    {
        var actions = storage.ForTeam(teamId).Actions;
        return await actions.FindAsync(actionId, ct) is { } action ? await then(actions, action) : ActionOutcome.Refuse(NotFound);
    }

    /// <summary>Why a transition did not happen, from the action's state now.</summary>
    public async Task<ActionOutcome> ExplainAsync(string teamId, string actionId, CancellationToken ct)
    {
        var o = options.CurrentValue;
        var action = await storage.ForTeam(teamId).Actions.FindAsync(actionId, ct);
        return action?.State switch
        {
            null => ActionOutcome.Refuse(NotFound),
            ActionRequestState.Done => new ActionOutcome(ActionOutcomeKind.Done,
                $"Already done{(action.DecidedBy is { } by && by != action.Details.RequestedBy ? $" (approved by <@{by}>)" : "")}; nothing was written again.", action,
                Simulated: await reach.SimulatedAsync(teamId, action, ct), UndoUntil: action.FinishedAt + o.UndoWindow),
            ActionRequestState.Executing or ActionRequestState.Approved => ActionOutcome.Refuse($"Already approved by <@{action.DecidedBy}> and being carried out; nothing more to do.", action),
            ActionRequestState.Rejected => ActionOutcome.Refuse($"<@{action.DecidedBy}> rejected it; nothing was changed. Ask again if it is still needed.", action),
            ActionRequestState.Expired => ActionOutcome.Refuse(
                $"It expired: nobody approved it within {o.ApprovalLifetime.TotalHours:0} hours (Actions:ApprovalLifetime). Nothing was changed; ask again.", action),
            ActionRequestState.Failed => ActionOutcome.Refuse($"It failed earlier and changed nothing: {action.Failure}", action),
            ActionRequestState.Undone => ActionOutcome.Refuse("It was done and then undone; nothing more to do.", action),
            _ => ActionOutcome.Refuse("It is still waiting for approval; nothing was changed yet.", action),
        };
    }
}
