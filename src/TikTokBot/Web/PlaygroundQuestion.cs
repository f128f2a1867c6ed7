namespace TikTokBot.Web;

/// <summary>A question for the chat box, in the page's conversation.</summary>
internal sealed record PlaygroundQuestion(string? Text, string? Conversation);
