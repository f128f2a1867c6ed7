using TikTokBot.Domain.Metrics;

namespace TikTokBot.Benchmarks;

/// <summary>One ad group's day of plausible figures, drawn from a seeded <see cref="Random"/> so every run reads the same rows.</summary>
internal static class SyntheticDay
{
    public static DailyTotals Next(Random random, DateOnly day)
    {
        var impressions = random.Next(500, 5_000);
        var clicks = impressions / random.Next(60, 200);
        return new DailyTotals(day, new RawTotals
        {
            Impressions = impressions,
            Spend = Math.Round(impressions * 0.008m, 2),
            DestinationClicks = clicks,
            AllClicks = clicks * 2,
            Conversions = clicks / random.Next(30, 80),
            RealTimeConversions = clicks / random.Next(30, 80),
            VideoViews = impressions / 2,
            VideoViews6s = impressions / 6,
            VideoViewsP100 = impressions / 20,
            VideoPlaySeconds = impressions * 1.8m,
        });
    }
}
