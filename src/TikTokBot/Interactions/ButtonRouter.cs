using TikTokBot.Accounts;
using TikTokBot.Actions;
using TikTokBot.Alerts;
using TikTokBot.Ask;
using TikTokBot.Checkins;
using TikTokBot.Reports;
using TikTokBot.Requests;
using TikTokBot.Settings;
using TikTokBot.Slack.BlockKit;
using TikTokBot.TikTok.Sources;
using TikTokBot.Permissions;
using static TikTokBot.Requests.ButtonCodec;

namespace TikTokBot.Interactions;

/// <summary>
/// The one router for every button and menu: it reads the value with <see cref="ButtonCodec"/>, asks the capability's
/// service, and says what to deliver. Slack's handler
/// and the playground both press through here, so the two cannot answer differently. A value that does not fit its
/// button (tampered, or named for another kind) is ignored: nothing changes and nothing is said.
/// </summary>
internal sealed class ButtonRouter(
    ReportCommands reports, ReportService campaigns, SettingsService settings, ActionCommands proposals, IActionsService actions,
    AlertsService alerts, AccountsService accounts, AskService ask, AskThreads threads, CheckinsService checkins, ILogger<ButtonRouter> logger)
{
    /// <summary>The ids this router answers; proposals and Ask's suggestions by their prefixes too (<see cref="Prefixes"/>).</summary>
    public static readonly IReadOnlyList<string> ActionIds =
    [
        ButtonIds.Fix, ButtonIds.Full, ButtonIds.Breakdown, ButtonIds.Share, ButtonIds.Chart, ButtonIds.Criteria, ButtonIds.Credit,
        ButtonIds.Confirm, ButtonIds.Cancel, ButtonIds.Approve, ButtonIds.Reject, ButtonIds.Undo, ButtonIds.Propose,
        ButtonIds.Snooze, ButtonIds.Mute, ButtonIds.Unmute, ButtonIds.Connect, ButtonIds.OpenAuthorisation,
        ButtonIds.TakeFix, ButtonIds.AssignFix, ButtonIds.FixDone,
    ];

    public const string ProposalPrefix = ButtonIds.Propose + ".";

    /// <summary>"Assign…" menus carry their finding in their id, after this prefix (<see cref="ButtonIds.AssignFor"/>).</summary>
    public const string AssignPrefix = ButtonIds.AssignFix + ".";

    /// <summary>"I'll take it" beside others in one block carries its finding in its id too (<see cref="ButtonIds.TakeFor"/>).</summary>
    public const string TakePrefix = ButtonIds.TakeFix + ".";

    /// <summary>A grouped alert's Snooze and Mute per campaign (<see cref="ButtonIds.SnoozeFor"/>, <see cref="ButtonIds.MuteFor"/>).</summary>
    public const string SnoozePrefix = ButtonIds.Snooze + ".";

    public const string MutePrefix = ButtonIds.Mute + ".";

    /// <summary>Ids answered by their start: a message's several proposals, Ask's suggestions (<c>ask.&lt;intent&gt;.&lt;n&gt;</c>), "Assign…", and a grouped alert's several "I'll take it", Snooze and Mute.</summary>
    public static readonly IReadOnlyList<string> Prefixes = [ProposalPrefix, AskActions.Prefix, AssignPrefix, TakePrefix, SnoozePrefix, MutePrefix];

    private static readonly IReadOnlyList<Delivery> Nothing = [];

    public async Task<IReadOnlyList<Delivery>> PressAsync(ButtonPress press, CancellationToken ct)
    {
        if (press.Asker.TeamId.Length == 0)
        {
            return Nothing;
        }

        if (press.ActionId.StartsWith(AskActions.Prefix, StringComparison.Ordinal))
        {
            return await AskAsync(press, ct);
        }

        var id = press.ActionId.StartsWith(ProposalPrefix, StringComparison.Ordinal) ? ButtonIds.Propose
            : press.ActionId.StartsWith(AssignPrefix, StringComparison.Ordinal) ? ButtonIds.AssignFix
            : press.ActionId.StartsWith(TakePrefix, StringComparison.Ordinal) ? ButtonIds.TakeFix
            : press.ActionId.StartsWith(SnoozePrefix, StringComparison.Ordinal) ? ButtonIds.Snooze
            : press.ActionId.StartsWith(MutePrefix, StringComparison.Ordinal) ? ButtonIds.Mute
            : press.ActionId;
        return id switch
        {
            // A report's buttons only ever read: whatever the value says, no setting changes.
            ButtonIds.Fix => await ReportAsync(press, ReportKind.Fixes, r => r with { By = null }, m => new Delivery.InThread(m), ct),
            ButtonIds.Full => await ReportAsync(press, ReportKind.FullFunnel, r => r with { By = null }, m => new Delivery.Beside(m), ct),
            ButtonIds.Breakdown => await ReportAsync(press, ReportKind.Summary, r => r.By is null ? null : r, m => new Delivery.Beside(m), ct),
            ButtonIds.Share => await ReportAsync(press, ReportKind.Summary, r => r with { By = null }, m => new Delivery.InChannel(m), ct),
            ButtonIds.Chart => ButtonCodec.TryDecode<ChartRequest>(press.Value, out var chart)
                ? (await reports.ChartAsync(press.Asker, chart, ct)).Select(m => (Delivery)new Delivery.Replace(m)).ToList()
                : Nothing,
            ButtonIds.Criteria or ButtonIds.Credit => await SettingsFormAsync(press, ct),
            ButtonIds.Confirm or ButtonIds.Cancel or ButtonIds.Approve or ButtonIds.Reject or ButtonIds.Undo => await ActionAsync(press, ct),
            ButtonIds.Propose => ButtonCodec.TryDecode<ProposalRequest>(press.Value, out var proposal) && press.Asker.UserId.Length > 0
                ? [new Delivery.Beside(await proposals.ProposeAsync(press.Asker, proposal, ct))]
                : Nothing,
            ButtonIds.Snooze or ButtonIds.Mute or ButtonIds.Unmute => await AlertAsync(press, id, ct),
            ButtonIds.TakeFix => await TakeFixAsync(press, press.Value, press.Asker.UserId, ct),
            ButtonIds.AssignFix when press.SelectedUser is { Length: > 0 } owner => await TakeFixAsync(press, press.ActionId[AssignPrefix.Length..], owner, ct),
            ButtonIds.FixDone => await FixDoneAsync(press, ct),
            ButtonIds.Connect when press.Asker.UserId.Length > 0 =>
                [new Delivery.DirectMessage(AccountsCommands.ConnectReply(await accounts.BeginConnectAsync(press.Asker.TeamId, press.Asker.EnterpriseId, press.Asker.UserId, ct)))],
            // The connect reply's link button: Slack opens the URL itself; the press needs only its acknowledgement.
            _ => Nothing,
        };
    }

    private async Task<IReadOnlyList<Delivery>> ReportAsync(
        ButtonPress press, ReportKind kind, Func<ReportRequest, ReportRequest?> fit, Func<SlackMessage, Delivery> deliver, CancellationToken ct)
    {
        if (!ButtonCodec.TryDecode<ReportRequest>(press.Value, out var request) || fit(request) is not { } asked)
        {
            return Nothing;
        }

        try
        {
            return (await reports.ReplyAsync(press.Asker, asked, kind, ct)).Select(deliver).ToList();
        }
        catch (MetricSourceException e)
        {
            // The same sentence the slash command gives (a refused token says how to reconnect), not silence after the ack.
            return [new Delivery.Beside(Reply.Plain(Reply.SourceFailed(e)))];
        }
    }

    /// <summary>"Set success criteria" and "Set ad credit": refused before the form opens, so nobody fills one in only to be turned away.</summary>
    private async Task<IReadOnlyList<Delivery>> SettingsFormAsync(ButtonPress press, CancellationToken ct)
    {
        if (!ButtonCodec.TryDecode<ReportRequest>(press.Value, out var request) ||
            await campaigns.FindByIdAsync(press.Asker.TeamId, request.CampaignId, ct) is not { } campaign)
        {
            return Nothing;
        }

        var allowed = await settings.AuthoriseAsync(press.Asker, ct);
        if (!allowed.Allowed)
        {
            return [new Delivery.Beside(Reply.Plain(allowed.Refusal!))];
        }

        return [new Delivery.OpenModal(press.ActionId == ButtonIds.Credit
            ? SettingsModals.CreditModal(campaign)
            : SettingsModals.CriteriaModal(campaign, await settings.CriteriaAsync(press.Asker.TeamId, campaign.Id, ct)))];
    }

    /// <summary>Confirm, Cancel, Approve, Reject and Undo, on the action the value names in the presser's own workspace.</summary>
    private async Task<IReadOnlyList<Delivery>> ActionAsync(ButtonPress press, CancellationToken ct)
    {
        if (!ButtonCodec.TryDecode<ActionReference>(press.Value, out var reference) || press.Asker.UserId.Length == 0)
        {
            return Nothing;
        }

        var asker = new ActionAsker(press.Asker.TeamId, press.Asker.ChannelId ?? "", press.Asker.UserId, press.Asker.EnterpriseId);
        var outcome = press.ActionId switch
        {
            ButtonIds.Confirm => await actions.ConfirmAsync(asker, reference.ActionId, ct),
            ButtonIds.Approve => await actions.ApproveAsync(asker, reference.ActionId, ct),
            ButtonIds.Undo => await actions.UndoAsync(asker, reference.ActionId, ct),
            _ => await actions.RejectAsync(asker, reference.ActionId, ct),
        };
        logger.LogInformation("Action button {Button} on {ActionId} by {UserId} in team {TeamId}: {Outcome}",
            press.ActionId, reference.ActionId, asker.UserId, asker.TeamId, outcome.Kind);

        var rendered = ActionViews.Render(outcome);
        var shared = press.ActionId is ButtonIds.Approve or ButtonIds.Reject;
        return outcome.Kind switch
        {
            ActionOutcomeKind.AwaitingApproval => [new Delivery.Post(ActionViews.ApprovalRequest(outcome)), new Delivery.Replace(rendered)],
            // A refused approver (self-approval, no role) is told privately; the request stays for the others.
            ActionOutcomeKind.Refused when shared => [new Delivery.Beside(rendered)],
            // The result replaces the message pressed: the private proposal, or the request in the channel for everyone.
            _ when shared => [new Delivery.ReplaceForChannel(rendered)],
            _ => [new Delivery.Replace(rendered)],
        };
    }

    /// <summary>One of Ask's suggestions: answered in the conversation it sits in, which remembers it for the next question.</summary>
    private async Task<IReadOnlyList<Delivery>> AskAsync(ButtonPress press, CancellationToken ct)
    {
        // A button only ever reads; an id that names no intent, or a value the codec did not write, is ignored.
        if (press.Thread is not { } thread || !AskActions.TryRead(press.ActionId, press.Value, out var button))
        {
            return Nothing;
        }

        return [new Delivery.AskReply(thread, await ask.FromButtonAsync(press.Asker.TeamId, button, threads.Find(thread), ct))];
    }

    /// <summary>"Snooze 24 h", "Mute this rule for this campaign" and the list's "Undo", answered to the presser alone.</summary>
    /// <param name="id">The button's id without the campaign a grouped alert's Snooze and Mute carry after it.</param>
    private async Task<IReadOnlyList<Delivery>> AlertAsync(ButtonPress press, string id, CancellationToken ct)
    {
        if (!ButtonCodec.TryDecode<AlertTarget>(press.Value, out var target) || press.Asker.UserId.Length == 0)
        {
            return Nothing;
        }

        var asker = press.Asker;
        var rule = AlertRuleNames.Describe(target.Rule);
        var answer = id switch
        {
            ButtonIds.Snooze => await alerts.SnoozeAsync(asker, target, ct) is { Saved: { Until: { } until } }
                ? $"Snoozed: no \"{rule}\" alert for *{Mrkdwn.Escape(await alerts.CampaignNameAsync(asker.TeamId, target.CampaignId, ct))}* until {until:yyyy-MM-dd HH:mm} UTC."
                : null,
            ButtonIds.Mute => await alerts.MuteAsync(asker, target, ct) switch
            {
                null => null,
                { Refusal: { } refusal } => refusal,
                _ => $"Muted: no more \"{rule}\" alerts for *{Mrkdwn.Escape(await alerts.CampaignNameAsync(asker.TeamId, target.CampaignId, ct))}*. `/ttmetrics alerts` lists mutes with an Undo.",
            },
            ButtonIds.Unmute => await alerts.UnmuteAsync(asker, target, ct) is var undone
                ? undone.Refusal ?? (undone.Saved is null ? "That rule was not muted or snoozed any more." : $"\"{rule}\" alerts are back on for that campaign.")
                : null,
            _ => null,
        };

        if (answer is null)
        {
            // A campaign this workspace does not read: a forged or stale value. Nothing changed; nothing to say.
            logger.LogWarning("Alert button {Button} named a campaign team {TeamId} does not read; ignored", press.ActionId, asker.TeamId);
            return Nothing;
        }

        return [new Delivery.Beside(Reply.Plain(answer))];
    }

    /// <summary>
    /// "I'll take it" (the presser owns it) and "Assign…" (the person picked does), under a fix reply's finding or an
    /// alert: answered in the message's thread for everyone.
    /// </summary>
    private async Task<IReadOnlyList<Delivery>> TakeFixAsync(ButtonPress press, string? value, string ownerId, CancellationToken ct)
    {
        ButtonCodec.TryDecode(value, out var taken);
        if (taken is not (FindingTarget or AlertFinding) || press.Asker.UserId.Length == 0)
        {
            return Nothing;
        }

        if (press.Thread?.ThreadTs is not { Length: > 0 } thread || press.Asker.ChannelId is not { Length: > 0 })
        {
            return [new Delivery.Beside(Reply.Plain("A fix is followed up in its report's thread, and this report is private: share it in the channel, then take the fix there."))];
        }

        var outcome = taken is AlertFinding alert
            ? await checkins.TakeAlertAsync(press.Asker, alert, AlertRuleNames.Describe(alert.Rule), ownerId, thread, ct)
            : await checkins.TakeAsync(press.Asker, (FindingTarget)taken, ownerId, thread, ct);
        return outcome switch
        {
            null => Nothing,
            { Refusal: { } refusal } => [new Delivery.Beside(Reply.Plain(refusal))],
            { Fix: { } fix } => [new Delivery.InThread(CheckinViews.Taken(fix, outcome.CampaignName))],
            _ => Nothing,
        };
    }

    /// <summary>A fix's "Done": applied now, its follow-up announced in the thread.</summary>
    private async Task<IReadOnlyList<Delivery>> FixDoneAsync(ButtonPress press, CancellationToken ct)
    {
        if (!ButtonCodec.TryDecode<FixReference>(press.Value, out var reference) || press.Asker.UserId.Length == 0)
        {
            return Nothing;
        }

        return await checkins.DoneAsync(press.Asker, reference, ct) switch
        {
            null => Nothing,
            { Refusal: { } refusal } => [new Delivery.Beside(Reply.Plain(refusal))],
            { Fix: { } fix } done => [new Delivery.InThread(CheckinViews.Done(fix, done.CampaignName))],
            _ => Nothing,
        };
    }

    /// <summary>A pressed button or chosen menu option: its id, its value as Slack sent it back, and who pressed, from the signed payload.</summary>
    /// <param name="Thread">The thread the pressed message is in (its own ts when it starts one): Ask's conversation, a fix's
    /// thread; null where there is none (the playground's report buttons, a private reply).</param>
    /// <param name="SelectedUser">The person picked in a users menu ("Assign…").</param>
    internal sealed record ButtonPress(string ActionId, string? Value, Asker Asker, Ask.AskThreadKey? Thread = null, string? SelectedUser = null);

    /// <summary>
    /// One thing the answer to a button does in Slack. The router decides what; <see cref="SlackButtonHandler"/> (or the
    /// playground, which draws messages only) decides how.
    /// </summary>
    internal abstract record Delivery
    {
        private Delivery()
        {
        }

        /// <summary>Beside the pressed message, for the presser alone.</summary>
        internal sealed record Beside(SlackMessage Message) : Delivery;

        /// <summary>In place of the pressed message (a proposal that became its result).</summary>
        internal sealed record Replace(SlackMessage Message) : Delivery;

        /// <summary>In place of the pressed message, for everyone in the channel (an approval request that was decided).</summary>
        internal sealed record ReplaceForChannel(SlackMessage Message) : Delivery;

        /// <summary>Beside the pressed message, for everyone in the channel ("Share in channel").</summary>
        internal sealed record InChannel(SlackMessage Message) : Delivery;

        /// <summary>In the pressed message's thread for everyone; beside it for the presser when the message is private.</summary>
        internal sealed record InThread(SlackMessage Message) : Delivery;

        /// <summary>A new message in the channel (a request for approval).</summary>
        internal sealed record Post(SlackMessage Message) : Delivery;

        /// <summary>A direct message to the presser (the Home tab has no response_url).</summary>
        internal sealed record DirectMessage(SlackMessage Message) : Delivery;

        /// <summary>A modal, opened with the press's trigger id.</summary>
        internal sealed record OpenModal(SlackView View) : Delivery;

        /// <summary>Ask's answer to one of its suggestions, in the conversation's thread (which remembers it for follow-ups).</summary>
        internal sealed record AskReply(Ask.AskThreadKey Thread, Ask.AskTurn Turn) : Delivery;

        /// <summary>The message a delivery carries; null for a modal or Ask's reply (which Ask renders).</summary>
        public SlackMessage? MessageOrNull => this switch
        {
            Beside d => d.Message,
            Replace d => d.Message,
            ReplaceForChannel d => d.Message,
            InChannel d => d.Message,
            InThread d => d.Message,
            Post d => d.Message,
            DirectMessage d => d.Message,
            _ => null,
        };
    }
}
