using TikTokBot.Permissions;

namespace TikTokBot.Interactions;

/// <summary>A pressed button or chosen menu option: its id, its value as Slack sent it back, and who pressed, from the signed payload.</summary>
/// <param name="Thread">The conversation the pressed message is in, for Ask's suggestions; null where there is none.</param>
/// <param name="SelectedUser">The person picked in a users menu ("Assign…").</param>
/// <param name="ThreadTs">The thread of the message pressed (its own ts when it starts one); null where there is none (the playground, a private reply).</param>
internal sealed record ButtonPress(string ActionId, string? Value, Asker Asker, Ask.AskThreadKey? Thread = null, string? SelectedUser = null, string? ThreadTs = null);
