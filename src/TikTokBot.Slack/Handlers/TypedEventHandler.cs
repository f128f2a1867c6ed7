using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using TikTokBot.Slack.Payloads;
using TikTokBot.Slack.Payloads.Events;

namespace TikTokBot.Slack.Handlers;

/// <summary>
/// Lets a typed handler sit in the event table beside the untyped ones: the event, already verified and parsed once,
/// is read again into <typeparamref name="TEvent"/>. An event that does not fit the type is a payload error.
/// </summary>
internal sealed class TypedEventHandler<TEvent, THandler>(THandler handler) : ISlackEventHandler
    where TEvent : ITypedSlackEvent
    where THandler : ISlackEventHandler<TEvent>
{
    private static readonly JsonTypeInfo<TEvent> Info = (JsonTypeInfo<TEvent>)SlackJsonContext.Default.GetTypeInfo(typeof(TEvent))!;

    public Task HandleAsync(SlackEvent slackEvent, EventCallback callback, SlackContext context, CancellationToken ct) =>
        handler.HandleAsync(Read(slackEvent), callback, context, ct);

    internal static TEvent Read(SlackEvent slackEvent)
    {
        var element = JsonSerializer.SerializeToElement(slackEvent, SlackJsonContext.Default.SlackEvent);
        try
        {
            return element.Deserialize(Info) ?? throw new SlackPayloadException("invalid_event");
        }
        catch (JsonException)
        {
            throw new SlackPayloadException("invalid_event");
        }
    }
}
