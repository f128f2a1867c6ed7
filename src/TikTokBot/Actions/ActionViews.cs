using System.Text.RegularExpressions;
using TikTokBot.Domain.Actions;
using TikTokBot.Domain.Diagnosis;
using TikTokBot.Slack.BlockKit;

namespace TikTokBot.Actions;

/// <summary>How an <see cref="ActionOutcome"/> looks in Slack: the buttons carry only the action's id.</summary>
public static class ActionViews
{
    /// <summary>The answer to the person who asked or pressed: the proposal with Confirm / Cancel, the result with Undo, or why not.</summary>
    public static SlackMessage Render(ActionOutcome outcome)
    {
        var text = Text(outcome.Message);
        var message = new MessageBuilder().Text(outcome.Message).Ephemeral().Section(Icon(outcome.Kind) + text);
        if (outcome is { Kind: ActionOutcomeKind.Proposed, Action: { } proposed })
        {
            var value = ActionValue.Encode(proposed.Id);
            message.Actions([Elements.Button(ActionButtonIds.Confirm, "Confirm", value, style: "primary"), Elements.Button(ActionButtonIds.Cancel, "Cancel", value)]);
        }
        else if (outcome is { Kind: ActionOutcomeKind.Uncertain, Action: { } uncertain })
        {
            message.Actions([Elements.Button(ActionButtonIds.Confirm, "Try again", ActionValue.Encode(uncertain.Id))]);
        }
        else if (outcome is { Kind: ActionOutcomeKind.Done, Action: { } done, UndoUntil: { } until })
        {
            message.Actions([Elements.Button(ActionButtonIds.Undo, $"Undo (until {until:HH:mm} UTC)", ActionValue.Encode(done.Id))]);
        }

        return message.BuildSingle();
    }

    /// <summary>The request posted in the channel for another person who may act: Approve / Reject.</summary>
    public static SlackMessage ApprovalRequest(ActionOutcome awaiting)
    {
        var d = awaiting.Action!.Details;
        var value = ActionValue.Encode(d.Id);
        var what = d.Kind == "budget" ? $"change the budget of {d.Level} {d.AdGroupId ?? d.CampaignId} from {d.FromValue} to {d.ToValue}" : $"{d.Kind} {d.Level} {d.AdGroupId ?? d.CampaignId}";
        var text = $"<@{d.RequestedBy}> asks to {Text(what)}. {Text(awaiting.Message)}";
        return new MessageBuilder().Text(text).Section(":raised_hand: " + text)
            .Actions([Elements.Button(ActionButtonIds.Approve, "Approve", value, style: "primary"), Elements.Button(ActionButtonIds.Reject, "Reject", value, style: "danger")])
            .BuildSingle();
    }

    /// <summary>The service's sentence escaped (names come from TikTok), keeping its user mentions.</summary>
    private static string Text(string message) => Regex.Replace(Mrkdwn.Escape(message), "&lt;(@U[A-Z0-9]+)&gt;", "<$1>");

    /// <summary>
    /// A button on a fix that one action carries out on the campaign (pausing it), starting the same proposal as the
    /// command. Budget fixes get none yet: the step they would propose is not a setting.
    /// </summary>
    public static IReadOnlyList<BlockElement> FixButtons(string campaignId, IEnumerable<Fix> fixes) =>
        fixes.Any(f => f.Kind == FixKind.Pause && f.Action.Contains("campaign", StringComparison.OrdinalIgnoreCase))
            ? [Elements.Button(ActionButtonIds.Propose, "Pause campaign", ProposalValue.Encode(new ProposalRequest(campaignId, ActionIntent.Pause(ActionLevel.Campaign, campaignId))))]
            : [];

    private static string Icon(ActionOutcomeKind kind) => kind switch
    {
        ActionOutcomeKind.Done => ":white_check_mark: ",
        ActionOutcomeKind.Refused or ActionOutcomeKind.Rejected => ":no_entry_sign: ",
        ActionOutcomeKind.Uncertain => ":warning: ",
        _ => "",
    };
}
