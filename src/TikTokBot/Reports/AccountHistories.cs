using TikTokBot.Accounts;
using TikTokBot.Domain.Benchmarks;
using TikTokBot.TikTok.Caching;
using TikTokBot.TikTok.Calendar;

namespace TikTokBot.Reports;

/// <summary>
/// The account histories of every workspace source, one per source: a workspace's connected advertisers have theirs, the
/// deployment's own source and the demo data theirs. Two workspaces share one only when they read the same source (the same
/// advertisers through the same token, or the demo), so one never sees another's campaigns.
/// </summary>
internal sealed class AccountHistories(
    ReportCache cache, MetricCacheOptions cacheOptions, AccountBenchmarkOptions options, BusinessCalendar calendar, Storage.AccountHistoryStore store)
{
    public AccountBenchmarkOptions Options => options;

    /// <summary>
    /// The history of <paramref name="source"/>. Keyed in the one cache by its name, which stands for its advertisers and token:
    /// any source under one name reads the same figures, and the cache under that name holds one read per day for all of them.
    /// A history holds nothing of its own, so one is made per ask.
    /// </summary>
    public AccountHistory For(WorkspaceSource source) => new(source.Source, source.Name, cache, cacheOptions, options, calendar, store, source.Tags);
}
