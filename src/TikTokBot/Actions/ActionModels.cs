using TikTokBot.Domain.Actions;
using TikTokBot.Storage;

namespace TikTokBot.Actions;

/// <summary>Who is asking, from where: always taken from Slack's verified payload, never from a button's value.</summary>
/// <param name="EnterpriseId">The Enterprise Grid organisation, when the app is installed org-wide: the permission check finds that installation by it.</param>
internal sealed record ActionAsker(string TeamId, string ChannelId, string UserId, string? EnterpriseId = null);

internal enum ActionOutcomeKind
{
    /// <summary>A confirmation to show: the plan, read fresh; nothing is written until it is confirmed.</summary>
    Proposed,

    /// <summary>Confirmed, and waiting for another person who may act to approve it.</summary>
    AwaitingApproval,

    /// <summary>Written and read back (or found already so); <see cref="ActionOutcome.Message"/> is the confirmation.</summary>
    Done,

    /// <summary>Nothing was written; the message says why and what to do instead.</summary>
    Refused,

    /// <summary>The write got no answer: not known whether TikTok applied it. A retry reads back first.</summary>
    Uncertain,

    Rejected,
}

/// <summary>
/// What an action call answers. <see cref="Message"/> is the plain sentence to show; <see cref="Action"/> the stored
/// request (its id goes on the buttons); <see cref="Plan"/> what changes, read fresh; <see cref="UndoUntil"/> when the
/// Undo button stops working.
/// </summary>
internal sealed record ActionOutcome(
    ActionOutcomeKind Kind,
    string Message,
    StoredAction? Action = null,
    ActionPlan? Plan = null,
    bool Simulated = false,
    DateTimeOffset? UndoUntil = null)
{
    /// <summary>The campaign or ad group as read for this answer (its name, its campaign's name, its ids), when it was.</summary>
    public TargetState? Target { get; init; }

    public static ActionOutcome Refuse(string message, StoredAction? action = null) => new(ActionOutcomeKind.Refused, message, action);
}
