using TikTokBot.Domain.Objectives;
using TikTokBot.Storage;

namespace TikTokBot.Settings;

/// <summary>The team's success criteria and credit windows, read once for a batch of campaigns.</summary>
internal sealed record CampaignSettings(IReadOnlyDictionary<string, SuccessCriteria> Criteria, IReadOnlyList<AdCreditWindow> CreditWindows)
{
    public SuccessCriteria? CriteriaFor(string campaignId) => Criteria.GetValueOrDefault(campaignId);

    /// <summary>The campaign's most recently started credit window, if the team entered one.</summary>
    public AdCreditWindow? CreditFor(string campaignId) => CreditWindows.LatestFor(campaignId);
}
