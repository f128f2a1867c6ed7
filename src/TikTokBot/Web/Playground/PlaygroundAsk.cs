using TikTokBot.Ask;
using TikTokBot.Interactions;
using TikTokBot.Slack.BlockKit;
using static TikTokBot.Interactions.ButtonRouter;

namespace TikTokBot.Web.Playground;

/// <summary>
/// The playground's chat box: a question, or a press on one of Ask's buttons, goes through the same understanding and
/// thread memory as a direct message in Slack, in the playground's own workspace. The page names its conversation.
/// </summary>
internal sealed class PlaygroundAsk(AskService ask, AskThreads threads, ButtonRouter router)
{
    /// <summary>The direct-message channel the playground's conversations live in.</summary>
    public const string Channel = "D-PLAYGROUND";

    public async Task<IReadOnlyList<SlackMessage>> AskAsync(string? text, string? conversation, CancellationToken ct)
    {
        var key = Key(conversation);
        return await AnswerAsync(key, await ask.UnderstandAsync(key.TeamId, text, threads.Find(key), ct), ct);
    }

    /// <summary>One of Ask's buttons, through the same router as Slack's handler.</summary>
    public async Task<IReadOnlyList<SlackMessage>> PressAsync(string? actionId, string? value, string? conversation, CancellationToken ct)
    {
        var key = Key(conversation);
        var messages = new List<SlackMessage>();
        foreach (var delivery in await router.PressAsync(new ButtonPress(actionId ?? "", value, PlaygroundService.Asker, key), ct))
        {
            if (delivery is Delivery.AskReply reply)
            {
                messages.AddRange(await AnswerAsync(reply.Thread, reply.Turn, ct));
            }
        }

        return messages;
    }

    private async Task<IReadOnlyList<SlackMessage>> AnswerAsync(AskThreadKey key, AskTurn turn, CancellationToken ct)
    {
        var messages = await ask.AnswerAsync(PlaygroundService.Asker, turn, ct);
        if (turn.Remember is { } state)
        {
            threads.Remember(key, state);
        }

        return messages;
    }

    // The page's conversation id, kept short and plain; anything else is one shared conversation.
    private static AskThreadKey Key(string? conversation) => new(PlaygroundService.Asker.TeamId, Channel,
        conversation is { Length: > 0 and <= 64 } id && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.') ? id : "default");
}
