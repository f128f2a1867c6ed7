namespace TikTokBot.Slack.Payloads.Events;

/// <summary>An Events API event read into its own type; <see cref="EventType"/> is the <c>type</c> it answers to.</summary>
public interface ITypedSlackEvent
{
    static abstract string EventType { get; }
}
