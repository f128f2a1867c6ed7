namespace TikTokBot.Slack.Payloads.Events;

/// <summary>
/// <c>app_context_changed</c> (apps with <c>features.agent_view</c>): what the person is looking at beside the app's
/// messages, most relevant entity first; an empty context when they look at nothing Slack can name.
/// </summary>
public sealed record AppContextChanged : ITypedSlackEvent
{
    public static string EventType => "app_context_changed";

    public string Type { get; init; } = "";
    public string? User { get; init; }

    /// <summary>The direct-message channel with the app.</summary>
    public string? Channel { get; init; }

    public AppContext? Context { get; init; }
    public string? EventTs { get; init; }

    /// <summary>The channel the person is looking at, if the most relevant channel entity names one.</summary>
    public string? ViewedChannelId =>
        Context?.Entities?.FirstOrDefault(e => e.Type == ContextEntityTypes.Channel && e.Value.ValueKind == System.Text.Json.JsonValueKind.String)
            is { } entity ? entity.Value.GetString() : null;
}

public sealed record AppContext
{
    public IReadOnlyList<ContextEntity>? Entities { get; init; }
}

/// <summary>One entity of the context: a channel, canvas or list id as a string, or a message as an object.</summary>
public sealed record ContextEntity
{
    public string Type { get; init; } = "";
    public System.Text.Json.JsonElement Value { get; init; }
    public string? TeamId { get; init; }
}

public static class ContextEntityTypes
{
    public const string Channel = "slack#/types/channel_id";
    public const string Canvas = "slack#/types/canvas_id";
    public const string List = "slack#/types/list_id";
    public const string Message = "slack#/types/message_context";
}
