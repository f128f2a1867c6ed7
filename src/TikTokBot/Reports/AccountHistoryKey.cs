using TikTokBot.Domain.Metrics;
using TikTokBot.TikTok.Caching;

namespace TikTokBot.Reports;

/// <summary>
/// A source's account history over <see cref="Window"/>: <see cref="ClosedDays"/> is each advertiser time zone's
/// yesterday (<c>zone=yyyy-MM-dd;...</c>), so the key changes when any advertiser's day closes and that day's history is
/// read once; the source's name stands for its advertisers and token, so two workspaces on different advertisers never share it.
/// </summary>
internal sealed record AccountHistoryKey(string Source, DateRange Window, string ClosedDays) : CacheKey;
