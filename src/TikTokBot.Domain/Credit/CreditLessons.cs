using TikTokBot.Domain.Benchmarks;
using TikTokBot.Domain.Metrics;

namespace TikTokBot.Domain.Credit;

/// <summary>A named part of a campaign (an ad, an age band, a placement) with its totals.</summary>
public sealed record NamedTotals(string Name, ScopeTotals Totals);

/// <summary>
/// A lesson's figure beside the account's median for the same metric over its other campaigns of the objective.
/// </summary>
/// <param name="DifferencePercent">(value - median) / median x 100: negative below the median, whether that is good depends on <see cref="Metric"/>.</param>
public sealed record AgainstAccount(MetricId Metric, decimal Median, int Campaigns, AccountStanding Standing, decimal DifferencePercent)
{
    /// <summary>
    /// The figure against the account's median, or null without enough history (never a mark on fewer than the minimum
    /// campaigns) or with a median of zero, against which nothing is a percentage.
    /// </summary>
    public static AgainstAccount? Compare(AccountBenchmark? account, MetricId metric, decimal? value)
    {
        if (account is null || value is not { } v)
            return null;
        var standing = AccountBenchmarks.Standing(account, metric, v);
        if (standing == AccountStanding.NotEnoughHistory || account.For(metric) is not { Median: not 0 } own)
            return null;
        return new AgainstAccount(metric, own.Median, own.Campaigns, standing, (v - own.Median) / own.Median * 100m);
    }
}

/// <summary>
/// What the credit bought besides results: the best creative, the most responsive audience, the page's CVR, each beside
/// the account's median when the account has the history (best ad's cost per conversion against the median cost per
/// conversion, the segment's and the page's CVR against the median CVR after the click).
/// </summary>
public sealed record CreditLessons(NamedTotals? BestAd, decimal? BestAdCpa, NamedTotals? BestSegment, decimal? BestSegmentCvr, decimal? LandingPageCvr)
{
    public AgainstAccount? BestAdAgainstAccount { get; init; }

    public AgainstAccount? BestSegmentAgainstAccount { get; init; }

    public AgainstAccount? LandingPageAgainstAccount { get; init; }

    /// <param name="account">The account's benchmark for the campaign's objective, the campaign left out; null or too little history compares with nothing.</param>
    public static CreditLessons From(
        IEnumerable<NamedTotals> ads, IEnumerable<NamedTotals> segments, ScopeTotals window, CreditWindowOptions options, AccountBenchmark? account = null)
    {
        var bestAd = ads
            .Where(a => a.Totals.Counts.Conversions >= options.LessonMinimumConversions && a.Totals.CostPerConversion is not null)
            .MinBy(a => a.Totals.CostPerConversion);
        var bestSegment = segments
            .Where(s => s.Totals.Counts.DestinationClicks >= options.LessonMinimumClicks && s.Totals.CvrClicks is not null)
            .MaxBy(s => s.Totals.CvrClicks);
        return new CreditLessons(bestAd, bestAd?.Totals.CostPerConversion, bestSegment, bestSegment?.Totals.CvrClicks, window.CvrClicks)
        {
            BestAdAgainstAccount = AgainstAccount.Compare(account, MetricId.CostPerConversion, bestAd?.Totals.CostPerConversion),
            BestSegmentAgainstAccount = AgainstAccount.Compare(account, MetricId.CvrClicks, bestSegment?.Totals.CvrClicks),
            LandingPageAgainstAccount = AgainstAccount.Compare(account, MetricId.CvrClicks, window.CvrClicks),
        };
    }
}
