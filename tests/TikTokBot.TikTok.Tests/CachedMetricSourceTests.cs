using TikTokBot.Domain.Metrics;
using TikTokBot.TikTok.Caching;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.TikTok.Tests;

public sealed class CachedMetricSourceTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly DateRange ClosedWeek = DateRange.Ending(Today.AddDays(-1), 7);
    private static readonly DateRange WeekToToday = DateRange.Ending(Today, 7);

    [Fact]
    public async Task Fifty_people_asking_at_once_cause_one_call_to_the_source()
    {
        // The source answers only once all fifty have asked: none can arrive after the first call was answered.
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var source = new CountingSource { Gate = gate.Task };
        var cache = new CachedMetricSource(source, new MovableClock(Today), new MetricCacheOptions(), new ReportCache(new MovableClock(Today)), "source", []);

        var asked = await Task.WhenAll(Enumerable.Range(0, 50)
            .Select(_ => Task.Run(() => Tuple.Create(cache.GetDailyAsync(Scope.Campaign("42"), ClosedWeek, CancellationToken.None)))));
        gate.SetResult();
        var answers = await Task.WhenAll(asked.Select(a => a.Item1));

        Assert.Equal(1, source.Calls);
        Assert.All(answers, a => Assert.Same(answers[0], a));
    }

    [Theory]
    // Figures that include today live 5 minutes; closed days 6 hours.
    [InlineData(true, 4, 1)]
    [InlineData(true, 6, 2)]
    [InlineData(false, 300, 1)]
    [InlineData(false, 361, 2)]
    public async Task Todays_figures_expire_after_minutes_and_closed_days_after_hours(bool includesToday, int minutesLater, int expectedCalls)
    {
        var source = new CountingSource();
        var clock = new MovableClock(Today);
        var cache = new CachedMetricSource(source, clock, new MetricCacheOptions(), new ReportCache(clock), "source", []);
        var range = includesToday ? WeekToToday : ClosedWeek;

        await cache.GetDailyAsync(Scope.Campaign("42"), range, CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(minutesLater));
        await cache.GetDailyAsync(Scope.Campaign("42"), range, CancellationToken.None);

        Assert.Equal(expectedCalls, source.Calls);
    }

    [Theory]
    // The list keeps its own lifetime (5 minutes by default) even when figures are not cached at all, so an uncached
    // summary asks TikTok for its figures only: one round trip, not the list and then the figures.
    [InlineData(4, 1)]
    [InlineData(6, 2)]
    public async Task The_campaign_list_keeps_its_own_lifetime_when_figures_are_not_cached(int minutesLater, int expectedLists)
    {
        var source = new CountingSource();
        var clock = new MovableClock(Today);
        var cache = new CachedMetricSource(source, clock, new MetricCacheOptions { TodayLifetime = TimeSpan.Zero, ClosedDaysLifetime = TimeSpan.Zero }, new ReportCache(clock), "source", []);

        await cache.ListCampaignsAsync(CancellationToken.None);
        await cache.GetDailyAsync(Scope.Campaign("42"), WeekToToday, CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(minutesLater));
        var campaigns = await cache.ListCampaignsAsync(CancellationToken.None);
        await cache.GetDailyAsync(Scope.Campaign("42"), WeekToToday, CancellationToken.None);

        Assert.Equal("42", Assert.Single(campaigns).Id);
        Assert.Equal(expectedLists, source.Lists);
        Assert.Equal(expectedLists + 2, source.Calls);
    }

    [Fact]
    public async Task A_failed_call_is_not_cached()
    {
        var source = new CountingSource { FailFirst = true };
        var cache = new CachedMetricSource(source, new MovableClock(Today), new MetricCacheOptions(), new ReportCache(new MovableClock(Today)), "source", []);

        await Assert.ThrowsAsync<MetricSourceException>(() => cache.GetReachAsync(Scope.Campaign("42"), ClosedWeek, CancellationToken.None));
        var reach = await cache.GetReachAsync(Scope.Campaign("42"), ClosedWeek, CancellationToken.None);

        Assert.Equal(1_000, reach);
        Assert.Equal(2, source.Calls);
    }

    [Fact]
    public async Task Different_scopes_and_ranges_are_cached_apart()
    {
        var source = new CountingSource();
        var cache = new CachedMetricSource(source, new MovableClock(Today), new MetricCacheOptions(), new ReportCache(new MovableClock(Today)), "source", []);

        await cache.GetDailyAsync(Scope.Campaign("42"), ClosedWeek, CancellationToken.None);
        await cache.GetDailyAsync(Scope.Campaign("43"), ClosedWeek, CancellationToken.None);
        await cache.GetDailyAsync(Scope.Campaign("42"), WeekToToday, CancellationToken.None);
        await cache.GetDailyAsync(new Scope(ScopeLevel.AdGroup, "42"), ClosedWeek, CancellationToken.None);

        Assert.Equal(4, source.Calls);
    }

    [Fact]
    public async Task One_caller_giving_up_does_not_cancel_the_shared_call_for_the_others()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var source = new CountingSource { Gate = gate.Task };
        var cache = new CachedMetricSource(source, new MovableClock(Today), new MetricCacheOptions(), new ReportCache(new MovableClock(Today)), "source", []);
        using var impatient = new CancellationTokenSource();

        var first = cache.GetDailyAsync(Scope.Campaign("42"), ClosedWeek, impatient.Token);
        var second = cache.GetDailyAsync(Scope.Campaign("42"), ClosedWeek, CancellationToken.None);
        await impatient.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        gate.SetResult();

        Assert.Single(await second);
        Assert.Equal(1, source.Calls);
    }

    private sealed class CountingSource : IMetricSource
    {
        private int _calls;
        private int _lists;

        public int Calls => _calls;

        public int Lists => _lists;

        public bool FailFirst { get; init; }

        /// <summary>When set, every call waits for it: lets a test order events without timing.</summary>
        public Task? Gate { get; init; }

        public async Task<IReadOnlyList<CampaignInfo>> ListCampaignsAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _lists);
            await Called(cancellationToken);
            return [new CampaignInfo("42", "Spring sale", "7000000000000001", "CONVERSIONS", null, "ENABLE", null, Today.AddDays(-30))];
        }

        public async Task<IReadOnlyList<DailyTotals>> GetDailyAsync(Scope scope, DateRange range, CancellationToken cancellationToken)
        {
            await Called(cancellationToken);
            return [new DailyTotals(range.End, new RawTotals { Impressions = 10 })];
        }

        public async Task<long?> GetReachAsync(Scope scope, DateRange range, CancellationToken cancellationToken)
        {
            await Called(cancellationToken);
            return 1_000;
        }

        public Task<IReadOnlyList<BreakdownRow>> GetBreakdownAsync(string campaignId, BreakdownDimension by, DateRange range, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        private async Task Called(CancellationToken cancellationToken)
        {
            var call = Interlocked.Increment(ref _calls);
            if (Gate is not null)
            {
                await Gate.WaitAsync(cancellationToken);
            }

            if (FailFirst && call == 1)
            {
                throw new MetricSourceException("TikTok did not answer.");
            }
        }
    }
}

/// <summary>A clock that starts at noon UTC of a given day and moves only when told.</summary>
internal sealed class MovableClock(DateOnly day) : TimeProvider
{
    private DateTimeOffset _now = new(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
