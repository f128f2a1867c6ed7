using TikTokBot.Domain.Actions;

namespace TikTokBot.Actions;

/// <summary>
/// The one door to the action steps, each its own class: <see cref="ActionProposals"/>, <see cref="ActionApprovals"/>,
/// <see cref="ActionExecution"/> and <see cref="ActionUndo"/>. It only passes each call on.
/// </summary>
internal sealed class ActionsService(ActionProposals proposals, ActionApprovals approvals, ActionExecution execution, ActionUndo undo) : IActionsService
{
    public Task<ActionOutcome> ProposeAsync(ActionAsker asker, string advertiserId, ActionIntent intent, CancellationToken ct, string? campaignId = null) =>
        proposals.ProposeAsync(asker, advertiserId, intent, undoes: null, campaignId, ct);

    public Task<ActionOutcome> ConfirmAsync(ActionAsker asker, string actionId, CancellationToken ct) => approvals.ConfirmAsync(asker, actionId, ct);

    public Task<ActionOutcome> ApproveAsync(ActionAsker approver, string actionId, CancellationToken ct) => approvals.ApproveAsync(approver, actionId, ct);

    public Task<ActionOutcome> RejectAsync(ActionAsker asker, string actionId, CancellationToken ct) => approvals.RejectAsync(asker, actionId, ct);

    public Task<ActionOutcome> ExecuteAsync(string teamId, string actionId, string actor, CancellationToken ct) => execution.ExecuteAsync(teamId, actionId, actor, ct);

    public Task<ActionOutcome> UndoAsync(ActionAsker asker, string actionId, CancellationToken ct) => undo.UndoAsync(asker, actionId, ct);
}
