using TikTokBot.Domain.Metrics;
using TikTokBot.TikTok.Caching;

namespace TikTokBot.TikTok.Tests;

public sealed class ReportCacheTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly DateRange Week = DateRange.Ending(Today.AddDays(-1), 7);

    [Fact]
    public async Task Keys_with_the_same_values_share_one_entry_and_any_other_value_is_another_entry()
    {
        var cache = new ReportCache(new MovableClock(Today));
        var loads = 0;
        Task<string> Load() => Task.FromResult($"load {++loads}");

        var first = await cache.GetOrLoad(new ReportKey("demo", "overview", "42", Week, "25/50"), TimeSpan.FromMinutes(5), Load, CancellationToken.None);
        var again = await cache.GetOrLoad(new ReportKey("demo", "overview", "42", Week, "25/50"), TimeSpan.FromMinutes(5), Load, CancellationToken.None);
        await cache.GetOrLoad(new ReportKey("demo", "overview", "42", Week, "30/50"), TimeSpan.FromMinutes(5), Load, CancellationToken.None);
        await cache.GetOrLoad(new ReportKey("csv", "overview", "42", Week, "25/50"), TimeSpan.FromMinutes(5), Load, CancellationToken.None);
        await cache.GetOrLoad(new ReportKey("demo", "overview", "42", DateRange.Ending(Today, 7), "25/50"), TimeSpan.FromMinutes(5), Load, CancellationToken.None);

        Assert.Equal("load 1", first);
        Assert.Equal("load 1", again);
        Assert.Equal(4, loads);
        Assert.Equal(4, cache.Count);
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
        var key = new ReportKey("demo", "daily", "Campaign:42", DateRange.Ending(Today, 7));

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
        var key = new ReportKey("api", "daily", "Campaign:42", Week);

        await cache.GetOrLoad(key, TimeSpan.Zero, () => Task.FromResult(++loads), CancellationToken.None);
        await cache.GetOrLoad(key, TimeSpan.Zero, () => Task.FromResult(++loads), CancellationToken.None);

        Assert.Equal(2, loads);
        Assert.Equal(0, cache.Count);
    }
}
