using TikTokBot.Domain.Metrics;
using TikTokBot.TikTok.Calendar;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.TikTok.Caching;

/// <summary>Configuration <c>TikTok:Cache</c>: how long the report cache keeps figures and the reports built from them.</summary>
public sealed class MetricCacheOptions
{
    /// <summary>Figures that include today keep changing: keep them this long.</summary>
    public TimeSpan TodayLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The campaign list (names, ids, objectives, statuses): what every question resolves against before its figures
    /// are asked. Kept apart from the figures so a summary whose figures are not cached costs one round trip to TikTok,
    /// not two (the list, then the reports).
    /// </summary>
    public TimeSpan CampaignsLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Closed days rarely change (late attribution aside): keep them this long.</summary>
    public TimeSpan ClosedDaysLifetime { get; set; } = TimeSpan.FromHours(6);

    /// <summary>
    /// The most entries the app's one cache keeps, whatever their kind (rows, overviews, replies, settings...): past it,
    /// expired entries go first, then the least recently used.
    /// </summary>
    public int SizeLimit { get; set; } = ReportCache.DefaultSizeLimit;

    /// <summary>The lifetime of anything computed over <paramref name="range"/>, as of <paramref name="days"/>.</summary>
    public TimeSpan LifetimeOf(DateRange range, BusinessDays days) => days.IsOpen(range) ? TodayLifetime : ClosedDaysLifetime;
}

/// <summary>
/// The app's one cache in front of any source, each answer keyed by the source's name, the scope and the range, and
/// tagged with the source's advertisers (<paramref name="advertisers"/>), so a write to one of them drops its entries.
/// </summary>
public sealed class CachedMetricSource(IMetricSource inner, TimeProvider time, MetricCacheOptions options, ReportCache cache, string name, IReadOnlyList<string> advertisers)
    : IMetricSource
{
    private readonly BusinessCalendar _calendar = new(time);
    private readonly CacheTag[] _tags = advertisers.Select(CacheTag.Advertiser).ToArray();

    /// <summary>The source as cache keys name it.</summary>
    public string Name => name;

    /// <summary>The tags of every entry this source keeps: its advertisers.</summary>
    public IReadOnlyList<CacheTag> Tags => _tags;

    public Task<IReadOnlyList<CampaignInfo>> ListCampaignsAsync(CancellationToken cancellationToken) =>
        cache.GetOrLoad(new CampaignListKey(name), options.CampaignsLifetime, _tags, () => inner.ListCampaignsAsync(CancellationToken.None), cancellationToken);

    public Task<IReadOnlyList<CampaignInfo>> ListEndedCampaignsAsync(CancellationToken cancellationToken) =>
        cache.GetOrLoad(new CampaignListKey(name, Ended: true), options.CampaignsLifetime, _tags, () => inner.ListEndedCampaignsAsync(CancellationToken.None), cancellationToken);

    public Task<IReadOnlyList<DailyTotals>> GetDailyAsync(Scope scope, DateRange range, CancellationToken cancellationToken) =>
        cache.GetOrLoad(new DailyRowsKey(name, scope, range), Lifetime(range), _tags, () => inner.GetDailyAsync(scope, range, CancellationToken.None), cancellationToken);

    public Task<long?> GetReachAsync(Scope scope, DateRange range, CancellationToken cancellationToken) =>
        cache.GetOrLoad(new ReachKey(name, scope, range), Lifetime(range), _tags, () => inner.GetReachAsync(scope, range, CancellationToken.None), cancellationToken);

    public Task<IReadOnlyList<BreakdownRow>> GetBreakdownAsync(string campaignId, BreakdownDimension by, DateRange range, CancellationToken cancellationToken) =>
        cache.GetOrLoad(new BreakdownKey(name, campaignId, by, range), Lifetime(range), _tags,
            () => inner.GetBreakdownAsync(campaignId, by, range, CancellationToken.None), cancellationToken);

    public Task<IReadOnlyList<HourlyTotals>?> GetHourlyAsync(Scope scope, DateOnly day, CancellationToken cancellationToken) =>
        cache.GetOrLoad(new HourlyRowsKey(name, scope, day), Lifetime(new DateRange(day, day)), _tags,
            () => inner.GetHourlyAsync(scope, day, CancellationToken.None), cancellationToken);

    // The source does not know whose zone a range is in: a range that is still today anywhere is kept as briefly as today.
    private TimeSpan Lifetime(DateRange range) => options.LifetimeOf(range, _calendar.NowEverywhere());
}
