using TikTokBot.Domain.Actions;

namespace TikTokBot.Actions;

/// <summary>
/// The one door to the action steps, each its own class: <see cref="ActionProposals"/>, <see cref="ActionApprovals"/>,
/// <see cref="ActionExecution"/> and <see cref="ActionUndo"/>. It only passes each call on.
/// </summary>
public sealed class ActionsService : IActionsService
{
    private readonly ActionProposals _proposals;
    private readonly ActionApprovals _approvals;
    private readonly ActionExecution _execution;
    private readonly ActionUndo _undo;

    internal ActionsService(ActionProposals proposals, ActionApprovals approvals, ActionExecution execution, ActionUndo undo)
    {
        _proposals = proposals;
        _approvals = approvals;
        _execution = execution;
        _undo = undo;
    }

    public Task<ActionOutcome> ProposeAsync(ActionAsker asker, string advertiserId, ActionIntent intent, CancellationToken ct, string? campaignId = null) =>
        _proposals.ProposeAsync(asker, advertiserId, intent, undoes: null, campaignId, ct);

    public Task<ActionOutcome> ConfirmAsync(ActionAsker asker, string actionId, CancellationToken ct) => _approvals.ConfirmAsync(asker, actionId, ct);

    public Task<ActionOutcome> ApproveAsync(ActionAsker approver, string actionId, CancellationToken ct) => _approvals.ApproveAsync(approver, actionId, ct);

    public Task<ActionOutcome> RejectAsync(ActionAsker asker, string actionId, CancellationToken ct) => _approvals.RejectAsync(asker, actionId, ct);

    public Task<ActionOutcome> ExecuteAsync(string teamId, string actionId, string actor, CancellationToken ct) => _execution.ExecuteAsync(teamId, actionId, actor, ct);

    public Task<ActionOutcome> UndoAsync(ActionAsker asker, string actionId, CancellationToken ct) => _undo.UndoAsync(asker, actionId, ct);
}
