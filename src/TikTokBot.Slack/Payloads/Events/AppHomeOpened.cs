namespace TikTokBot.Slack.Payloads.Events;

/// <summary><c>app_home_opened</c>: a person opened one of the app's tabs (<see cref="Tabs"/>).</summary>
public sealed record AppHomeOpened : ITypedSlackEvent
{
    public static string EventType => "app_home_opened";

    public string Type { get; init; } = "";
    public string User { get; init; } = "";

    /// <summary>The direct-message channel between the person and the app.</summary>
    public string? Channel { get; init; }

    public string? Tab { get; init; }
    public string? EventTs { get; init; }

    /// <summary>The agent messages surface: the person opened the Messages tab to talk to the app.</summary>
    public bool IsMessagesTab => Tab == Tabs.Messages;
}

/// <summary>The tabs <c>app_home_opened</c> names.</summary>
public static class Tabs
{
    public const string Home = "home";
    public const string Messages = "messages";
    public const string About = "about";
}
