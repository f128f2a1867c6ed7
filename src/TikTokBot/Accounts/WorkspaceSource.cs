using TikTokBot.TikTok.Caching;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.Accounts;

/// <summary>Where one workspace's figures come from; <see cref="Name"/> is the cache keys' Source for them.</summary>
internal sealed record WorkspaceSource(IMetricSource Source, CampaignFactsLoader Loader, string Name, bool IsDemo)
{
    /// <summary>The advertisers the source reads, as the one cache tags what is built from it (none for an export).</summary>
    public CacheTag[] Tags { get; init; } = [];

    /// <summary>What every reply to this workspace must say besides its answer: demo figures, a token TikTok refused; null when nothing.</summary>
    public string? Notice { get; init; }
}
