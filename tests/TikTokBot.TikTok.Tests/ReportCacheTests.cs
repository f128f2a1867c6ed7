using TikTokBot.Domain.Metrics;
using TikTokBot.TikTok.Caching;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.TikTok.Tests;

public sealed class ReportCacheTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly DateRange Week = DateRange.Ending(Today.AddDays(-1), 7);
    private static readonly Scope Campaign42 = Scope.Campaign("42");

    [Fact]
    public async Task Keys_with_the_same_values_share_one_entry_and_any_other_value_is_another_entry()
    {
        var cache = new ReportCache(new MovableClock(Today));
        var loads = 0;
        Task<string> Load() => Task.FromResult($"load {++loads}");

        var first = await cache.GetOrLoad(new DailyRowsKey("demo", Campaign42, Week), TimeSpan.FromMinutes(5), Load, CancellationToken.None);
        var again = await cache.GetOrLoad(new DailyRowsKey("demo", Campaign42, Week), TimeSpan.FromMinutes(5), Load, CancellationToken.None);
        await cache.GetOrLoad(new DailyRowsKey("demo", Scope.Campaign("43"), Week), TimeSpan.FromMinutes(5), Load, CancellationToken.None);
        await cache.GetOrLoad(new DailyRowsKey("csv", Campaign42, Week), TimeSpan.FromMinutes(5), Load, CancellationToken.None);
        await cache.GetOrLoad(new DailyRowsKey("demo", Campaign42, DateRange.Ending(Today, 7)), TimeSpan.FromMinutes(5), Load, CancellationToken.None);

        Assert.Equal("load 1", first);
        Assert.Equal("load 1", again);
        Assert.Equal(4, loads);
        Assert.Equal(4, cache.Count);
    }

    [Fact]
    public async Task Keys_of_two_kinds_with_the_same_fields_are_two_entries()
    {
        // The rows of a day and the reach over it are asked with the same source, scope and range: the kind is the type, not a string.
        var cache = new ReportCache(new MovableClock(Today));

        var daily = await cache.GetOrLoad(new DailyRowsKey("demo", Campaign42, Week), TimeSpan.FromMinutes(5), () => Task.FromResult<object>("rows"), CancellationToken.None);
        var reach = await cache.GetOrLoad(new ReachKey("demo", Campaign42, Week), TimeSpan.FromMinutes(5), () => Task.FromResult<object>(1_234L), CancellationToken.None);

        Assert.Equal("rows", daily);
        Assert.Equal(1_234L, reach);
        Assert.NotEqual<CacheKey>(new DailyRowsKey("demo", Campaign42, Week), new ReachKey("demo", Campaign42, Week));
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public async Task Past_its_size_limit_the_cache_drops_the_expired_then_the_least_recently_used()
    {
        var clock = new MovableClock(Today);
        var cache = new ReportCache(clock, sizeLimit: 10);
        var loads = new Dictionary<int, int>();
        Task<int> Ask(int id, TimeSpan lifetime)
        {
            return cache.GetOrLoad(new DailyRowsKey("demo", Scope.Campaign(id.ToString(System.Globalization.CultureInfo.InvariantCulture)), Week), lifetime,
                () => Task.FromResult(loads[id] = loads.GetValueOrDefault(id) + 1), CancellationToken.None);
        }

        // Ten entries, one a minute; campaign 0 is kept for one minute only, campaign 1 is asked again last.
        await Ask(0, TimeSpan.FromMinutes(1));
        for (var id = 1; id < 10; id++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Ask(id, TimeSpan.FromHours(6));
        }

        clock.Advance(TimeSpan.FromMinutes(1));
        await Ask(1, TimeSpan.FromHours(6));
        Assert.Equal(10, cache.Count);

        // The eleventh: campaign 0 has expired and goes; 10 is still more than nine tenths of the bound, so the least
        // recently used (2, asked before 3..9 and not since) goes too. Campaign 1, asked last, stays.
        clock.Advance(TimeSpan.FromSeconds(1));
        await Ask(10, TimeSpan.FromHours(6));

        Assert.Equal(9, cache.Count);
        await Ask(1, TimeSpan.FromHours(6));
        await Ask(3, TimeSpan.FromHours(6));
        Assert.Equal(1, loads[1]);
        Assert.Equal(1, loads[3]);
        await Ask(2, TimeSpan.FromHours(6));
        Assert.Equal(2, loads[2]);
        Assert.True(cache.Count <= cache.SizeLimit);
    }

    [Fact]
    public async Task Invalidating_a_tag_drops_every_entry_carrying_it_and_no_other()
    {
        var cache = new ReportCache(new MovableClock(Today));
        var loads = 0;
        Task<int> Load() => Task.FromResult(++loads);
        CacheTag[] advertiserA = [CacheTag.Advertiser("A")];
        CacheTag[] workspace1OnA = [CacheTag.Advertiser("A"), CacheTag.Workspace("T1")];
        CacheTag[] advertiserB = [CacheTag.Advertiser("B")];

        await cache.GetOrLoad(new DailyRowsKey("a", Campaign42, Week), TimeSpan.FromMinutes(5), advertiserA, Load, CancellationToken.None);
        await cache.GetOrLoad(new ReachKey("a", Campaign42, Week), TimeSpan.FromMinutes(5), workspace1OnA, Load, CancellationToken.None);
        await cache.GetOrLoad(new DailyRowsKey("b", Campaign42, Week), TimeSpan.FromMinutes(5), advertiserB, Load, CancellationToken.None);

        Assert.Equal(1, cache.Invalidate(CacheTag.Workspace("T1")));
        Assert.Equal(0, cache.Invalidate(CacheTag.Workspace("T2")));
        Assert.Equal(1, cache.Invalidate(CacheTag.Advertiser("A")));
        Assert.Equal(1, cache.Count);

        // Dropped entries load again; the other is still the first load.
        Assert.Equal(4, await cache.GetOrLoad(new DailyRowsKey("a", Campaign42, Week), TimeSpan.FromMinutes(5), advertiserA, Load, CancellationToken.None));
        Assert.Equal(3, await cache.GetOrLoad(new DailyRowsKey("b", Campaign42, Week), TimeSpan.FromMinutes(5), advertiserB, Load, CancellationToken.None));
    }

    [Fact]
    public async Task A_load_under_way_when_its_tag_is_invalidated_answers_its_waiters_once_and_is_not_kept()
    {
        var cache = new ReportCache(new MovableClock(Today));
        var release = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var key = new CampaignListKey("demo");

        var racing = cache.GetOrLoad(key, TimeSpan.FromMinutes(5), [CacheTag.Advertiser("A")], () => release.Task, CancellationToken.None);
        cache.Invalidate(CacheTag.Advertiser("A"));
        release.SetResult("before the write");

        Assert.Equal("before the write", await racing);
        Assert.Equal("after the write", await cache.GetOrLoad(key, TimeSpan.FromMinutes(5), [CacheTag.Advertiser("A")], () => Task.FromResult("after the write"), CancellationToken.None));
    }

    [Fact]
    public async Task Concurrent_asks_for_one_key_share_one_load()
    {
        var cache = new ReportCache(new MovableClock(Today));
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource<IReadOnlyList<DailyTotals>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var loads = 0;
        Task<IReadOnlyList<DailyTotals>> Load()
        {
            Interlocked.Increment(ref loads);
            started.TrySetResult();
            return release.Task;
        }

        // Forty-nine more asks from other threads while the first load is held open; each has looked the key up once its
        // call returns (the lookup is synchronous), and the last to return signals: no sleep, no polling.
        var first = cache.GetOrLoad(new DailyRowsKey("api", Campaign42, Week), TimeSpan.FromMinutes(5), Load, CancellationToken.None);
        await started.Task;
        var joined = 0;
        var allJoined = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var others = Enumerable.Range(0, 49).Select(_ => Task.Run(() =>
        {
            var ask = cache.GetOrLoad(new DailyRowsKey("api", Campaign42, Week), TimeSpan.FromMinutes(5), Load, CancellationToken.None);
            if (Interlocked.Increment(ref joined) == 49)
            {
                allJoined.TrySetResult();
            }

            return ask;
        })).ToArray();
        await allJoined.Task;
        Assert.False(first.IsCompleted);
        IReadOnlyList<DailyTotals> rows = [new DailyTotals(Today.AddDays(-1), RawTotals.Zero)];
        release.SetResult(rows);

        var answers = await Task.WhenAll(others.Append(first));
        Assert.All(answers, a => Assert.Same(rows, a));
        Assert.Equal(1, loads);
    }

    [Theory]
    // The clock starts at noon; 5-minute windows end at 12:05, so an entry made at 12:03 is gone at 12:05 as well.
    [InlineData(3, 4, 1)]
    [InlineData(3, 5, 2)]
    [InlineData(0, 4, 1)]
    public async Task Everything_cached_in_one_window_expires_together_at_its_end(int madeAtMinute, int askedAtMinute, int expectedLoads)
    {
        var clock = new MovableClock(Today);
        var cache = new ReportCache(clock);
        var loads = 0;
        var key = new DailyRowsKey("demo", Campaign42, DateRange.Ending(Today, 7));

        clock.Advance(TimeSpan.FromMinutes(madeAtMinute));
        await cache.GetOrLoad(key, TimeSpan.FromMinutes(5), () => Task.FromResult(++loads), CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(askedAtMinute - madeAtMinute));
        await cache.GetOrLoad(key, TimeSpan.FromMinutes(5), () => Task.FromResult(++loads), CancellationToken.None);

        Assert.Equal(expectedLoads, loads);
    }

    [Fact]
    public async Task A_lifetime_of_zero_caches_nothing()
    {
        var cache = new ReportCache(new MovableClock(Today));
        var loads = 0;
        var key = new DailyRowsKey("api", Campaign42, Week);

        await cache.GetOrLoad(key, TimeSpan.Zero, () => Task.FromResult(++loads), CancellationToken.None);
        await cache.GetOrLoad(key, TimeSpan.Zero, () => Task.FromResult(++loads), CancellationToken.None);

        Assert.Equal(2, loads);
        Assert.Equal(0, cache.Count);
    }
}
