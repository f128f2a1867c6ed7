using System.Collections.Frozen;
using TikTokBot.Domain.Actions;

namespace TikTokBot.Storage.Workspace;

/// <summary>
/// The text an action's enums are stored as in <c>action_requests</c> (<c>level</c>, <c>kind</c>, <c>state</c>): the
/// values the schema's CHECK constraints allow, written and read here and nowhere else. A value read back that is not
/// one of them fails with the column and the value named, rather than being guessed.
/// </summary>
internal static class ActionColumns
{
    private static readonly Column<ActionLevel> Levels = new("level", new()
    {
        [ActionLevel.Campaign] = "campaign",
        [ActionLevel.AdGroup] = "adgroup",
    });

    private static readonly Column<ActionKind> Kinds = new("kind", new()
    {
        [ActionKind.Pause] = "pause",
        [ActionKind.Resume] = "resume",
        [ActionKind.Budget] = "budget",
    });

    private static readonly Column<ActionRequestState> States = new("state", new()
    {
        [ActionRequestState.Requested] = "requested",
        [ActionRequestState.Approved] = "approved",
        [ActionRequestState.Rejected] = "rejected",
        [ActionRequestState.Expired] = "expired",
        [ActionRequestState.Executing] = "executing",
        [ActionRequestState.Done] = "done",
        [ActionRequestState.Failed] = "failed",
        [ActionRequestState.Undone] = "undone",
    });

    public static string Text(ActionLevel level) => Levels.Text(level);

    public static string Text(ActionKind kind) => Kinds.Text(kind);

    public static string Text(ActionRequestState state) => States.Text(state);

    public static ActionLevel Level(string stored, string actionId) => Levels.Parse(stored, actionId);

    public static ActionKind Kind(string stored, string actionId) => Kinds.Parse(stored, actionId);

    public static ActionRequestState State(string stored, string actionId) => States.Parse(stored, actionId);

    private sealed class Column<T>
        where T : struct, Enum
    {
        private readonly string _name;
        private readonly FrozenDictionary<T, string> _texts;
        private readonly FrozenDictionary<string, T> _values;

        public Column(string name, Dictionary<T, string> texts)
        {
            // Every member has its text: a member added to the enum without one fails at start, not at its first write.
            var missing = Enum.GetValues<T>().Where(v => !texts.ContainsKey(v)).ToList();
            if (missing.Count > 0)
            {
                throw new InvalidOperationException($"action_requests.{name} has no stored text for {string.Join(", ", missing)}.");
            }

            _name = name;
            _texts = texts.ToFrozenDictionary();
            _values = texts.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
        }

        public string Text(T value) => _texts[value];

        public T Parse(string stored, string actionId) => _values.TryGetValue(stored, out var value)
            ? value
            : throw new InvalidDataException(
                $"Action {actionId} has {_name} '{stored}' in action_requests, which is not one of {string.Join(", ", _values.Keys.Order(StringComparer.Ordinal))}.");
    }
}
