using TikTokBot.Permissions;

namespace TikTokBot.Interactions;

/// <summary>A pressed button or chosen menu option: its id, its value as Slack sent it back, and who pressed, from the signed payload.</summary>
/// <param name="Thread">The thread the pressed message is in (its own ts when it starts one): Ask's conversation, a fix's
/// thread; null where there is none (the playground's report buttons, a private reply).</param>
/// <param name="SelectedUser">The person picked in a users menu ("Assign…").</param>
internal sealed record ButtonPress(string ActionId, string? Value, Asker Asker, Ask.AskThreadKey? Thread = null, string? SelectedUser = null);
