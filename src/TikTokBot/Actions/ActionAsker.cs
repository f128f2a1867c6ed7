namespace TikTokBot.Actions;

/// <summary>Who is asking, from where: always taken from Slack's verified payload, never from a button's value.</summary>
/// <param name="EnterpriseId">The Enterprise Grid organisation, when the app is installed org-wide: the permission check finds that installation by it.</param>
internal sealed record ActionAsker(string TeamId, string ChannelId, string UserId, string? EnterpriseId = null);
