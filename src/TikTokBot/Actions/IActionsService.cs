using TikTokBot.Domain.Actions;

namespace TikTokBot.Actions;

/// <summary>
/// Pause, resume and budget changes on TikTok, from Slack: what the rest of the app calls (the command, the fixes' and
/// alerts' buttons, the action buttons). Propose reads the state fresh and applies the guard rails; Confirm (the asker)
/// and Approve (another person, when <c>Actions:RequireApproval</c>) lead to Execute, which writes once per action id,
/// reads the result back and audits it; Undo reverses a done action within <c>Actions:UndoWindow</c>.
/// </summary>
internal interface IActionsService
{
    /// <summary>Reads the target fresh, applies the guard rails, and stores the request; nothing is written to TikTok.</summary>
    /// <param name="campaignId">When given (a button's proposal), the target must be this campaign or one of its ad groups.</param>
    Task<ActionOutcome> ProposeAsync(ActionAsker asker, string advertiserId, ActionIntent intent, CancellationToken ct, string? campaignId = null);

    /// <summary>The asker confirms the proposal: executed now, or posted for approval when <c>Actions:RequireApproval</c>.</summary>
    Task<ActionOutcome> ConfirmAsync(ActionAsker asker, string actionId, CancellationToken ct);

    /// <summary>Another person who may act approves: the action is then executed (once, however many press Approve).</summary>
    Task<ActionOutcome> ApproveAsync(ActionAsker approver, string actionId, CancellationToken ct);

    /// <summary>Rejects a waiting request (its asker may withdraw it too); nothing is written.</summary>
    Task<ActionOutcome> RejectAsync(ActionAsker asker, string actionId, CancellationToken ct);

    /// <summary>
    /// Executes an approved action, idempotently by its id: a done action answers its result again; an action whose
    /// last write timed out is read back first and written only if TikTok had not applied it.
    /// </summary>
    Task<ActionOutcome> ExecuteAsync(string teamId, string actionId, string actor, CancellationToken ct);

    /// <summary>Reverses a done action within <c>Actions:UndoWindow</c>, through the same checks as any action.</summary>
    Task<ActionOutcome> UndoAsync(ActionAsker asker, string actionId, CancellationToken ct);
}
