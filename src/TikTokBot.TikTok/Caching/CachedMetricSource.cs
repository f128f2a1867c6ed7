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

    /// <summary>Beyond this many entries, expired ones are swept out on the next write.</summary>
    public int SweepAbove { get; set; } = 10_000;

    /// <summary>The lifetime of anything computed over <paramref name="range"/>, as of <paramref name="days"/>.</summary>
    public TimeSpan LifetimeOf(DateRange range, BusinessDays days) => days.IsOpen(range) ? TodayLifetime : ClosedDaysLifetime;
}

/// <summary>The report cache in front of any source, each answer keyed by the source's name, the scope and the range.</summary>
public sealed class CachedMetricSource(IMetricSource inner, TimeProvider time, MetricCacheOptions options, ReportCache? cache = null, string name = "source")
    : IMetricSource
{
    private readonly ReportCache _cache = cache ?? new ReportCache(time, options.SweepAbove);
    private readonly BusinessCalendar _calendar = new(time);

    /// <summary>The source as report keys name it.</summary>
    public string Name => name;

    /// <summary>Where the campaign list of the source called <paramref name="source"/> is cached.</summary>
    public static ReportKey CampaignsKey(string source) => new(source, "campaigns", "", default);

    public Task<IReadOnlyList<CampaignInfo>> ListCampaignsAsync(CancellationToken cancellationToken) =>
        _cache.GetOrLoad(CampaignsKey(name), options.CampaignsLifetime, () => inner.ListCampaignsAsync(CancellationToken.None), cancellationToken);

    public Task<IReadOnlyList<CampaignInfo>> ListEndedCampaignsAsync(CancellationToken cancellationToken) =>
        _cache.GetOrLoad(new ReportKey(name, "ended-campaigns", "", default), options.CampaignsLifetime, () => inner.ListEndedCampaignsAsync(CancellationToken.None), cancellationToken);

    public Task<IReadOnlyList<DailyTotals>> GetDailyAsync(Scope scope, DateRange range, CancellationToken cancellationToken) =>
        _cache.GetOrLoad(new ReportKey(name, "daily", scope.ToString(), range), Lifetime(range), () => inner.GetDailyAsync(scope, range, CancellationToken.None), cancellationToken);

    public Task<long?> GetReachAsync(Scope scope, DateRange range, CancellationToken cancellationToken) =>
        _cache.GetOrLoad(new ReportKey(name, "reach", scope.ToString(), range), Lifetime(range), () => inner.GetReachAsync(scope, range, CancellationToken.None), cancellationToken);

    public Task<IReadOnlyList<BreakdownRow>> GetBreakdownAsync(string campaignId, BreakdownDimension by, DateRange range, CancellationToken cancellationToken) =>
        _cache.GetOrLoad(new ReportKey(name, "breakdown", campaignId, range, by.ToString()), Lifetime(range),
            () => inner.GetBreakdownAsync(campaignId, by, range, CancellationToken.None), cancellationToken);

    public Task<IReadOnlyList<HourlyTotals>?> GetHourlyAsync(Scope scope, DateOnly day, CancellationToken cancellationToken) =>
        _cache.GetOrLoad(new ReportKey(name, "hourly", scope.ToString(), new DateRange(day, day)), Lifetime(new DateRange(day, day)),
            () => inner.GetHourlyAsync(scope, day, CancellationToken.None), cancellationToken);

    // The source does not know whose zone a range is in: a range that is still today anywhere is kept as briefly as today.
    private TimeSpan Lifetime(DateRange range) => options.LifetimeOf(range, _calendar.NowEverywhere());
}
