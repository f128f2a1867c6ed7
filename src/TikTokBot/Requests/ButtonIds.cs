using TikTokBot.Domain.Actions;
using static TikTokBot.Requests.ButtonCodec;

namespace TikTokBot.Requests;

/// <summary>
/// The Slack <c>action_id</c> of every button and menu the app draws, in one list, so the one router
/// (Interactions/ButtonRouter) and every view name them alike. The ids are part of messages already in Slack:
/// renaming one strands those buttons.
/// </summary>
internal static class ButtonIds
{
    // A campaign's report (the value is a ReportRequest).
    public const string Fix = "report.fix";
    public const string Full = "report.full";
    public const string Breakdown = "report.breakdown";
    public const string Criteria = "report.criteria";
    public const string Credit = "report.credit";
    public const string Share = "report.share";

    /// <summary>"Chart another metric…" (the value is a ChartRequest).</summary>
    public const string Chart = "report.chart";

    // An action on the ad account (the value is an ActionReference).
    public const string Confirm = "action.confirm";
    public const string Cancel = "action.cancel";
    public const string Approve = "action.approve";
    public const string Reject = "action.reject";
    public const string Undo = "action.undo";

    /// <summary>On a fix or an alert: starts a proposal (the value is a ProposalRequest).</summary>
    public const string Propose = "action.propose";

    // An alert's own buttons (the value is an AlertTarget); Unmute is the alerts list's "Undo".
    public const string Snooze = "alert.snooze";
    public const string Mute = "alert.mute";

    /// <summary>
    /// Snooze for one campaign of an alert naming several: Slack wants ids unique within a block, so each carries its
    /// campaign (<c>alert.snooze.&lt;campaign id&gt;</c>); the router reads the prefix, the value is the target as ever.
    /// </summary>
    public static string SnoozeFor(string campaignId) => $"{Snooze}.{campaignId}";

    /// <summary>Mute for one campaign of an alert naming several, as <see cref="SnoozeFor"/>.</summary>
    public static string MuteFor(string campaignId) => $"{Mute}.{campaignId}";
    public const string Unmute = "alert.unmute";

    // Check-ins: "I'll take it" and "Assign…" (a users_select menu) under a finding (the value is a FindingTarget, or an
    // AlertFinding under an alert), and a
    // fix's "Done" (the value is a FixReference).
    public const string TakeFix = "checkin.take";
    public const string AssignFix = "checkin.assign";
    public const string FixDone = "checkin.done";

    /// <summary>
    /// "Assign…" under one finding: a users_select sends no value, so its finding rides in its id
    /// (<c>checkin.assign.ft1|…</c>), which also keeps the ids of several findings in one message distinct.
    /// </summary>
    public static string AssignFor(FindingTarget target) => $"{AssignFix}.{ButtonCodec.Encode(target)}";

    /// <summary>
    /// "I'll take it" for one campaign of an alert naming several: Slack wants ids unique within a block, so each carries
    /// its campaign's finding (<c>checkin.take.fa1|…</c>); the router reads the prefix, the value is the same finding.
    /// </summary>
    public static string TakeFor(AlertFinding target) => $"{TakeFix}.{ButtonCodec.Encode(target)}";

    /// <summary>"Assign…" under an alert (<c>checkin.assign.fa1|…</c>), as <see cref="AssignFor(FindingTarget)"/>.</summary>
    public static string AssignFor(AlertFinding target) => $"{AssignFix}.{ButtonCodec.Encode(target)}";

    /// <summary>The Home tab's "Connect TikTok": sends the person their own link.</summary>
    public const string Connect = "accounts_connect";

    /// <summary>The link button in a connect reply; Slack opens the URL and still sends the press, which needs no answer.</summary>
    public const string OpenAuthorisation = "accounts_open_authorisation";

    /// <summary>
    /// A proposal button's id when a message carries several: Slack wants ids unique within a block, so each is named
    /// by what it proposes (<c>action.propose.pause.&lt;target&gt;</c>); the router reads the prefix.
    /// </summary>
    public static string ProposeFor(ActionIntent intent) =>
        $"{Propose}.{intent.Kind.ToString().ToLowerInvariant()}.{intent.TargetId}";
}
