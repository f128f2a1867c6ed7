using TikTokBot.Commands;
using TikTokBot.Permissions;
using TikTokBot.Slack.BlockKit;
using TikTokBot.Slack.Handlers;
using TikTokBot.Slack.Payloads;

namespace TikTokBot.Alerts;

/// <summary>
/// "Snooze 24 h", "Mute this rule for this campaign" and the list's "Undo". The value names only a campaign and a rule;
/// the workspace and the person come from Slack's signed payload, and the answer goes privately to the presser.
/// </summary>
public sealed class AlertButtonHandler(AlertsService alerts, ILogger<AlertButtonHandler> logger) : IBlockActionHandler
{
    public async Task HandleAsync(BlockAction action, BlockActionsPayload payload, SlackContext context, CancellationToken ct)
    {
        context.Ack();
        if (!AlertValue.TryDecode(action.Value, out var target) || string.IsNullOrEmpty(context.TeamId) || string.IsNullOrEmpty(context.UserId) ||
            string.IsNullOrEmpty(context.ResponseUrl))
        {
            return;
        }

        var asker = new Asker(context.TeamId, context.UserId, context.ChannelId, EnterpriseId: context.EnterpriseId);
        var rule = AlertRuleTitles.Of(target.Rule);
        string? answer;
        switch (action.ActionId)
        {
            case AlertButtonIds.Snooze:
                answer = await alerts.SnoozeAsync(asker, target, ct) is { Saved: { Until: { } until } }
                    ? $"Snoozed: no \"{rule}\" alert for *{Mrkdwn.Escape(await alerts.CampaignNameAsync(asker.TeamId, target.CampaignId, ct))}* until {until:yyyy-MM-dd HH:mm} UTC."
                    : null;
                break;
            case AlertButtonIds.Mute:
                answer = await alerts.MuteAsync(asker, target, ct) switch
                {
                    null => null,
                    { Refusal: { } refusal } => refusal,
                    _ => $"Muted: no more \"{rule}\" alerts for *{Mrkdwn.Escape(await alerts.CampaignNameAsync(asker.TeamId, target.CampaignId, ct))}*. `/ttmetrics alerts` lists mutes with an Undo.",
                };
                break;
            case AlertButtonIds.Unmute:
                var undone = await alerts.UnmuteAsync(asker, target, ct);
                answer = undone.Refusal ?? (undone.Saved is null ? "That rule was not muted or snoozed any more." : $"\"{rule}\" alerts are back on for that campaign.");
                break;
            default:
                return;
        }

        if (answer is null)
        {
            // A campaign this workspace does not read: a forged or stale value. Nothing changed; nothing to say.
            logger.LogWarning("Alert button {Button} named a campaign team {TeamId} does not read; ignored", action.ActionId, context.TeamId);
            return;
        }

        await context.RespondAsync(Reply.Plain(answer) with { ReplaceOriginal = false }, ct);
    }
}
