using TikTokBot.Permissions;
using TikTokBot.Slack.BlockKit;
using TikTokBot.Slack.WebApi;
using TikTokBot.TikTok.Api;

namespace TikTokBot.Ask;

/// <summary>
/// One turn in a Slack thread: the status while reading ("is reading campaign-42…"), the answer posted in the thread,
/// and the thread's context remembered. Status and title are courtesies: Slack refusing them never stops the answer.
/// </summary>
internal sealed partial class AskConversation(AskService ask, AskThreads threads, ILogger<AskConversation> logger)
{
    public async Task AnswerAsync(ISlackWebApi api, Asker asker, AskThreadKey key, AskTurn turn, bool newThread, CancellationToken ct)
    {
        if (turn.Reading is { } reading)
        {
            await Courtesy(() => api.SetAssistantStatusAsync(
                new AssistantStatusRequest(key.ChannelId, key.ThreadTs, $"is reading {reading}…") { LoadingMessages = [$"Reading {reading}…"] }, ct), "setStatus");
        }

        // A report too large to page through is read as a TikTok report task, which takes a while: the status says where it stands.
        var shown = -1;
        var tasks = new Progress<ReportTaskStatus>(status =>
        {
            if (status.State != ReportTaskState.Done && Interlocked.Exchange(ref shown, (int)status.State) != (int)status.State)
            {
                _ = Courtesy(() => api.SetAssistantStatusAsync(
                    new AssistantStatusRequest(key.ChannelId, key.ThreadTs, "is reading a large report from TikTok…") { LoadingMessages = [status.Describe()] }, ct), "setStatus");
            }
        });
        IReadOnlyList<SlackMessage> messages;
        using (ReportTaskProgress.Watch(tasks))
        {
            messages = await ask.AnswerAsync(asker, turn, ct);
        }

        if (turn.Remember is { } state)
        {
            threads.Remember(key, state);
        }

        foreach (var message in messages)
        {
            await api.PostMessageAsync(message with { Channel = key.ChannelId, ThreadTs = key.ThreadTs, ResponseType = null, ReplaceOriginal = null }, ct);
        }

        if (newThread && turn.Campaign is { } campaign)
        {
            await Courtesy(() => api.SetAssistantTitleAsync(new AssistantTitleRequest(key.ChannelId, key.ThreadTs, campaign.Name), ct), "setTitle");
        }
    }

    public async Task OfferPromptsAsync(ISlackWebApi api, string teamId, string dmChannelId, string? threadTs, string? viewedChannelId, CancellationToken ct)
    {
        var prompts = await ask.PromptsAsync(teamId, viewedChannelId, ct);
        await Courtesy(() => api.SetSuggestedPromptsAsync(new SuggestedPromptsRequest(dmChannelId, prompts)
        {
            Title = viewedChannelId is null ? "Ask about your TikTok campaigns" : "Ask about this channel's campaigns",
            ThreadTs = threadTs,
        }, ct), "setSuggestedPrompts");
    }

    private async Task Courtesy(Func<Task> call, string method)
    {
        try
        {
            await call();
        }
        catch (SlackApiException e)
        {
            LogCourtesyRefused(logger, method, e.Error);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack refused assistant.threads.{Method} ({Error}); the answer goes on without it")]
    private static partial void LogCourtesyRefused(ILogger logger, string method, string? error);
}
