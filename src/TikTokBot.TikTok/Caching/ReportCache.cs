using System.Collections.Concurrent;
using TikTokBot.Domain.Metrics;
using TikTokBot.TikTok.Quota;

namespace TikTokBot.TikTok.Caching;

/// <summary>
/// What a cached report is, by value. <see cref="Source"/> says where the figures come from (the configured data source
/// today; a workspace's advertiser and token once accounts are per workspace, so two workspaces never share an entry
/// they should not), <see cref="Kind"/> what was computed, <see cref="Subject"/> of what (a campaign, a scope),
/// <see cref="Range"/> over which days, and <see cref="Variant"/> any further input that changes the answer (the
/// period's name, the success criteria...).
/// </summary>
public sealed record ReportKey(string Source, string Kind, string Subject, DateRange Range, string Variant = "");

/// <summary>
/// The one cache of figures and reports: source rows and the reports built from them share it. Concurrent asks for one
/// key share one load (single flight); a load that fails is dropped at once, so an error is never served.
/// </summary>
/// <remarks>
/// Lifetime: an entry lives until the end of the window of its lifetime it was made in, windows being aligned to UTC
/// multiples of the lifetime (5-minute windows start at :00, :05...). So everything cached in one window goes at once,
/// and a report never outlives the rows it was built from. A lifetime of zero or less caches nothing.
/// </remarks>
public sealed class ReportCache(TimeProvider time, int sweepAbove = 10_000)
{
    private readonly ConcurrentDictionary<ReportKey, Entry> _entries = new();

    public int Count => _entries.Count;

    /// <summary>Drops one entry, for a change the app made itself (a simulated action) that the next read must show.</summary>
    public void Forget(ReportKey key) => _entries.TryRemove(key, out _);

    // The shared load runs without any caller's token: one person giving up must not fail everyone waiting on it.
    public async Task<T> GetOrLoad<T>(ReportKey key, TimeSpan lifetime, Func<Task<T>> load, CancellationToken cancellationToken)
    {
        if (lifetime <= TimeSpan.Zero)
        {
            return await load().WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        while (true)
        {
            var now = time.GetUtcNow();
            if (_entries.TryGetValue(key, out var existing) && existing.Expires > now && !existing.Failed)
            {
                // Waiting on a load another caller started: its TikTok calls go at least at this caller's priority.
                TikTokCallScope.Join(existing.Priority);
                return await ((Task<T>)existing.Load.Value).WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            // Lazy, so only the caller whose entry wins the race starts the load.
            // The load gets a priority of its own, so a more urgent caller joining it raises the load, not its starter's other work.
            var priority = TikTokCallScope.Branch();
            var created = new Entry(new Lazy<Task>(() =>
            {
                using (TikTokCallScope.Use(priority))
                {
                    return load();
                }
            }), EndOfWindow(now, lifetime), priority);
            var won = existing is null ? _entries.TryAdd(key, created) : _entries.TryUpdate(key, created, existing);
            if (!won)
            {
                continue;
            }

            Sweep(now);
            var task = (Task<T>)created.Load.Value;
            _ = task.ContinueWith(_ => _entries.TryRemove(new KeyValuePair<ReportKey, Entry>(key, created)),
                CancellationToken.None, TaskContinuationOptions.NotOnRanToCompletion, TaskScheduler.Default);
            return await task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The value under <paramref name="key"/> when it is loaded and still fresh; never starts a load.</summary>
    public bool TryPeek<T>(ReportKey key, out T? value)
    {
        if (_entries.TryGetValue(key, out var entry) && entry.Expires > time.GetUtcNow() && entry.Load.IsValueCreated &&
            entry.Load.Value is Task<T> { IsCompletedSuccessfully: true } done)
        {
            value = done.Result;
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>The end of the lifetime-long window, aligned to the UTC epoch, that <paramref name="now"/> falls in.</summary>
    public static DateTimeOffset EndOfWindow(DateTimeOffset now, TimeSpan lifetime)
    {
        var ticks = now.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % lifetime.Ticks) + lifetime.Ticks, TimeSpan.Zero);
    }

    private void Sweep(DateTimeOffset now)
    {
        if (_entries.Count <= sweepAbove)
        {
            return;
        }

        foreach (var (key, entry) in _entries)
        {
            if (entry.Expires <= now)
            {
                _entries.TryRemove(new KeyValuePair<ReportKey, Entry>(key, entry));
            }
        }
    }

    private sealed record Entry(Lazy<Task> Load, DateTimeOffset Expires, TikTokCallPriorityCell Priority)
    {
        public bool Failed => Load.IsValueCreated && (Load.Value.IsFaulted || Load.Value.IsCanceled);
    }
}
