using TikTokBot.Domain.Actions;
using TikTokBot.Storage;

namespace TikTokBot.Actions;

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
