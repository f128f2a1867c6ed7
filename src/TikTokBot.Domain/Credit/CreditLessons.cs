using TikTokBot.Domain.Metrics;

namespace TikTokBot.Domain.Credit;

/// <summary>A named part of a campaign (an ad, an age band, a placement) with its totals.</summary>
public sealed record NamedTotals(string Name, ScopeTotals Totals);

/// <summary>What the credit bought besides results: the best creative, the most responsive audience, the page's CVR.</summary>
public sealed record CreditLessons(NamedTotals? BestAd, decimal? BestAdCpa, NamedTotals? BestSegment, decimal? BestSegmentCvr, decimal? LandingPageCvr)
{
    public static CreditLessons From(IEnumerable<NamedTotals> ads, IEnumerable<NamedTotals> segments, ScopeTotals window, CreditWindowOptions options)
    {
        var bestAd = ads
            .Where(a => a.Totals.Counts.Conversions >= options.LessonMinimumConversions && a.Totals.CostPerConversion is not null)
            .MinBy(a => a.Totals.CostPerConversion);
        var bestSegment = segments
            .Where(s => s.Totals.Counts.DestinationClicks >= options.LessonMinimumClicks && s.Totals.CvrClicks is not null)
            .MaxBy(s => s.Totals.CvrClicks);
        return new CreditLessons(bestAd, bestAd?.Totals.CostPerConversion, bestSegment, bestSegment?.Totals.CvrClicks, window.CvrClicks);
    }
}
