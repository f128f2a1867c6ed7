using TikTokBot.Reports;
using static TikTokBot.Digests.DigestBuilder;

namespace TikTokBot.Digests;

/// <summary>A digest shown now: the campaigns' parts, the overviews they were built from, and the closed day they report.</summary>
/// <param name="Notice">What the workspace must be told with it (demo data, a refused token), or null.</param>
internal sealed record DigestPreview(IReadOnlyList<CampaignDigest> Campaigns, IReadOnlyList<CampaignOverview> Overviews, DateOnly Day, string? Notice);
