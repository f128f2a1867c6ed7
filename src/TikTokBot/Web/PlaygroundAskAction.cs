namespace TikTokBot.Web;

internal sealed record PlaygroundAskAction(string? ActionId, string? Value, string? Conversation);
