using TikTokBot.TikTok.Caching;

namespace TikTokBot.Reports;

/// <summary>
/// Something built from a set of overviews (a channel's digest), keyed by their keys, which hold the source, the days and
/// every input: a thousand channels subscribed to the same campaigns share one build.
/// </summary>
internal sealed record OverviewSetKey(KeyList<OverviewKey> Overviews) : CacheKey;
