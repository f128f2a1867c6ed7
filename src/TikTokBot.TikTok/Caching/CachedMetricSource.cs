using TikTokBot.Domain.Metrics;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.TikTok.Caching;

/// <summary>Configuration <c>TikTok:Cache</c>.</summary>
public sealed class MetricCacheOptions
{
    /// <summary>Figures that include today keep changing: keep them this long.</summary>
    public TimeSpan TodayLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Closed days rarely change (late attribution aside): keep them this long.</summary>
    public TimeSpan ClosedDaysLifetime { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Beyond this many entries, expired ones are swept out on the next write.</summary>
    public int SweepAbove { get; set; } = 10_000;
}

/// <summary>One cache for every request, in front of any source: single flight, and failures are never kept.</summary>
public sealed class CachedMetricSource(IMetricSource inner, TimeProvider time, MetricCacheOptions options) : IMetricSource
{
    private readonly SingleFlightCache _cache = new(time, options.SweepAbove);

    public Task<IReadOnlyList<CampaignInfo>> ListCampaignsAsync(CancellationToken cancellationToken) =>
        _cache.GetOrLoad("campaigns", options.TodayLifetime, () => inner.ListCampaignsAsync(CancellationToken.None), cancellationToken);

    public Task<IReadOnlyList<DailyTotals>> GetDailyAsync(Scope scope, DateRange range, CancellationToken cancellationToken) =>
        _cache.GetOrLoad($"daily|{scope}|{range}", Lifetime(range), () => inner.GetDailyAsync(scope, range, CancellationToken.None), cancellationToken);

    public Task<long?> GetReachAsync(Scope scope, DateRange range, CancellationToken cancellationToken) =>
        _cache.GetOrLoad($"reach|{scope}|{range}", Lifetime(range), () => inner.GetReachAsync(scope, range, CancellationToken.None), cancellationToken);

    public Task<IReadOnlyList<BreakdownRow>> GetBreakdownAsync(string campaignId, BreakdownDimension by, DateRange range, CancellationToken cancellationToken) =>
        _cache.GetOrLoad($"breakdown|{campaignId}|{by}|{range}", Lifetime(range), () => inner.GetBreakdownAsync(campaignId, by, range, CancellationToken.None), cancellationToken);

    private TimeSpan Lifetime(DateRange range) =>
        range.End >= DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime) ? options.TodayLifetime : options.ClosedDaysLifetime;
}
