using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Objectives;
using TikTokBot.Storage;
using TikTokBot.TikTok.Caching;

namespace TikTokBot.Reports;

/// <summary>
/// A campaign's overview in the app's one cache: every input of the answer by value. The workspace it was built for (its
/// settings are inputs, so its entries are its own and a write to it drops exactly them), the source and campaign, the range,
/// today (learning and credit are judged as of it), the campaign's name, objective and status (a renamed campaign must not
/// be shown under its old name), the criteria, the credit window, and how many campaigns the account's benchmark was read
/// over (an overview built before the account's history was read is not the one built after it). Its entry is tagged with
/// the workspace and the source's advertisers, so saving a target or a credit window drops it at once; the
/// criteria and credit are in the key too, so a change saved by another instance is never answered with the old figures
/// once this one reads the settings again.
/// </summary>
internal sealed record OverviewKey(
    string Source, string CampaignId, DateRange Range, DateOnly Today = default, string Name = "", string ObjectiveType = "", string Status = "",
    SuccessCriteria? Criteria = null, AdCreditWindow? Credit = null, int? AccountCampaigns = null, string TeamId = "") : CacheKey;
