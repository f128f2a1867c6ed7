namespace TikTokBot.Slack.Payloads.Events;

/// <summary>
/// <c>message</c>: with <see cref="ChannelType"/> <c>im</c> this is <c>message.im</c>, what a person typed to the app.
/// Edits, deletions and bot messages carry a <see cref="Subtype"/> or <see cref="BotId"/>; <see cref="IsFromPerson"/> tells them apart.
/// </summary>
public sealed record MessageEvent : ITypedSlackEvent
{
    public static string EventType => "message";

    public string Type { get; init; } = "";
    public string? Subtype { get; init; }
    public string? User { get; init; }
    public string? BotId { get; init; }
    public string? Text { get; init; }
    public string Channel { get; init; } = "";
    public string? ChannelType { get; init; }
    public string? Ts { get; init; }

    /// <summary>The thread's parent; absent on a top-level message.</summary>
    public string? ThreadTs { get; init; }

    public string? Team { get; init; }
    public string? EventTs { get; init; }

    public bool IsDirectMessage => ChannelType == "im";

    /// <summary>A new message typed by a person: not the app's own echo, another bot, an edit or a deletion.</summary>
    public bool IsFromPerson => Subtype is null && BotId is null && !string.IsNullOrEmpty(User);
}
