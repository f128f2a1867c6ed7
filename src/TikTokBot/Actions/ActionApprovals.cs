using Microsoft.Extensions.Options;
using TikTokBot.Domain.Actions;
using TikTokBot.Permissions;
using TikTokBot.Storage;

namespace TikTokBot.Actions;

/// <summary>
/// Approving: the asker confirms their proposal (executed now, or posted for another person's approval when
/// <c>Actions:RequireApproval</c>); another person who may act approves or rejects; the asker may withdraw.
/// Each decision is one conditional update, so of two approvers exactly one decides.
/// </summary>
internal sealed class ActionApprovals(
    ActionLookup lookup, ActionExecution execution, AdvertiserReach reach, IPermissionPolicy permission, IOptionsMonitor<ActionOptions> options, TimeProvider time)
{
    /// <summary>The asker confirms the proposal: executed now, or posted for approval when <c>Actions:RequireApproval</c>.</summary>
    public Task<ActionOutcome> ConfirmAsync(ActionAsker asker, string actionId, CancellationToken ct) =>
        lookup.FindOrRefuseAsync(asker.TeamId, actionId, (actions, action) => ConfirmAsync(asker, actions, action, ct), ct);

    /// <summary>Another person who may act approves: the action is then executed (once, however many press Approve).</summary>
    public Task<ActionOutcome> ApproveAsync(ActionAsker approver, string actionId, CancellationToken ct) =>
        lookup.FindOrRefuseAsync(approver.TeamId, actionId, (actions, action) => ApproveAsync(approver, actions, action, ct), ct);

    /// <summary>Rejects a waiting request (its asker may withdraw it too); nothing is written.</summary>
    public Task<ActionOutcome> RejectAsync(ActionAsker asker, string actionId, CancellationToken ct) =>
        lookup.FindOrRefuseAsync(asker.TeamId, actionId, (actions, action) => RejectAsync(asker, actions, action, ct), ct);

    private async Task<ActionOutcome> ConfirmAsync(ActionAsker asker, IActionRequestRepository actions, StoredAction action, CancellationToken ct)
    {
        if (action.Details.RequestedBy != asker.UserId)
        {
            return ActionOutcome.Refuse("Only the person who asked can confirm this action; nothing was changed.", action);
        }

        if (action.State == ActionRequestState.Requested && options.CurrentValue.RequireApproval)
        {
            return new ActionOutcome(ActionOutcomeKind.AwaitingApproval,
                $"Waiting for approval: another person who may act must approve it before {action.Details.ExpiresAt:yyyy-MM-dd HH:mm} UTC.", action,
                Simulated: await reach.SimulatedAsync(asker.TeamId, action, ct))
            {
                Target = await reach.NamesAsync(asker.TeamId, action.Details, ct),
            };
        }

        if (action.State == ActionRequestState.Requested && !await actions.TryDecideAsync(action.Id, approve: true, asker.UserId, ct))
        {
            return await lookup.ExplainAsync(asker.TeamId, action.Id, ct);
        }

        return await execution.ExecuteAsync(asker.TeamId, action.Id, asker.UserId, ct);
    }

    private async Task<ActionOutcome> ApproveAsync(ActionAsker approver, IActionRequestRepository actions, StoredAction action, CancellationToken ct)
    {
        var may = await permission.CheckAsync(Permission.Act, approver.EnterpriseId, approver.TeamId, approver.UserId, ct);
        if (!may.Allowed)
        {
            return ActionOutcome.Refuse(may.Refusal!, action);
        }

        if (action.Details.RequestedBy == approver.UserId)
        {
            return ActionOutcome.Refuse("You asked for this action, so you cannot approve it yourself: another person who may act must approve it. Nothing was changed.", action);
        }

        await ExpireIfDueAsync(actions, action, ct);
        if (!await actions.TryDecideAsync(action.Id, approve: true, approver.UserId, ct))
        {
            return await lookup.ExplainAsync(approver.TeamId, action.Id, ct);
        }

        return await execution.ExecuteAsync(approver.TeamId, action.Id, approver.UserId, ct);
    }

    private async Task<ActionOutcome> RejectAsync(ActionAsker asker, IActionRequestRepository actions, StoredAction action, CancellationToken ct)
    {
        if (action.Details.RequestedBy != asker.UserId && await permission.CheckAsync(Permission.Act, asker.EnterpriseId, asker.TeamId, asker.UserId, ct) is { Allowed: false } may)
        {
            return ActionOutcome.Refuse(may.Refusal!, action);
        }

        await ExpireIfDueAsync(actions, action, ct);
        return await actions.TryDecideAsync(action.Id, approve: false, asker.UserId, ct)
            ? new ActionOutcome(ActionOutcomeKind.Rejected, $"Rejected by <@{asker.UserId}>; nothing was changed.", await actions.FindAsync(action.Id, ct),
                Simulated: await reach.SimulatedAsync(asker.TeamId, action, ct))
            : await lookup.ExplainAsync(asker.TeamId, action.Id, ct);
    }

    /// <summary>A request whose time ran out is marked expired first, so the decision fails and the answer says it expired.</summary>
    private async Task ExpireIfDueAsync(IActionRequestRepository actions, StoredAction action, CancellationToken ct)
    {
        if (action.State == ActionRequestState.Requested && time.GetUtcNow() >= action.Details.ExpiresAt)
        {
            await actions.TryExpireAsync(action.Id, ct);
        }
    }
}
