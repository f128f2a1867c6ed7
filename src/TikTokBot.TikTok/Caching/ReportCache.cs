using System.Collections.Concurrent;
using TikTokBot.TikTok.Quota;

namespace TikTokBot.TikTok.Caching;

/// <summary>
/// What a cached value is, by value: every kind of entry is a record deriving from this one (<see cref="DailyRowsKey"/>,
/// an overview's key, a rendered view's key...), holding every input that changes the answer. Two keys of different
/// kinds are never equal, even with the same fields.
/// </summary>
public abstract record CacheKey;

/// <summary>What an entry was built for, so a write can drop everything it makes stale.</summary>
public enum CacheTagKind
{
    /// <summary>A Slack workspace: its settings, connections, permission answers, and what was built with them.</summary>
    Workspace,

    /// <summary>A TikTok advertiser account: its rows, campaign lists, and what was built from them.</summary>
    Advertiser,
}

/// <summary>A workspace or an advertiser an entry depends on.</summary>
public readonly record struct CacheTag(CacheTagKind Kind, string Id)
{
    public static CacheTag Workspace(string teamId) => new(CacheTagKind.Workspace, teamId);

    public static CacheTag Advertiser(string advertiserId) => new(CacheTagKind.Advertiser, advertiserId);
}

/// <summary>
/// The app's one cache: source rows, campaign lists, overviews, rendered replies (as bytes), account histories and
/// benchmarks, a workspace's settings and connections, permission answers. Keys are typed records (<see cref="CacheKey"/>);
/// concurrent asks for one key share one load (single flight); a load that fails is dropped at once, so an error is never
/// served; every entry carries the workspaces and advertisers it depends on (<see cref="CacheTag"/>) and a write that
/// changes one of them drops them all (<see cref="Invalidate"/>); the number of entries is bounded (<c>TikTok:Cache:SizeLimit</c>):
/// past it, expired entries go first, then the least recently used.
/// </summary>
/// <remarks>
/// Why this and not <c>Microsoft.Extensions.Caching.Hybrid</c> (served, 11.0.0): a caller joining a load another started
/// raises that load's TikTok call priority (<see cref="TikTokCallScope.Join"/>), which HybridCache's stampede protection has no
/// hook for; values are live objects (overviews, a reply's bytes) that HybridCache would serialise or copy on every read
/// unless each type were marked immutable and given a serialiser; expiries here are aligned to UTC windows so a report never
/// outlives the rows it was built from; and the inline-answer budget peeks synchronously (<see cref="TryPeek{T}"/>).
/// <para>Lifetime: a windowed entry (<see cref="GetOrLoad{T}(CacheKey, TimeSpan, Func{Task{T}}, CancellationToken)"/>) lives until
/// the end of the window of its lifetime it was made in, windows being aligned to UTC multiples of the lifetime (5-minute windows
/// start at :00, :05...), so everything cached in one window goes at once. A fresh-for entry (<see cref="GetOrLoadFor{T}"/>) lives
/// that long from its load. A lifetime of zero or less caches nothing.</para>
/// </remarks>
public sealed class ReportCache(TimeProvider time, int sizeLimit = ReportCache.DefaultSizeLimit)
{
    /// <summary>The default of <c>TikTok:Cache:SizeLimit</c>: entries, whatever their kind.</summary>
    public const int DefaultSizeLimit = 10_000;

    private readonly ConcurrentDictionary<CacheKey, Entry> _entries = new();
    private readonly int _sizeLimit = sizeLimit > 0 ? sizeLimit : throw new ArgumentOutOfRangeException(nameof(sizeLimit), sizeLimit, "TikTok:Cache:SizeLimit must be at least 1.");
    private int _count;
    private int _trimming;

    /// <summary>Entries held now (loaded or loading).</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>The most entries kept (<c>TikTok:Cache:SizeLimit</c>).</summary>
    public int SizeLimit => _sizeLimit;

    /// <summary>Drops one entry.</summary>
    public void Forget(CacheKey key)
    {
        if (_entries.TryRemove(key, out _))
        {
            Interlocked.Decrement(ref _count);
        }
    }

    /// <summary>
    /// Drops every entry tagged with <paramref name="tag"/>, loaded or still loading: called after each write that changes
    /// an input of theirs. Whoever waits on a load already under way still gets its answer once; nobody after gets it.
    /// </summary>
    /// <returns>How many entries were dropped.</returns>
    public int Invalidate(CacheTag tag)
    {
        // Writes are rare next to reads (a person saving a target), and the cache is bounded: a scan beats keeping an index per tag.
        var dropped = 0;
        foreach (var pair in _entries)
        {
            if (Array.IndexOf(pair.Value.Tags, tag) >= 0 && _entries.TryRemove(pair))
            {
                Interlocked.Decrement(ref _count);
                dropped++;
            }
        }

        return dropped;
    }

    /// <summary>The value under <paramref name="key"/>, loaded once per window of <paramref name="lifetime"/>.</summary>
    public Task<T> GetOrLoad<T>(CacheKey key, TimeSpan lifetime, Func<Task<T>> load, CancellationToken cancellationToken) =>
        GetOrLoad(key, lifetime, [], load, cancellationToken);

