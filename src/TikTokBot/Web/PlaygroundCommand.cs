namespace TikTokBot.Web;

internal sealed record PlaygroundCommand(string? Text);
