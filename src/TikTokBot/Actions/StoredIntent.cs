using System.Globalization;
using TikTokBot.Domain.Actions;
using TikTokBot.Storage;

namespace TikTokBot.Actions;

/// <summary>What a stored action carries out, read from its record: the approved amount, never the percent again.</summary>
internal static class StoredIntent
{
    /// <summary>The stored action's intent; a budget change is the amount approved, so a retry cannot compound the change.</summary>
    public static ActionIntent Of(ActionRequestDetails d)
    {
        var id = d.AdGroupId ?? d.CampaignId;
        return d.Kind switch
        {
            ActionKind.Pause => ActionIntent.Pause(d.Level, id),
            ActionKind.Resume => ActionIntent.Resume(d.Level, id),
            _ => ActionIntent.ChangeBudget(d.Level, id, BudgetChange.To(Amount(d.ToValue))),
        };
    }

    /// <summary>A stored budget (<see cref="ActionRequestDetails.FromValue"/> or <see cref="ActionRequestDetails.ToValue"/>), in invariant text.</summary>
    public static decimal Amount(string stored) => decimal.Parse(stored, CultureInfo.InvariantCulture);
}
