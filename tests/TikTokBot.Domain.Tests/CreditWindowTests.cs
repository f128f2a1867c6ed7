using TikTokBot.Domain.Benchmarks;
using TikTokBot.Domain.Credit;
using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Objectives;

namespace TikTokBot.Domain.Tests;

public sealed class CreditWindowTests
{
    // $6,000 of credit for November and December 2026.
    private static readonly CreditGrant Grant = new(6_000m, new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 31));
    private static readonly DateOnly November20 = new(2026, 11, 20);

    private static DailyTotals[] Spending(decimal perDay, DateOnly through, long conversionsPerDay = 0) =>
        Enumerable.Range(0, through.DayNumber - Grant.Start.DayNumber + 1)
            .Select(i => new DailyTotals(Grant.Start.AddDays(i), new RawTotals { Spend = perDay, Conversions = conversionsPerDay }))
            .ToArray();

    private static CreditWindowReport Assess(IReadOnlyList<DailyTotals> daily, DateOnly asOf, decimal? target = null) =>
        CreditWindow.Assess(Grant, daily, asOf, target, new CreditWindowOptions());

    [Fact]
    public void Credit_that_will_run_out_before_expiry_is_projected_to_the_day()
    {
        // $100 a day for 20 days: $2,000 gross, all covered by credit; $4,000 left at $100 a day lasts 40 more days: 2026-12-30.
        var report = Assess(Spending(100m, November20), November20);

        Assert.Equal(CreditState.Active, report.State);
        Assert.Equal(2_000m, report.GrossSpend);
        Assert.Equal(2_000m, report.CreditApplied);
        Assert.Equal(0m, report.NetSpend);
        Assert.Equal(4_000m, report.CreditRemaining);
        Assert.Equal(100m, report.BurnRatePerDay);
        Assert.Equal(new DateOnly(2026, 12, 30), report.ExhaustedOn);
        Assert.True(report.ExhaustionProjected);
        Assert.Equal(0m, report.ExpiringUnused);
    }

    [Fact]
    public void Credit_burning_too_slowly_expires_partly_unused()
    {
        // $50 a day: $1,000 by 2026-11-20 and $5,000 left; 41 days remain to 2026-12-31, at $50 that is $2,050: $2,950 expires unused.
        var report = Assess(Spending(50m, November20), November20);

        Assert.Null(report.ExhaustedOn);
        Assert.Equal(2_950m, report.ExpiringUnused);
    }

    [Theory]
    // $300 a day reaches $6,000 on day 20 exactly.
    [InlineData(300, 2026, 11, 20, 6_000, 0)]
    // $400 a day reaches it on day 15; by day 20 $8,000 gross of which $2,000 is paid for.
    [InlineData(400, 2026, 11, 15, 8_000, 2_000)]
    public void Credit_that_ran_out_says_when_and_what_has_been_paid_since(decimal perDay, int year, int month, int day, decimal gross, decimal net)
    {
        var report = Assess(Spending(perDay, November20), November20);

        Assert.Equal(CreditState.Exhausted, report.State);
        Assert.Equal(new DateOnly(year, month, day), report.ExhaustedOn);
        Assert.False(report.ExhaustionProjected);
        Assert.Equal(gross, report.GrossSpend);
        Assert.Equal(net, report.NetSpend);
        Assert.Equal(0m, report.CreditRemaining);
        Assert.True(report.IsEndOfWindow);
    }

    [Fact]
    public void After_expiry_what_was_left_is_lost_and_spend_after_expiry_is_not_counted()
    {
        // $50 a day from 2026-11-01 to 2027-01-05; only 61 days to 2026-12-31 count: $3,050 gross, $2,950 expired unused.
        var report = Assess(Spending(50m, new DateOnly(2027, 1, 5)), new DateOnly(2027, 1, 5));

        Assert.Equal(CreditState.Expired, report.State);
        Assert.Equal(3_050m, report.GrossSpend);
        Assert.Equal(2_950m, report.ExpiringUnused);
        Assert.Equal(2_950m, report.CreditRemaining);
    }

    [Fact]
    public void The_burn_rate_is_the_last_seven_days_not_the_whole_window()
    {
        // $50 a day for 13 days, then $200 a day for 7 days: burn $200, not the window's average of $102.50.
        var daily = Spending(50m, November20).Select(d => d.Date > new DateOnly(2026, 11, 13) ? d with { Counts = new RawTotals { Spend = 200m } } : d).ToArray();

        var report = Assess(daily, November20);

        Assert.Equal(200m, report.BurnRatePerDay);
        Assert.Equal(2_050m, report.GrossSpend);
        // $3,950 left at $200 a day: 20 days (19.75 rounded up), 2026-12-10.
        Assert.Equal(new DateOnly(2026, 12, 10), report.ExhaustedOn);
    }

    [Theory]
    // $2,000 gross, all credit, 50 conversions: gross CPA $40, net CPA $0. Against $30: the net figure flatters.
    [InlineData(30, CreditVerdict.NotSucceedingDespiteNetCpa)]
    // Against $45: gross CPA within target, a real success.
    [InlineData(45, CreditVerdict.Succeeding)]
    public void Gross_cpa_above_target_is_not_success_however_good_net_cpa_looks(decimal target, CreditVerdict verdict)
    {
        var daily = Spending(100m, November20).Select((d, i) => d with { Counts = d.Counts with { Conversions = i < 10 ? 3 : 2 } }).ToArray();

        var report = Assess(daily, November20, target);

        Assert.Equal(50, report.Conversions);
        Assert.Equal(40m, report.GrossCpa);
        Assert.Equal(0m, report.NetCpa);
        Assert.Equal(verdict, report.Verdict);
    }

    [Fact]
    public void Both_cpas_above_target_is_plainly_not_succeeding()
    {
        // $8,000 gross, $2,000 net, 100 conversions: gross $80, net $20; target $15.
        var report = Assess(Spending(400m, November20, conversionsPerDay: 5), November20, 15m);

        Assert.Equal(80m, report.GrossCpa);
        Assert.Equal(20m, report.NetCpa);
        Assert.Equal(CreditVerdict.NotSucceeding, report.Verdict);
    }

    [Fact]
    public void Without_conversions_or_a_target_there_is_no_cpa_verdict()
    {
        Assert.Equal(CreditVerdict.NoConversions, Assess(Spending(100m, November20), November20, 30m).Verdict);
        Assert.Equal(CreditVerdict.NoTarget, Assess(Spending(100m, November20, 1), November20).Verdict);
        Assert.Null(Assess(Spending(100m, November20), November20).GrossCpa);
    }

    [Fact]
    public void A_window_that_has_not_started_projects_from_its_start()
    {
        var report = Assess([], new DateOnly(2026, 10, 25));

        Assert.Equal(CreditState.NotStarted, report.State);
        Assert.Equal(6_000m, report.CreditRemaining);
        Assert.Equal(6_000m, report.ExpiringUnused);
    }

    [Theory]
    [InlineData(0, "2026-10-01", "2026-11-01", 1)]
    [InlineData(100, "2026-12-02", "2026-12-01", 1)]
    [InlineData(-5, "2026-12-02", "2026-12-01", 2)]
    [InlineData(6000, "2026-11-01", "2026-11-01", 0)]
    public void A_credit_typed_by_a_person_is_checked_with_a_reason_for_each_problem(decimal amount, string start, string expiry, int problems)
    {
        Assert.Equal(problems, CreditGrant.Validate(amount, DateOnly.Parse(start), DateOnly.Parse(expiry)).Count);
    }

    [Fact]
    public void What_the_credit_bought_names_the_cheapest_ad_and_the_best_converting_segment()
    {
        static NamedTotals Named(string name, decimal spend, long clicks, long conversions) =>
            new(name, new ScopeTotals(new RawTotals { Spend = spend, DestinationClicks = clicks, Conversions = conversions }));

        var ads = new[] { Named("Hook A", 400m, 500, 10), Named("Hook B", 300m, 400, 12), Named("Hook C", 10m, 20, 1) };
        var segments = new[] { Named("18-24", 300m, 600, 9), Named("25-34", 300m, 300, 12), Named("35+", 100m, 50, 5) };
        var window = new ScopeTotals(new RawTotals { Spend = 710m, DestinationClicks = 920, Conversions = 23 });

        var lessons = CreditLessons.From(ads, segments, window, new CreditWindowOptions());

        // Hook B: $25 per conversion beats Hook A's $40; Hook C has one conversion, under the minimum of 5.
        Assert.Equal("Hook B", lessons.BestAd!.Name);
        Assert.Equal(25m, lessons.BestAdCpa);
        // 25-34 converts 4% of 300 clicks; 35+ converts 10% but on 50 clicks, under the minimum of 100.
        Assert.Equal("25-34", lessons.BestSegment!.Name);
        Assert.Equal(0.04m, lessons.BestSegmentCvr);
        Assert.Equal(23m / 920m, lessons.LandingPageCvr);
    }
    /// <summary>
    /// The same lessons beside the account's other conversion campaigns: $500, $600 and $750 for 20 conversions each over
    /// 1,000 clicks (cost per conversion $25, $30, $37.50: median $30; CVR 2% each: median 2%).
    /// </summary>
    private static AccountBenchmark Account(int campaigns) =>
        AccountBenchmarks.For("A1", Objective.WebsiteConversions, "judged",
            new[] { 500m, 600m, 750m }.Take(campaigns).Select((spend, i) => new CampaignHistory("A1", $"c{i}", $"c{i}", Objective.WebsiteConversions, new DateOnly(2026, 9, 1),
                new ScopeTotals(new RawTotals { Impressions = 100_000, Spend = spend, DestinationClicks = 1_000, Conversions = 20 }))),
            new AccountBenchmarkOptions());

    [Fact]
    public void What_the_credit_bought_is_compared_with_the_accounts_medians()
    {
        static NamedTotals Named(string name, decimal spend, long clicks, long conversions) =>
            new(name, new ScopeTotals(new RawTotals { Spend = spend, DestinationClicks = clicks, Conversions = conversions }));
        var ads = new[] { Named("Hook A", 400m, 500, 10), Named("Hook B", 300m, 400, 12) };
        var segments = new[] { Named("18-24", 300m, 600, 9), Named("25-34", 300m, 300, 12) };
        var window = new ScopeTotals(new RawTotals { Spend = 700m, DestinationClicks = 900, Conversions = 21 });

        var lessons = CreditLessons.From(ads, segments, window, new CreditWindowOptions(), Account(3));

        // Hook B's $25 is (25 - 30) / 30 = 16.7% under the account's $30: cheaper, and in the cheapest quarter (Q1 $27.50).
        var ad = lessons.BestAdAgainstAccount!;
        Assert.Equal((30m, 3, AccountStanding.TopQuarter), (ad.Median, ad.Campaigns, ad.Standing));
        Assert.Equal(-16.67m, Math.Round(ad.DifferencePercent, 2));
        // 25-34 converts 12 of 300 clicks, 4%: twice the account's 2%, +100%. Every campaign converts 2%, a zero spread: above
        // the median, never "top quarter" (DOMAIN.md section 8).
        Assert.Equal((0.02m, AccountStanding.AboveMedian, 100m), (lessons.BestSegmentAgainstAccount!.Median, lessons.BestSegmentAgainstAccount.Standing, lessons.BestSegmentAgainstAccount.DifferencePercent));
        // The page converted 21 of 900, 2.33%: (0.02333 - 0.02) / 0.02 = +16.7%, above the median (every campaign's 2% is a quartile too).
        Assert.Equal(16.67m, Math.Round(lessons.LandingPageAgainstAccount!.DifferencePercent, 2));
        Assert.Equal(AccountStanding.AboveMedian, lessons.LandingPageAgainstAccount.Standing);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(0)]
    public void Without_enough_history_the_lessons_are_compared_with_nothing(int campaigns)
    {
        var ads = new[] { new NamedTotals("Hook B", new ScopeTotals(new RawTotals { Spend = 300m, DestinationClicks = 400, Conversions = 12 })) };
        var window = new ScopeTotals(new RawTotals { Spend = 300m, DestinationClicks = 400, Conversions = 12 });

        var lessons = CreditLessons.From(ads, ads, window, new CreditWindowOptions(), Account(campaigns));

        Assert.Equal(25m, lessons.BestAdCpa);
        Assert.Null(lessons.BestAdAgainstAccount);
        Assert.Null(lessons.BestSegmentAgainstAccount);
        Assert.Null(lessons.LandingPageAgainstAccount);
    }
}
