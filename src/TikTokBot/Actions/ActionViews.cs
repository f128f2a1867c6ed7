using System.Globalization;
using System.Text.RegularExpressions;
using TikTokBot.Domain.Actions;
using TikTokBot.Domain.Metrics;
using TikTokBot.Slack.BlockKit;
using TikTokBot.Requests;
using static TikTokBot.Requests.ButtonCodec;

namespace TikTokBot.Actions;

/// <summary>How an <see cref="ActionOutcome"/> looks in Slack: the buttons carry only the action's id.</summary>
internal static class ActionViews
{
    /// <summary>What every action reply on the demo data says, in its notification text and its blocks.</summary>
    public const string SimulatedNote = "Simulated on demo data: nothing was sent to TikTok.";

    /// <summary>The answer to the person who asked or pressed: the proposal with Confirm / Cancel, the result with Undo, or why not.</summary>
    public static SlackMessage Render(ActionOutcome outcome)
    {
        var message = new MessageBuilder().Text(Notification(outcome.Message, outcome.Simulated)).Ephemeral().Section(Icon(outcome.Kind) + Text(outcome.Message));
        if (outcome.Kind == ActionOutcomeKind.Proposed && outcome.Target is { } target)
        {
            message.Context(Ids(target));
        }

        if (outcome.Simulated)
        {
            message.Context(":test_tube: " + SimulatedNote);
        }

        if (outcome is { Kind: ActionOutcomeKind.Proposed, Action: { } proposed })
        {
            var value = ButtonCodec.Encode(new ActionReference(proposed.Id));
            message.Actions([Elements.Button(ButtonIds.Confirm, "Confirm", value, style: "primary"), Elements.Button(ButtonIds.Cancel, "Cancel", value)]);
        }
        else if (outcome is { Kind: ActionOutcomeKind.Uncertain, Action: { } uncertain })
        {
            message.Actions([Elements.Button(ButtonIds.Confirm, "Try again", ButtonCodec.Encode(new ActionReference(uncertain.Id)))]);
        }
        else if (outcome is { Kind: ActionOutcomeKind.Done, Action: { } done, UndoUntil: { } until })
        {
            message.Actions([Elements.Button(ButtonIds.Undo, $"Undo (until {until:HH:mm} UTC)", ButtonCodec.Encode(new ActionReference(done.Id)))]);
        }

        return message.BuildSingle();
    }

    /// <summary>
    /// The request posted in the channel for another person who may act: what changes, named (the ids in small text),
    /// with Approve / Reject. Without a fresh read of the target, it falls back to the ids.
    /// </summary>
    public static SlackMessage ApprovalRequest(ActionOutcome awaiting)
    {
        var d = awaiting.Action!.Details;
        var value = ButtonCodec.Encode(new ActionReference(d.Id));
        var target = awaiting.Target;
        var what = target is null ? $"{(d.Level == ActionLevel.Campaign ? "campaign" : "ad group")} {d.AdGroupId ?? d.CampaignId}" : Named(target);
        var change = d.Kind switch
        {
            ActionKind.Budget => $"change the budget of {what} from {Amount(d.FromValue, target)} to {Amount(d.ToValue, target)}",
            ActionKind.Pause => $"pause {what}",
            _ => $"resume {what}",
        };
        var text = $"<@{d.RequestedBy}> asks to {Text(change)}. {Text(awaiting.Message)}";
        var message = new MessageBuilder().Text(Notification($"<@{d.RequestedBy}> asks to {change}. {awaiting.Message}", awaiting.Simulated)).Section(":raised_hand: " + text);
        message.Context(target is null ? $"advertiser {d.AdvertiserId} · campaign {d.CampaignId}" + (d.AdGroupId is { } g ? $" · ad group {g}" : "") : Ids(target));
        if (awaiting.Simulated)
        {
            message.Context(":test_tube: " + SimulatedNote);
        }

        return message
            .Actions([Elements.Button(ButtonIds.Approve, "Approve", value, style: "primary"), Elements.Button(ButtonIds.Reject, "Reject", value, style: "danger")])
            .BuildSingle();
    }

    /// <summary>"ad group Broad 18-44 of campaign campaign-42 Autumn Sale", or "campaign campaign-42 Autumn Sale".</summary>
    private static string Named(TargetState target) => target.Level == ActionLevel.Campaign
        ? $"campaign {target.Name}"
        : $"ad group {target.Name}" + (string.IsNullOrEmpty(target.CampaignName) ? "" : $" of campaign {target.CampaignName}");

    /// <summary>The ids, for the small print under the names.</summary>
    private static string Ids(TargetState target) => target.Level == ActionLevel.Campaign
        ? $"campaign id {Mrkdwn.Escape(target.Id)}"
        : $"ad group id {Mrkdwn.Escape(target.Id)} · campaign " + (string.IsNullOrEmpty(target.CampaignName) ? "" : Mrkdwn.Escape(target.CampaignName) + ", ") + $"id {Mrkdwn.Escape(target.CampaignId)}";

    private static string Amount(string stored, TargetState? target) =>
        target is not null && decimal.TryParse(stored, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) ? MetricFormat.Money(amount, target.Currency) : stored;

    /// <summary>The notification text, which is all some clients show: on demo data it says so too.</summary>
    private static string Notification(string message, bool simulated) => simulated ? $"{message} ({SimulatedNote})" : message;

    /// <summary>The service's sentence escaped (names come from TikTok), keeping its user mentions.</summary>
    private static string Text(string message) => Regex.Replace(Mrkdwn.Escape(message), "&lt;(@U[A-Z0-9]+)&gt;", "<$1>");

    private static string Icon(ActionOutcomeKind kind) => kind switch
    {
        ActionOutcomeKind.Done => ":white_check_mark: ",
        ActionOutcomeKind.Refused or ActionOutcomeKind.Rejected => ":no_entry_sign: ",
        ActionOutcomeKind.Uncertain => ":warning: ",
        _ => "",
    };
}
