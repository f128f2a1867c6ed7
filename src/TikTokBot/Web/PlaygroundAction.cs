namespace TikTokBot.Web;

/// <param name="Thread">The thread of the message pressed (its own id when it starts one), as the page numbers its messages.</param>
/// <param name="SelectedUser">The person picked in an "Assign…" menu.</param>
internal sealed record PlaygroundAction(string? ActionId, string? Value, string? Thread = null, string? SelectedUser = null);
