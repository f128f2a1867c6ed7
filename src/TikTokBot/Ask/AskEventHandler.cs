using TikTokBot.Permissions;
using TikTokBot.Slack.Handlers;
using TikTokBot.Slack.Payloads;
using TikTokBot.Slack.Payloads.Events;

namespace TikTokBot.Ask;

/// <summary>
/// The agent messages surface: a direct message is a question answered in its thread; opening the Messages tab, or
/// looking at another channel beside it, offers prompts (that channel's digest campaigns when it has a digest). The
/// 2024 assistant threads are served the same way, with the thread Slack names.
/// </summary>
internal sealed class AskEventHandler(AskService ask, AskThreads threads, AskConversation conversation) :
    ISlackEventHandler<MessageEvent>, ISlackEventHandler<AppHomeOpened>, ISlackEventHandler<AppContextChanged>,
    ISlackEventHandler<AssistantThreadStarted>, ISlackEventHandler<AssistantThreadContextChanged>
{
    public async Task HandleAsync(MessageEvent message, EventCallback callback, SlackContext context, CancellationToken ct)
    {
        // Only what a person typed to the app: never its own replies (which would answer themselves), edits or other bots.
        if (!message.IsDirectMessage || !message.IsFromPerson || callback.TeamId is not { Length: > 0 } team || message.Ts is null)
        {
            return;
        }

        var key = new AskThreadKey(team, message.Channel, message.ThreadTs ?? message.Ts);
        var thread = threads.Find(key);
        var turn = await ask.UnderstandAsync(team, message.Text, thread, ct);
        var asker = new Asker(team, message.User!, message.Channel, EnterpriseId: callback.EnterpriseId);
        await conversation.AnswerAsync(await context.GetApiAsync(ct), asker, key, turn, newThread: thread is null, ct);
    }

    public async Task HandleAsync(AppHomeOpened opened, EventCallback callback, SlackContext context, CancellationToken ct)
    {
        if (opened.IsMessagesTab && opened.Channel is { Length: > 0 } channel && callback.TeamId is { Length: > 0 } team)
        {
            await conversation.OfferPromptsAsync(await context.GetApiAsync(ct), team, channel, threadTs: null, viewedChannelId: null, ct);
        }
    }

    public async Task HandleAsync(AppContextChanged changed, EventCallback callback, SlackContext context, CancellationToken ct)
    {
        if (changed.Channel is { Length: > 0 } channel && callback.TeamId is { Length: > 0 } team)
        {
            await conversation.OfferPromptsAsync(await context.GetApiAsync(ct), team, channel, threadTs: null, changed.ViewedChannelId, ct);
        }
    }

    public Task HandleAsync(AssistantThreadStarted started, EventCallback callback, SlackContext context, CancellationToken ct) =>
        OfferInThreadAsync(started.AssistantThread, callback, context, ct);

    public Task HandleAsync(AssistantThreadContextChanged changed, EventCallback callback, SlackContext context, CancellationToken ct) =>
        OfferInThreadAsync(changed.AssistantThread, callback, context, ct);

    // A 2024 assistant thread takes its prompts with the thread's ts; the context's team must be the event's own.
    private async Task OfferInThreadAsync(AssistantThread thread, EventCallback callback, SlackContext context, CancellationToken ct)
    {
        if (callback.TeamId is not { Length: > 0 } team || thread.ChannelId.Length == 0 || thread.ThreadTs.Length == 0)
        {
            return;
        }

        var viewed = thread.Context?.TeamId is null or "" || thread.Context.TeamId == team ? thread.Context?.ChannelId : null;
        await conversation.OfferPromptsAsync(await context.GetApiAsync(ct), team, thread.ChannelId, thread.ThreadTs, viewed, ct);
    }
}
