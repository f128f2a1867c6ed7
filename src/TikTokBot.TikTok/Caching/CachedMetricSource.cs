using System.Collections.Concurrent;
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

/// <summary>
/// One cache for every request, in front of any source. Concurrent asks for the same figures share one call to
/// the source (single flight); a failed call is forgotten at once, so an error or partial answer is never served
/// from the cache.
/// </summary>
public sealed class CachedMetricSource(IMetricSource inner, TimeProvider time, MetricCacheOptions options) : IMetricSource
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<CampaignInfo>> ListCampaignsAsync(CancellationToken cancellationToken) =>
        GetOrLoad("campaigns", options.TodayLifetime, () => inner.ListCampaignsAsync(CancellationToken.None), cancellationToken);

    public Task<IReadOnlyList<DailyTotals>> GetDailyAsync(Scope scope, DateRange range, CancellationToken cancellationToken) =>
        GetOrLoad($"daily|{scope}|{range}", Lifetime(range), () => inner.GetDailyAsync(scope, range, CancellationToken.None), cancellationToken);

    public Task<long?> GetReachAsync(Scope scope, DateRange range, CancellationToken cancellationToken) =>
        GetOrLoad($"reach|{scope}|{range}", Lifetime(range), () => inner.GetReachAsync(scope, range, CancellationToken.None), cancellationToken);

    public Task<IReadOnlyList<BreakdownRow>> GetBreakdownAsync(string campaignId, BreakdownDimension by, DateRange range, CancellationToken cancellationToken) =>
        GetOrLoad($"breakdown|{campaignId}|{by}|{range}", Lifetime(range), () => inner.GetBreakdownAsync(campaignId, by, range, CancellationToken.None), cancellationToken);

    private TimeSpan Lifetime(DateRange range) =>
        range.End >= DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime) ? options.TodayLifetime : options.ClosedDaysLifetime;

    // The shared call runs without the first caller's token: one person giving up must not fail everyone waiting on it.
    private async Task<T> GetOrLoad<T>(string key, TimeSpan lifetime, Func<Task<T>> load, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        while (true)
        {
            if (_entries.TryGetValue(key, out var existing) && existing.Expires > now && !existing.Failed)
            {
                return await ((Task<T>)existing.Load.Value).WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            // Lazy, so only the caller whose entry wins the race starts the call.
            var created = new Entry(new Lazy<Task>(() => load()), now + lifetime);
            var won = existing is null ? _entries.TryAdd(key, created) : _entries.TryUpdate(key, created, existing);
            if (!won)
            {
                continue;
            }

            Sweep(now);
            var task = (Task<T>)created.Load.Value;
            _ = task.ContinueWith(_ => _entries.TryRemove(new KeyValuePair<string, Entry>(key, created)),
                CancellationToken.None, TaskContinuationOptions.NotOnRanToCompletion, TaskScheduler.Default);
            return await task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private void Sweep(DateTimeOffset now)
    {
        if (_entries.Count <= options.SweepAbove)
        {
            return;
        }

        foreach (var (key, entry) in _entries)
        {
            if (entry.Expires <= now)
            {
                _entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
            }
        }
    }

    private sealed record Entry(Lazy<Task> Load, DateTimeOffset Expires)
    {
        public bool Failed => Load.IsValueCreated && (Load.Value.IsFaulted || Load.Value.IsCanceled);
    }
}
