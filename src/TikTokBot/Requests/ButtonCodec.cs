using System.Diagnostics.CodeAnalysis;
using TikTokBot.Domain.Actions;
using TikTokBot.Domain.Alerts;
using TikTokBot.Domain.Metrics;
using TikTokBot.TikTok.Calendar;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.Requests;

/// <summary>
/// The one codec for every button and menu value the app puts in Slack. A value is a tag naming its kind and version,
/// then its fields, separated by <c>|</c>; text fields are percent-encoded, so an id or name holding <c>|</c> comes back
/// unchanged:
/// <list type="bullet">
/// <item><c>r1|campaign|period|breakdown</c>: <see cref="ReportRequest"/></item>
/// <item><c>c1|campaign|period|metric</c>: <see cref="ChartRequest"/></item>
/// <item><c>al1|campaign|rule</c>: <see cref="AlertTarget"/></item>
/// <item><c>p1|campaign|pause,resume,budget|campaign,adgroup|target|change</c>: <see cref="ProposalRequest"/></item>
/// <item><c>a1|action id</c>: <see cref="ActionReference"/></item>
/// <item><c>ft1|campaign|ad group (empty for the campaign)|rule</c>: <see cref="FindingTarget"/></item>
/// <item><c>f1|fix id</c>: <see cref="FixReference"/></item>
/// <item><c>fa1|campaign|ad group (empty for the campaign)|alert rule</c>: <see cref="AlertFinding"/></item>
/// </list>
/// A new field means a new tag (<c>r2</c>) beside the old one, because buttons stay pressable in Slack's history for
/// years. Anything no tag wrote (a tampered or truncated value, an unknown enum name, a number where a name belongs) is
/// refused, never guessed at.
/// </summary>
internal static class ButtonCodec
{
    private const char Separator = '|';

    /// <summary>The longest id a value carries; TikTok's are 19 digits, a name typed as an id stays far below.</summary>
    private const int MaxIdLength = 200;

    public static string Encode(ButtonValue value) => value switch
    {
        ReportRequest r => Join("r1", Text(r.CampaignId), r.Period.ToString(), r.By?.ToString() ?? ""),
        ChartRequest c => Join("c1", Text(c.CampaignId), c.Period.ToString(), c.Metric.ToString()),
        AlertTarget a => Join("al1", Text(a.CampaignId), a.Rule.ToString()),
        ProposalRequest p => Join("p1", Text(p.CampaignId), p.Intent.Kind.ToString().ToLowerInvariant(),
            p.Intent.Level == ActionLevel.Campaign ? "campaign" : "adgroup", Text(p.Intent.TargetId), p.Intent.Budget?.ToString() ?? ""),
        ActionReference a => Join("a1", a.ActionId),
        FindingTarget f => Join("ft1", Text(f.CampaignId), f.AdGroupId is null ? "" : Text(f.AdGroupId), f.RuleId),
        FixReference f => Join("f1", f.FixId),
        AlertFinding a => Join("fa1", Text(a.CampaignId), a.AdGroupId is null ? "" : Text(a.AdGroupId), a.Rule.ToString()),
        _ => throw new ArgumentOutOfRangeException(nameof(value), value.GetType().Name, "No tag for this kind of value."),
    };

    /// <summary>The value of the kind asked for; false for any other kind or for a value no tag wrote.</summary>
    public static bool TryDecode<T>(string? text, [NotNullWhen(true)] out T? value)
        where T : ButtonValue
    {
        value = TryDecode(text, out var any) ? any as T : null;
        return value is not null;
    }

    public static bool TryDecode(string? text, [NotNullWhen(true)] out ButtonValue? value)
    {
        var parts = (text ?? "").Split(Separator);
        value = parts switch
        {
            ["r1", var id, var period, var by] => Report(id, period, by),
            ["c1", var id, var period, var metric] => Chart(id, period, metric),
            ["al1", var id, var rule] => Alert(id, rule),
            ["p1", var id, var kind, var level, var target, var change] => Proposal(id, kind, level, target, change),
            ["a1", var actionId] => Action(actionId),
            ["ft1", var id, var adGroup, var rule] => Finding(id, adGroup, rule),
            ["f1", var fixId] => SafeId(fixId) ? new FixReference(fixId) : null,
            ["fa1", var id, var adGroup, var rule] => AlertTaken(id, adGroup, rule),
            // Report buttons from before the tags (<id>|<period>[|<breakdown>]) are still in Slack's history.
            [var id, var period] when !IsTag(id) => Report(Uri.EscapeDataString(id), period, ""),
            [var id, var period, var by] when !IsTag(id) => Report(Uri.EscapeDataString(id), period, by),
            _ => null,
        };
        return value is not null;
    }

    private static ReportRequest? Report(string id, string period, string by) =>
        Id(id) is { } campaign && PeriodOf(period) is { } p && (by.Length == 0 || Name<BreakdownDimension>(by, ignoreCase: true) is not null)
            ? new ReportRequest(campaign, p, by.Length == 0 ? null : Name<BreakdownDimension>(by, ignoreCase: true))
            : null;

    private static ChartRequest? Chart(string id, string period, string metric) =>
        Id(id) is { } campaign && PeriodOf(period) is { } p && Name<MetricId>(metric, ignoreCase: false) is { } m ? new ChartRequest(campaign, p, m) : null;

    private static AlertTarget? Alert(string id, string rule) =>
        Id(id) is { } campaign && Name<AlertRule>(rule, ignoreCase: false) is { } r ? new AlertTarget(campaign, r) : null;

