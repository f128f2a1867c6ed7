using TikTokBot.Permissions;
using TikTokBot.Slack.Handlers;
using TikTokBot.Slack.Payloads;

namespace TikTokBot.Ask;

/// <summary>
/// Ask's buttons (<see cref="AskActions"/>): a suggestion or a campaign chosen. The answer goes into the thread the
/// button sits in, the same as a typed question, and the thread remembers it for follow-ups.
/// </summary>
internal sealed class AskButtonHandler(AskService ask, AskThreads threads, AskConversation conversation) : IBlockActionHandler
{
    public async Task HandleAsync(BlockAction action, BlockActionsPayload payload, SlackContext context, CancellationToken ct)
    {
        context.Ack();
        // A button only ever reads; a value neither report codec wrote is ignored.
        if (!AskActions.TryRead(action.ActionId, action.Value, out var button) || context.TeamId is not { Length: > 0 } team ||
            payload.Channel?.Id is not { Length: > 0 } channel || payload.Message?.Ts is not { } ts)
        {
            return;
        }

        var key = new AskThreadKey(team, channel, payload.Message.ThreadTs ?? ts);
        var thread = threads.Find(key);
        var turn = await ask.FromButtonAsync(team, button, thread, ct);
        var asker = new Asker(team, context.UserId ?? "", channel, EnterpriseId: context.EnterpriseId);
        await conversation.AnswerAsync(await context.GetApiAsync(ct), asker, key, turn, newThread: false, ct);
    }
}
