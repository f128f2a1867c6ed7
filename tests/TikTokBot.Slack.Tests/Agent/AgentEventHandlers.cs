using TikTokBot.Slack.Handlers;
using TikTokBot.Slack.Payloads;
using TikTokBot.Slack.Payloads.Events;
using TikTokBot.Slack.Tests.Infrastructure;

namespace TikTokBot.Slack.Tests.Agent;

/// <summary>Typed handlers that write what they were given to the call log, one line per event.</summary>
public sealed class RecordsAgentEvents(CallLog log) :
    ISlackEventHandler<AppHomeOpened>, ISlackEventHandler<AppContextChanged>, ISlackEventHandler<MessageEvent>,
    ISlackEventHandler<AssistantThreadStarted>, ISlackEventHandler<AssistantThreadContextChanged>
{
    public Task HandleAsync(AppHomeOpened e, EventCallback callback, SlackContext context, CancellationToken ct) =>
        Log($"home {e.User} {e.Channel} tab={e.Tab} messages={e.IsMessagesTab} team={context.TeamId}");

    public Task HandleAsync(AppContextChanged e, EventCallback callback, SlackContext context, CancellationToken ct) =>
        Log($"context {e.User} {e.Channel} viewing={e.ViewedChannelId ?? "-"} entities={e.Context?.Entities?.Count ?? 0}");

    public Task HandleAsync(MessageEvent e, EventCallback callback, SlackContext context, CancellationToken ct) =>
        Log($"message {e.User ?? "-"} {e.Channel} im={e.IsDirectMessage} person={e.IsFromPerson} thread={e.ThreadTs ?? "-"} text={e.Text}");

    public Task HandleAsync(AssistantThreadStarted e, EventCallback callback, SlackContext context, CancellationToken ct) =>
        Log($"started {e.AssistantThread.UserId} {e.AssistantThread.ChannelId} {e.AssistantThread.ThreadTs} viewing={e.AssistantThread.Context?.ChannelId}");

    public Task HandleAsync(AssistantThreadContextChanged e, EventCallback callback, SlackContext context, CancellationToken ct) =>
        Log($"moved {e.AssistantThread.ThreadTs} viewing={e.AssistantThread.Context?.ChannelId}");

    private Task Log(string line)
    {
        log.Add(line);
        return Task.CompletedTask;
    }
}
