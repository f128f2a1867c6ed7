using TikTokBot.Domain.Actions;
using TikTokBot.Permissions;
using TikTokBot.Slack.BlockKit;
using TikTokBot.Slack.Handlers;
using TikTokBot.Slack.Payloads;

namespace TikTokBot.Actions;

/// <summary>
/// Buttons other capabilities put on their messages to start an action. Pressing one only proposes: the proposal is
/// read fresh from TikTok and shown with Confirm / Cancel, through every guard rail, exactly like the command.
/// </summary>
public static class ActionButtons
{
    /// <summary>
    /// "Pause ad group &lt;name&gt;" (for alerts and fixes). The value names the campaign and the ad group; on the press
    /// the campaign must be one the presser's workspace reads and the ad group must belong to it, so a value copied to
    /// or forged in another workspace writes nothing. Several of these in one message get distinct action ids.
    /// </summary>
    public static ButtonElement PauseAdGroup(string campaignId, string adGroupId, string adGroupName) =>
        Propose(campaignId, new FixProposal($"Pause ad group {adGroupName}", ActionIntent.Pause(ActionLevel.AdGroup, adGroupId)));

    /// <summary>A button proposing <paramref name="proposal"/> on campaign <paramref name="campaignId"/> or one of its ad groups.</summary>
    public static ButtonElement Propose(string campaignId, FixProposal proposal) =>
        Elements.Button(ActionButtonIds.ProposeFor(proposal.Intent), proposal.Label, ProposalValue.Encode(new ProposalRequest(campaignId, proposal.Intent)));
}

/// <summary>
/// Confirm, Cancel, Approve, Reject and Undo. The value gives only the action id; who pressed and in which workspace
/// come from Slack's signed payload, and the id is looked up in that workspace's store alone.
/// </summary>
public sealed class ActionButtonHandler(ActionsService actions, ILogger<ActionButtonHandler> logger) : IBlockActionHandler
{
    public async Task HandleAsync(BlockAction action, BlockActionsPayload payload, SlackContext context, CancellationToken ct)
    {
        context.Ack();
        if (!ActionValue.TryDecode(action.Value, out var actionId) || string.IsNullOrEmpty(context.TeamId) || string.IsNullOrEmpty(context.UserId) ||
            string.IsNullOrEmpty(context.ResponseUrl))
        {
            return;
        }

        var asker = new ActionAsker(context.TeamId, context.ChannelId ?? "", context.UserId, context.EnterpriseId);
        var outcome = action.ActionId switch
        {
            ActionButtonIds.Confirm => await actions.ConfirmAsync(asker, actionId, ct),
            ActionButtonIds.Approve => await actions.ApproveAsync(asker, actionId, ct),
            ActionButtonIds.Reject or ActionButtonIds.Cancel => await actions.RejectAsync(asker, actionId, ct),
            ActionButtonIds.Undo => await actions.UndoAsync(asker, actionId, ct),
            _ => null,
        };
        if (outcome is null)
        {
            return;
        }

        logger.LogInformation("Action button {Button} on {ActionId} by {UserId} in team {TeamId}: {Outcome}", action.ActionId, actionId, context.UserId, context.TeamId, outcome.Kind);
        var shared = action.ActionId is ActionButtonIds.Approve or ActionButtonIds.Reject;
        if (outcome.Kind == ActionOutcomeKind.AwaitingApproval)
        {
            await context.SayAsync(ActionViews.ApprovalRequest(outcome), ct);
            await context.RespondAsync(ActionViews.Render(outcome) with { ReplaceOriginal = true }, ct);
        }
        else if (outcome.Kind is ActionOutcomeKind.Refused && shared)
        {
            // A refused approver (self-approval, no role) is told privately; the request stays for the others.
            await context.RespondAsync(ActionViews.Render(outcome) with { ReplaceOriginal = false }, ct);
        }
        else
        {
            // The result replaces the message pressed: the private proposal, or the request in the channel for everyone.
            var rendered = ActionViews.Render(outcome);
            await context.RespondAsync(shared ? rendered with { ResponseType = "in_channel", ReplaceOriginal = true } : rendered with { ReplaceOriginal = true }, ct);
        }
    }
}

/// <summary>A fix's or an alert's "Pause ad group" / "Raise budget" button: the same proposal as the command.</summary>
public sealed class ProposeButtonHandler(ActionCommands commands) : IBlockActionHandler
{
    public async Task HandleAsync(BlockAction action, BlockActionsPayload payload, SlackContext context, CancellationToken ct)
    {
        context.Ack();
        if (!ProposalValue.TryDecode(action.Value, out var request) || string.IsNullOrEmpty(context.TeamId) || string.IsNullOrEmpty(context.UserId) ||
            string.IsNullOrEmpty(context.ResponseUrl))
        {
            return;
        }

        var message = await commands.ProposeAsync(new Asker(context.TeamId, context.UserId, context.ChannelId, EnterpriseId: context.EnterpriseId), request, ct);
        await context.RespondAsync(message with { ReplaceOriginal = false }, ct);
    }
}
