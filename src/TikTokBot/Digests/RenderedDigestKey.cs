using TikTokBot.Reports;
using TikTokBot.TikTok.Caching;

namespace TikTokBot.Digests;

/// <summary>A built digest rendered for one header, late note, notice and chart limit: rendered once for every channel that shows it so.</summary>
internal sealed record RenderedDigestKey(OverviewSetKey Digest, DateOnly Day, string? Note, string? Notice, int MaxCharts) : CacheKey;
