using TikTokBot.Reports;
using TikTokBot.TikTok.Caching;

namespace TikTokBot.Digests;

/// <summary>A digest built from a set of overviews (their keys hold the source, the days and every input): a thousand channels subscribed to the same campaigns share one build.</summary>
public sealed record DigestKey(KeyList<OverviewKey> Overviews) : CacheKey;
