using System.Diagnostics.CodeAnalysis;
using TikTokBot.Domain.Actions;

namespace TikTokBot.Actions;

/// <summary>The Slack action ids of the action buttons.</summary>
public static class ActionButtonIds
{
    public const string Confirm = "action.confirm";
    public const string Cancel = "action.cancel";
    public const string Approve = "action.approve";
    public const string Reject = "action.reject";
    public const string Undo = "action.undo";

    /// <summary>On a fix or an alert: starts a proposal (the value is a <see cref="ProposalValue"/>).</summary>
    public const string Propose = "action.propose";

    /// <summary>
    /// A proposal button's id when a message carries several: Slack wants ids unique within a block, so each is named
    /// by what it proposes (<c>action.propose.pause.&lt;target&gt;</c>); the handler is registered for the prefix.
    /// </summary>
    public static string ProposeFor(ActionIntent intent) =>
        $"{Propose}.{intent.Kind.ToString().ToLowerInvariant()}.{intent.TargetId}";
}

/// <summary>
/// What Confirm, Cancel, Approve, Reject and Undo carry: <c>a1|&lt;action id&gt;</c> and nothing else. The id is looked
/// up in the presser's own workspace, so a value copied from (or forged for) another workspace finds nothing.
/// </summary>
public static class ActionValue
{
    public const string Version = "a1";

    public static string Encode(string actionId) => $"{Version}|{actionId}";

    public static bool TryDecode(string? value, [NotNullWhen(true)] out string? actionId)
    {
        var parts = (value ?? "").Split('|');
        actionId = parts.Length == 2 && parts[0] == Version && parts[1].Length is > 0 and <= 64 && parts[1].All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            ? parts[1]
            : null;
        return actionId is not null;
    }
}

/// <summary>What a fix's button proposes: the campaign (its advertiser is found through the workspace) and the intent on it or on one of its ad groups.</summary>
public sealed record ProposalRequest(string CampaignId, ActionIntent Intent);

/// <summary><c>p1|&lt;campaign id&gt;|pause|resume|budget|campaign|adgroup|&lt;target id&gt;|&lt;change&gt;</c>, ids percent-encoded.</summary>
public static class ProposalValue
{
    public const string Version = "p1";

    public static string Encode(ProposalRequest request) =>
        string.Join('|', Version, Uri.EscapeDataString(request.CampaignId), request.Intent.Kind.ToString().ToLowerInvariant(),
            request.Intent.Level == ActionLevel.Campaign ? "campaign" : "adgroup", Uri.EscapeDataString(request.Intent.TargetId), request.Intent.Budget?.ToString() ?? "");

    public static bool TryDecode(string? value, [NotNullWhen(true)] out ProposalRequest? request)
    {
        request = null;
        var parts = (value ?? "").Split('|');
        if (parts.Length != 6 || parts[0] != Version || parts[1].Length == 0 || parts[4].Length == 0)
        {
            return false;
        }

        // The same text as the command's, so a button cannot ask for what the command would refuse to parse.
        var words = new List<string> { parts[2], parts[3], "x" };
        if (parts[5].Length > 0)
        {
            words.Add(parts[5]);
        }

        if (ActionCommandText.Parse(words) is not Commands.MetricsCommand.Act act)
        {
            return false;
        }

        try
        {
            request = new ProposalRequest(Uri.UnescapeDataString(parts[1]), act.Intent with { TargetId = Uri.UnescapeDataString(parts[4]) });
            return true;
        }
        catch (UriFormatException)
        {
            return false;
        }
    }
}
