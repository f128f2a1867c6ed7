using TikTokBot.Permissions;

namespace TikTokBot.Interactions;

/// <summary>A pressed button or chosen menu option: its id, its value as Slack sent it back, and who pressed, from the signed payload.</summary>
internal sealed record ButtonPress(string ActionId, string? Value, Asker Asker);
