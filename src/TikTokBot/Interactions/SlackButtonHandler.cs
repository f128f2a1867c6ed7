using TikTokBot.Ask;
using TikTokBot.Permissions;
using TikTokBot.Requests;
using TikTokBot.Slack.Handlers;
using TikTokBot.Slack.Payloads;
using TikTokBot.Slack.WebApi;
using static TikTokBot.Interactions.ButtonRouter;

namespace TikTokBot.Interactions;

/// <summary>
/// Slack's side of every button and menu: acknowledges at once, hands the press to <see cref="ButtonRouter"/> with the
/// presser taken from Slack's signed payload, and delivers what the router answers. A press that could not be answered
/// where it came from (no response_url, no trigger id) is not run at all, so no action is taken that nobody hears of.
/// </summary>
internal sealed class SlackButtonHandler(ButtonRouter router, AskConversation conversation, ILogger<SlackButtonHandler> logger) : IBlockActionHandler
{
    public async Task HandleAsync(BlockAction action, BlockActionsPayload payload, SlackContext context, CancellationToken ct)
    {
        context.Ack();
        if (string.IsNullOrEmpty(context.TeamId) || !CanAnswer(action.ActionId, payload, context))
        {
            return;
        }

        var asker = new Asker(context.TeamId, context.UserId ?? "", context.ChannelId, EnterpriseId: context.EnterpriseId);
        var thread = payload.Channel?.Id is { Length: > 0 } channel && payload.Message?.Ts is { } ts
            ? new AskThreadKey(context.TeamId, channel, payload.Message.ThreadTs ?? ts)
            : (AskThreadKey?)null;
        var deliveries = await router.PressAsync(new ButtonPress(
            action.ActionId, action.SelectedOption?.Value ?? action.Value, asker, thread, action.SelectedUser), ct);
        try
        {
            foreach (var delivery in deliveries)
            {
                await DeliverAsync(delivery, asker, payload, context, ct);
            }
        }
        catch (SlackApiException failure) when (failure.Method != "response_url" && !string.IsNullOrEmpty(context.ResponseUrl))
        {
            // Slack refused the post or the modal (not in the channel, token revoked...): say so privately instead of going quiet.
            logger.LogWarning("Slack {Method} refused the answer to {Button}: {Error} (team {TeamId})", failure.Method, action.ActionId, failure.Error, context.TeamId);
            await context.RespondAsync(SlackFailures.Explain(failure), ct);
        }
    }

    private static bool CanAnswer(string actionId, BlockActionsPayload payload, SlackContext context) => actionId switch
    {
        ButtonIds.Connect or ButtonIds.OpenAuthorisation => !string.IsNullOrEmpty(context.UserId),
        ButtonIds.Criteria or ButtonIds.Credit => !string.IsNullOrEmpty(payload.TriggerId),
        ButtonIds.Fix or ButtonIds.TakeFix or ButtonIds.FixDone => InThread(payload) || !string.IsNullOrEmpty(context.ResponseUrl),
        _ when actionId.StartsWith(AskActions.Prefix, StringComparison.Ordinal) => InThread(payload),
        _ => !string.IsNullOrEmpty(context.ResponseUrl),
    };

    private static bool InThread(BlockActionsPayload payload) => payload.Message?.Ts is not null && payload.Channel?.Id is not null;

    private async Task DeliverAsync(Delivery delivery, Asker asker, BlockActionsPayload payload, SlackContext context, CancellationToken ct)
    {
        switch (delivery)
        {
            case Delivery.Beside d:
                await context.RespondAsync(d.Message with { ReplaceOriginal = false }, ct);
                break;
            case Delivery.Replace d:
                await context.RespondAsync(d.Message with { ReplaceOriginal = true }, ct);
                break;
            case Delivery.ReplaceForChannel d:
                await context.RespondAsync(d.Message with { ResponseType = "in_channel", ReplaceOriginal = true }, ct);
                break;
            case Delivery.InChannel d:
                await context.RespondAsync(d.Message with { ResponseType = "in_channel", ReplaceOriginal = false }, ct);
                break;
            case Delivery.InThread d when InThread(payload):
                // A reply in a thread answers in the same thread (Slack wants the parent's ts, not a reply's).
                await context.SayAsync(d.Message with { ThreadTs = payload.Message!.ThreadTs ?? payload.Message.Ts, ResponseType = null, ReplaceOriginal = null }, ct);
                break;
            case Delivery.InThread d:
                // A private (ephemeral) report: Slack sends the press without the message, so the answer goes beside it.
                await context.RespondAsync(d.Message with { ReplaceOriginal = false }, ct);
                break;
            case Delivery.Post d:
                await context.SayAsync(d.Message, ct);
                break;
            case Delivery.DirectMessage d:
                var api = await context.GetApiAsync(ct);
                await api.PostMessageAsync(d.Message with { Channel = context.UserId, ResponseType = null }, ct);
                break;
            case Delivery.AskReply d:
                await conversation.AnswerAsync(await context.GetApiAsync(ct), asker, d.Thread, d.Turn, newThread: false, ct);
                break;
            case Delivery.OpenModal d:
                await (await context.GetApiAsync(ct)).OpenViewAsync(payload.TriggerId!, d.View, ct);
                break;
        }
    }
}
