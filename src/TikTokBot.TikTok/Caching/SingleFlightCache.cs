using System.Collections.Concurrent;

namespace TikTokBot.TikTok.Caching;

/// <summary>
/// A time-limited cache where concurrent asks for one key share one load. A load that fails is dropped at once,
/// so an error or a partial answer is never served from the cache.
/// </summary>
public sealed class SingleFlightCache(TimeProvider time, int sweepAbove = 10_000)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    // The shared load runs without any caller's token: one person giving up must not fail everyone waiting on it.
    public async Task<T> GetOrLoad<T>(string key, TimeSpan lifetime, Func<Task<T>> load, CancellationToken cancellationToken)
    {
        while (true)
        {
            var now = time.GetUtcNow();
            if (_entries.TryGetValue(key, out var existing) && existing.Expires > now && !existing.Failed)
            {
                return await ((Task<T>)existing.Load.Value).WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            // Lazy, so only the caller whose entry wins the race starts the load.
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
        if (_entries.Count <= sweepAbove)
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
