namespace TikTokBot.Slack.WebApi;

/// <summary>Slack's limits on the assistant.threads calls; a request over them throws before anything is sent.</summary>
public static class AssistantLimits
{
    /// <summary>assistant.threads.setStatus: at most 10 loading messages to rotate through.</summary>
    public const int MaxLoadingMessages = 10;

    /// <summary>assistant.threads.setSuggestedPrompts: at most 4 prompts.</summary>
    public const int MaxPrompts = 4;
}

/// <summary>
/// assistant.threads.setStatus: "is reading…" under the thread until the app posts (or two minutes pass). An empty
/// <see cref="Status"/> clears it.
/// </summary>
public sealed record AssistantStatusRequest(string ChannelId, string ThreadTs, string Status)
{
    public IReadOnlyList<string>? LoadingMessages { get; init; }
}

/// <summary>One suggested prompt: the button's <see cref="Title"/> and the <see cref="Message"/> it sends as the person.</summary>
public sealed record AssistantPrompt(string Title, string Message);

/// <summary>
/// assistant.threads.setSuggestedPrompts. Leave <see cref="ThreadTs"/> null for an <c>agent_view</c> app: Slack then
/// ignores the call without an error. The 2024 <c>assistant_view</c> threads need it.
/// </summary>
public sealed record SuggestedPromptsRequest(string ChannelId, IReadOnlyList<AssistantPrompt> Prompts)
{
    public string? Title { get; init; }
    public string? ThreadTs { get; init; }
}

/// <summary>assistant.threads.setTitle: the thread's name in the person's history.</summary>
public sealed record AssistantTitleRequest(string ChannelId, string ThreadTs, string Title);
