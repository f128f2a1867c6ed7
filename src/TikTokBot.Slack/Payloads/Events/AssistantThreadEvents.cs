namespace TikTokBot.Slack.Payloads.Events;

/// <summary><c>assistant_thread_started</c> (2024 <c>assistant_view</c> installs): a person opened a new thread with the app.</summary>
public sealed record AssistantThreadStarted : ITypedSlackEvent
{
    public static string EventType => "assistant_thread_started";

    public string Type { get; init; } = "";
    public AssistantThread AssistantThread { get; init; } = new();
    public string? EventTs { get; init; }
}

/// <summary><c>assistant_thread_context_changed</c>: the person moved to another channel while the thread was open.</summary>
public sealed record AssistantThreadContextChanged : ITypedSlackEvent
{
    public static string EventType => "assistant_thread_context_changed";

    public string Type { get; init; } = "";
    public AssistantThread AssistantThread { get; init; } = new();
    public string? EventTs { get; init; }
}

/// <summary>The thread: the direct-message channel and thread it lives in, and what the person was looking at.</summary>
public sealed record AssistantThread
{
    public string UserId { get; init; } = "";
    public string ChannelId { get; init; } = "";
    public string ThreadTs { get; init; } = "";
    public AssistantThreadContext? Context { get; init; }
}

public sealed record AssistantThreadContext
{
    public string? ChannelId { get; init; }
    public string? TeamId { get; init; }
    public string? EnterpriseId { get; init; }
}