    private static ProposalRequest? Proposal(string id, string kind, string level, string target, string change)
    {
        ActionLevel? actionLevel = level switch { "campaign" => ActionLevel.Campaign, "adgroup" => ActionLevel.AdGroup, _ => null };
        if (Id(id) is not { } campaign || Id(target) is not { } targetId || actionLevel is not { } l)
        {
            return null;
        }

        // The same rule for a change as the typed command's, so a button cannot ask for what the command would refuse.
        ActionIntent? intent = kind switch
        {
            "pause" when change.Length == 0 => ActionIntent.Pause(l, targetId),
            "resume" when change.Length == 0 => ActionIntent.Resume(l, targetId),
            "budget" when BudgetChange.TryParse(change, out var budget) => ActionIntent.ChangeBudget(l, targetId, budget),
            _ => null,
        };
        return intent is null ? null : new ProposalRequest(campaign, intent);
    }

    private static ActionReference? Action(string id) => SafeId(id) ? new ActionReference(id) : null;

    private static FindingTarget? Finding(string id, string adGroup, string rule) =>
        Id(id) is { } campaign && (adGroup.Length == 0 || Id(adGroup) is not null) && SafeId(rule)
            ? new FindingTarget(campaign, adGroup.Length == 0 ? null : Id(adGroup), rule)
            : null;

    private static AlertFinding? AlertTaken(string id, string adGroup, string rule) =>
        Id(id) is { } campaign && (adGroup.Length == 0 || Id(adGroup) is not null) && Name<AlertRule>(rule, ignoreCase: false) is { } r
            ? new AlertFinding(campaign, adGroup.Length == 0 ? null : Id(adGroup), r)
            : null;

    /// <summary>An id the app made itself (an action's, a fix's, a diagnosis rule's): letters, digits and dashes, 64 at most.</summary>
    private static bool SafeId(string id) => id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    private static string Join(params string[] parts) => string.Join(Separator, parts);

    private static string Text(string text) => Uri.EscapeDataString(text);

    private static bool IsTag(string part) => part is "r1" or "c1" or "al1" or "p1" or "a1" or "ft1" or "f1" or "fa1";

    private static string? Id(string encoded)
    {
        if (encoded.Length == 0)
        {
            return null;
        }

        try
        {
            var id = Uri.UnescapeDataString(encoded);
            return id.Length is > 0 and <= MaxIdLength ? id : null;
        }
        catch (UriFormatException)
        {
            return null;
        }
    }

    private static Period? PeriodOf(string word) => Period.TryParse(word, out var period, out _) ? period : null;

    /// <summary>A defined member by its name; a number (which <see cref="Enum.TryParse{TEnum}(string, out TEnum)"/> would take) is refused.</summary>
    private static T? Name<T>(string text, bool ignoreCase)
        where T : struct, Enum =>
        text.Length > 0 && !char.IsDigit(text[0]) && text[0] != '-' && Enum.TryParse<T>(text, ignoreCase, out var value) && Enum.IsDefined(value) ? value : null;

    /// <summary>
    /// What a button or menu option stands for. Every value Slack sends back is one of these, written and read by
    /// <see cref="ButtonCodec"/> alone. None carries a workspace: the presser's workspace comes from Slack's signed
    /// payload, and whatever a value names is looked up there, so a value copied to or forged in another workspace finds nothing.
    /// </summary>
    internal abstract record ButtonValue;

    /// <summary>Confirm, Cancel, Approve, Reject, Undo: the action by its id, looked up in the presser's own workspace alone.</summary>
    internal sealed record ActionReference(string ActionId) : ButtonValue;

    /// <summary>
    /// An alert's finding, to take or assign as a fix: the campaign (and the ad group the alert names, when it names one)
    /// and the alert's rule. Looked up again in the presser's workspace: the alert must have been sent there.
    /// </summary>
    internal sealed record AlertFinding(string CampaignId, string? AdGroupId, AlertRule Rule) : ButtonValue;

    /// <summary>An alert's snooze, mute or undo: which campaign and rule it stands for.</summary>
    internal sealed record AlertTarget(string CampaignId, AlertRule Rule) : ButtonValue;

    /// <summary>An option of "Chart another metric…": the campaign by its exact id, the period and the metric.</summary>
    internal sealed record ChartRequest(string CampaignId, Period Period, MetricId Metric) : ButtonValue;

    /// <summary>
    /// "I'll take it" and "Assign…" under a finding: the campaign, the ad group when the finding names one, and the
    /// finding's rule. The finding itself (title, metric, standing) is read again from the presser's own workspace.
    /// </summary>
    internal sealed record FindingTarget(string CampaignId, string? AdGroupId, string RuleId) : ButtonValue;

    /// <summary>A fix's "Done": the fix it names, looked up in the presser's own workspace.</summary>
    internal sealed record FixReference(string FixId) : ButtonValue;

    /// <summary>A fix's or an alert's action button: the campaign (its advertiser is found through the workspace) and the intent on it or one of its ad groups.</summary>
    internal sealed record ProposalRequest(string CampaignId, ActionIntent Intent) : ButtonValue;

    /// <summary>A report's button or menu option: the campaign by its exact id, the period, and for the menu the breakdown.</summary>
    internal sealed record ReportRequest(string CampaignId, Period Period, BreakdownDimension? By = null) : ButtonValue;
}