    /// <summary>The same, dropped by <see cref="Invalidate"/> for any of <paramref name="tags"/>.</summary>
    public Task<T> GetOrLoad<T>(CacheKey key, TimeSpan lifetime, CacheTag[] tags, Func<Task<T>> load, CancellationToken cancellationToken) =>
        Load(key, lifetime, windowed: true, tags, load, cancellationToken);

    /// <summary>The value under <paramref name="key"/>, kept for <paramref name="freshFor"/> from its load (not window-aligned).</summary>
    public Task<T> GetOrLoadFor<T>(CacheKey key, TimeSpan freshFor, CacheTag[] tags, Func<Task<T>> load, CancellationToken cancellationToken) =>
        Load(key, freshFor, windowed: false, tags, load, cancellationToken);

    // A value already loaded and still fresh is answered as its own completed task: no state machine and no wait on the
    // path every cached reply takes.
    private Task<T> Load<T>(CacheKey key, TimeSpan lifetime, bool windowed, CacheTag[] tags, Func<Task<T>> load, CancellationToken cancellationToken)
    {
        if (lifetime > TimeSpan.Zero && _entries.TryGetValue(key, out var kept) && !kept.Failed && kept.Load.IsValueCreated &&
            kept.Load.Value is Task<T> { IsCompletedSuccessfully: true } done)
        {
            var now = time.GetUtcNow();
            if (kept.Expires > now)
            {
                kept.LastUsed = now.UtcTicks;
                return done;
            }
        }

        return LoadAsync(key, lifetime, windowed, tags, load, cancellationToken);
    }

    // The shared load runs without any caller's token: one person giving up must not fail everyone waiting on it.
    private async Task<T> LoadAsync<T>(CacheKey key, TimeSpan lifetime, bool windowed, CacheTag[] tags, Func<Task<T>> load, CancellationToken cancellationToken)
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
                existing.LastUsed = now.UtcTicks;
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
            }), windowed ? EndOfWindow(now, lifetime) : now + lifetime, priority, tags) { LastUsed = now.UtcTicks };
            if (existing is null)
            {
                if (!_entries.TryAdd(key, created))
                {
                    continue;
                }

                if (Interlocked.Increment(ref _count) > _sizeLimit)
                {
                    Trim(now, key);
                }
            }
            else if (!_entries.TryUpdate(key, created, existing))
            {
                continue;
            }

            var task = (Task<T>)created.Load.Value;
            _ = task.ContinueWith(_ =>
            {
                if (_entries.TryRemove(new KeyValuePair<CacheKey, Entry>(key, created)))
                {
                    Interlocked.Decrement(ref _count);
                }
            }, CancellationToken.None, TaskContinuationOptions.NotOnRanToCompletion, TaskScheduler.Default);
            return await task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The value under <paramref name="key"/> when it is loaded and still fresh; never starts a load.</summary>
    public bool TryPeek<T>(CacheKey key, out T? value)
    {
        var now = time.GetUtcNow();
        if (_entries.TryGetValue(key, out var entry) && entry.Expires > now && entry.Load.IsValueCreated &&
            entry.Load.Value is Task<T> { IsCompletedSuccessfully: true } done)
        {
            entry.LastUsed = now.UtcTicks;
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

    // Over the bound: expired entries go, then the least recently used (never the one just added) down to nine tenths of the bound, so the next
    // few additions do not trim again. One caller trims at a time; the others carry on.
    private void Trim(DateTimeOffset now, CacheKey added)
    {
        if (Interlocked.Exchange(ref _trimming, 1) == 1)
        {
            return;
        }

        try
        {
            foreach (var pair in _entries)
            {
                if (pair.Value.Expires <= now && _entries.TryRemove(pair))
                {
                    Interlocked.Decrement(ref _count);
                }
            }

            var target = _sizeLimit - (_sizeLimit / 10);
            if (Count <= target)
            {
                return;
            }

            var byUse = _entries.ToArray();
            Array.Sort(byUse, static (a, b) => a.Value.LastUsed.CompareTo(b.Value.LastUsed));
            foreach (var pair in byUse)
            {
                if (Count <= target)
                {
                    break;
                }

                // The entry just added is what its caller is waiting for: never its own victim.
                if (!pair.Key.Equals(added) && _entries.TryRemove(pair))
                {
                    Interlocked.Decrement(ref _count);
                }
            }
        }
        finally
        {
            Volatile.Write(ref _trimming, 0);
        }
    }

    private sealed class Entry(Lazy<Task> load, DateTimeOffset expires, TikTokCallPriorityCell priority, CacheTag[] tags)
    {
        public Lazy<Task> Load { get; } = load;

        public DateTimeOffset Expires { get; } = expires;

        public TikTokCallPriorityCell Priority { get; } = priority;

        public CacheTag[] Tags { get; } = tags;

        /// <summary>UTC ticks of the last ask: the least recently used go first when the cache is over its bound.</summary>
        public long LastUsed { get; set; }

        public bool Failed => Load.IsValueCreated && (Load.Value.IsFaulted || Load.Value.IsCanceled);
    }
}
