namespace TikTokBot.Permissions;

/// <summary>Who asked, and from which channel: every stored setting is read and written for this workspace only.</summary>
/// <param name="EnterpriseId">The Enterprise Grid organisation, when the app is installed org-wide; needed to find that installation.</param>
/// <param name="IsLocalOperator">The person at the terminal running the app, who may change its settings.</param>
internal sealed record Asker(string TeamId, string UserId, string? ChannelId = null, bool IsLocalOperator = false, string? EnterpriseId = null);
