using TikTokBot.Reports;

namespace TikTokBot.Digests;

/// <summary>A built digest and its key in the one cache (null when it covers no campaign, so nothing was kept).</summary>
internal sealed record DigestBuild(OverviewSetKey? Key, IReadOnlyList<CampaignDigest> Digests)
{
    /// <summary>The overviews it was built from: what rendering it is kept as long as, and tagged with.</summary>
    public IReadOnlyList<CampaignOverview> Overviews { get; init; } = [];
}
