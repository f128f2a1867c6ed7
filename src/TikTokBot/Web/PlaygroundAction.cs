namespace TikTokBot.Web;

internal sealed record PlaygroundAction(string? ActionId, string? Value);
