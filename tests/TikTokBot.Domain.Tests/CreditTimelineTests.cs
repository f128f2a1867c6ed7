using TikTokBot.Domain.Credit;
using TikTokBot.Domain.Learning;
using TikTokBot.Domain.Metrics;

namespace TikTokBot.Domain.Tests;

public sealed class CreditTimelineTests
{
    // $6,000 of credit for November and December 2026.
    private static readonly CreditGrant Grant = new(6_000m, new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 31));
    private static readonly DateOnly November20 = new(2026, 11, 20);

    private static DailyTotals[] Spending(decimal perDay, DateOnly through) =>
        Enumerable.Range(0, through.DayNumber - Grant.Start.DayNumber + 1)
            .Select(i => new DailyTotals(Grant.Start.AddDays(i), new RawTotals { Spend = perDay }))
            .ToArray();

    private static (CreditWindowReport Report, IReadOnlyList<CreditDay> Days) Timeline(decimal perDay, DateOnly through, DateOnly asOf)
    {
        var daily = Spending(perDay, through);
        var report = CreditWindow.Assess(Grant, daily, asOf, null, new CreditWindowOptions());
        return (report, CreditTimeline.From(report, daily));
    }

    [Fact]
    public void A_running_window_is_read_to_the_report_day_then_projected_to_the_run_out_day()
    {
        // $100 a day for 20 days leaves $4,000, which lasts 40 more days: out on 2026-12-30.
        var (report, days) = Timeline(100m, November20, November20);

        Assert.Equal(new DateOnly(2026, 12, 30), report.ExhaustedOn);
        Assert.Equal(60, days.Count);
        Assert.Equal(Enumerable.Range(0, 60).Select(i => Grant.Start.AddDays(i)), days.Select(d => d.Date));
        Assert.All(days.Take(20), d => Assert.False(d.Projected));
        Assert.All(days.Skip(20), d => Assert.True(d.Projected));
        Assert.Equal(5_900m, days[0].CreditLeft);
        Assert.Equal(4_000m, days[19].CreditLeft);
        Assert.Equal(3_900m, days[20].CreditLeft);
        Assert.Equal(100m, days[^2].CreditLeft);
        Assert.Equal(0m, days[^1].CreditLeft);
        Assert.All(days, d => Assert.Equal(100m, d.GrossSpend));
    }

    [Fact]
    public void A_slow_burn_is_projected_to_the_expiry_with_the_credit_that_will_be_left()
    {
        // $50 a day: $5,000 left on 2026-11-20, $2,050 more by 2026-12-31, so $2,950 expires unused.
        var (report, days) = Timeline(50m, November20, November20);

        Assert.Equal(Grant.Expiry, days[^1].Date);
        Assert.Equal(report.ExpiringUnused, days[^1].CreditLeft);
        Assert.Equal(2_950m, days[^1].CreditLeft);
    }

    [Fact]
    public void Credit_that_ran_out_ends_on_the_day_it_ran_out_with_nothing_projected()
    {
        // $500 a day: $6,000 is used up on the 12th day, 2026-11-12.
        var (report, days) = Timeline(500m, November20, November20);

        Assert.Equal(CreditState.Exhausted, report.State);
        Assert.Equal(new DateOnly(2026, 11, 12), days[^1].Date);
        Assert.Equal(0m, days[^1].CreditLeft);
        Assert.Equal(500m, days[^2].CreditLeft);
        Assert.DoesNotContain(days, d => d.Projected);
    }

    [Fact]
    public void An_expired_window_ends_on_its_expiry_and_a_window_not_started_has_no_days()
    {
        var (expired, expiredDays) = Timeline(10m, Grant.Expiry, Grant.Expiry.AddDays(5));
        var (_, notStarted) = Timeline(10m, Grant.Start, Grant.Start.AddDays(-3));

        Assert.Equal(CreditState.Expired, expired.State);
        Assert.Equal(61, expiredDays.Count);
        Assert.Equal(6_000m - 610m, expiredDays[^1].CreditLeft);
        Assert.Empty(notStarted);
    }

    [Fact]
    public void Days_without_spend_count_as_zero_and_a_window_with_no_burn_projects_nothing()
    {
        var report = CreditWindow.Assess(Grant, [], November20, null, new CreditWindowOptions());

        var days = CreditTimeline.From(report, []);

        Assert.Equal(20, days.Count);
        Assert.All(days, d => Assert.Equal((0m, 6_000m, false), (d.GrossSpend, d.CreditLeft, d.Projected)));
    }

    [Fact]
    public void Learning_progress_counts_back_from_the_known_total_so_the_last_day_holds_it()
    {
        var launched = new DateOnly(2026, 11, 10);
        DailyTotals Day(int day, long conversions) => new(new DateOnly(2026, 11, day), new RawTotals { Conversions = conversions });
        // The week shown starts after the launch: 30 conversions came before it.
        var week = new[] { Day(16, 2), Day(14, 5), Day(15, 0), Day(9, 99) };

        var counted = LearningProgress.Cumulative(week, launched, conversionsThroughLastDay: 37);
        var fromLaunch = LearningProgress.Cumulative(week, launched);

        Assert.Equal([(new DateOnly(2026, 11, 14), 35L), (new DateOnly(2026, 11, 15), 35L), (new DateOnly(2026, 11, 16), 37L)],
            counted.Select(d => (d.Date, d.ConversionsSoFar)));
        Assert.Equal([5L, 5L, 7L], fromLaunch.Select(d => d.ConversionsSoFar));
        Assert.Empty(LearningProgress.Cumulative([], launched, 12));
    }
}
