using Microsoft.Extensions.Time.Testing;
using TikTokBot.Domain.Benchmarks;
using TikTokBot.Reports;
using TikTokBot.TikTok.Caching;
using TikTokBot.TikTok.Calendar;
using TikTokBot.TikTok.Demo;

namespace TikTokBot.Tests.Reports;

/// <summary>When a summary starts the account's history read in the background, and when it does not.</summary>
public sealed class AccountHistoryReadingTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));

    private AccountHistory History(MetricCacheOptions cacheOptions) =>
        new(new DemoMetricSource(_clock), "demo", new ReportCache(_clock), cacheOptions, new AccountBenchmarkOptions(), new BusinessCalendar(_clock));

    [Fact]
    public async Task A_summary_starts_one_read_and_none_once_the_day_is_read()
    {
        var history = History(new MetricCacheOptions());

        Assert.True(history.StartReading());
        var read = await history.ReadAsync(CancellationToken.None);

        Assert.NotEmpty(read);
        Assert.False(history.StartReading());
    }

    [Fact]
    public void With_closed_days_not_cached_no_summary_starts_a_read_nobody_would_keep()
    {
        var history = History(new MetricCacheOptions { ClosedDaysLifetime = TimeSpan.Zero, TodayLifetime = TimeSpan.Zero });

        Assert.False(history.StartReading());
        Assert.False(history.StartReading());
    }
}
