using System.Diagnostics.CodeAnalysis;
using TikTokBot.Domain.Alerts;

namespace TikTokBot.Alerts;

/// <summary>The Slack action ids of an alert's own buttons (the fix and pause buttons are Reports' and Actions').</summary>
public static class AlertButtonIds
{
    public const string Snooze = "alert.snooze";
    public const string Mute = "alert.mute";

    /// <summary>Undoes a mute or snooze, from the <c>alerts</c> list.</summary>
    public const string Unmute = "alert.unmute";
}

/// <summary>Which campaign and rule an alert button stands for.</summary>
public sealed record AlertTarget(string CampaignId, AlertRule Rule);

/// <summary>
/// <c>al1|&lt;campaign id&gt;|&lt;rule id&gt;</c>, the id percent-encoded. It carries no workspace: the campaign is looked up
/// among the presser's own workspace's campaigns, so a value forged for another workspace's campaign changes nothing.
/// </summary>
public static class AlertValue
{
    public const string Version = "al1";

    public static string Encode(AlertTarget target) => $"{Version}|{Uri.EscapeDataString(target.CampaignId)}|{target.Rule}";

    public static bool TryDecode(string? value, [NotNullWhen(true)] out AlertTarget? target)
    {
        target = null;
        var parts = (value ?? "").Split('|');
        if (parts.Length != 3 || parts[0] != Version || parts[1].Length is 0 or > 200 || !AlertRuleNames.TryParse(parts[2], out var rule))
        {
            return false;
        }

        try
        {
            target = new AlertTarget(Uri.UnescapeDataString(parts[1]), rule);
            return true;
        }
        catch (UriFormatException)
        {
            return false;
        }
    }
}

/// <summary>The rules as people read them.</summary>
public static class AlertRuleNames
{
    public static string Describe(AlertRule rule) => rule switch
    {
        AlertRule.SpendWithoutConversions => "Spend without conversions",
        AlertRule.CostPerResultHigh => "Cost per result high",
        AlertRule.CtrDrop => "CTR dropped",
        AlertRule.FrequencyWarning => "Frequency warning",
        AlertRule.FrequencyAlert => "Frequency alert",
        AlertRule.BudgetRunsOutEarly => "Budget runs out early",
        AlertRule.CreditRunsOut => "Ad credit runs out",
        AlertRule.CreditExpiresUnused => "Ad credit expires unused",
        AlertRule.LearningLimited => "Learning limited",
        _ => "No delivery",
    };

    /// <summary>Only a defined rule's exact name: digits or unknown names are refused.</summary>
    public static bool TryParse(string text, out AlertRule rule) =>
        Enum.TryParse(text, ignoreCase: false, out rule) && Enum.IsDefined(rule) && !char.IsDigit(text[0]);
}
