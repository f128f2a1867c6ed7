using System.Globalization;
using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Objectives;
using TikTokBot.Domain.Trends;

namespace TikTokBot.Domain.Benchmarks;

/// <summary>One step of the account's trend: a launch month's campaigns together, or one campaign.</summary>
public sealed record AccountTrendPoint(string Label, int Campaigns, decimal? Value);

/// <param name="Change">First point with a value against the last one; <see cref="TrendDirection.NoData"/> without two.</param>
/// <param name="Sentence">One sentence on the direction, such as "your cost per conversion fell 18% from September's campaigns to November's".</param>
public sealed record AccountTrend(MetricId Metric, IReadOnlyList<AccountTrendPoint> Points, Trend Change, string Sentence);

/// <summary>How a metric moved across the account's campaigns: by launch month, or campaign by campaign in launch order.</summary>
public static class AccountTrends
{
    /// <summary>Campaigns grouped by launch month; each month's value comes from its campaigns' summed counts.</summary>
    public static AccountTrend ByMonth(
        string advertiserId, Objective objective, MetricId metric, IEnumerable<CampaignHistory> history, AccountBenchmarkOptions options, TrendOptions trend)
    {
        var peers = AccountBenchmarks.Peers(advertiserId, objective, null, history, options);
        var months = peers.GroupBy(p => new DateOnly(p.LaunchedOn.Year, p.LaunchedOn.Month, 1)).OrderBy(g => g.Key).ToArray();
        var sameYear = months.Length == 0 || months[0].Key.Year == months[^1].Key.Year;
        var points = months
            .Select(g => new AccountTrendPoint(
                g.Key.ToString(sameYear ? "MMMM" : "MMMM yyyy", CultureInfo.InvariantCulture), g.Count(),
                // Reach cannot be added across campaigns, so a month has no frequency.
                ScopeTotals.Combine(g.Select(p => p.Totals)).Value(metric)))
            .ToArray();
        return Build(metric, points, peers.Count, options, trend, static (first, last) => $"{first}'s campaigns to {last}'s");
    }

    /// <summary>Each campaign on its own, oldest launch first.</summary>
    public static AccountTrend ByLaunchOrder(
        string advertiserId, Objective objective, MetricId metric, IEnumerable<CampaignHistory> history, AccountBenchmarkOptions options, TrendOptions trend)
    {
        var peers = AccountBenchmarks.Peers(advertiserId, objective, null, history, options);
        var points = peers.OrderBy(p => p.LaunchedOn).ThenBy(p => p.CampaignId, StringComparer.Ordinal)
            .Select(p => new AccountTrendPoint(p.Name, 1, p.Totals.Value(metric)))
            .ToArray();
        return Build(metric, points, peers.Count, options, trend, static (first, last) => $"the first campaign ({first}) to the latest ({last})");
    }

    private static AccountTrend Build(
        MetricId metric, AccountTrendPoint[] points, int campaigns, AccountBenchmarkOptions options, TrendOptions trend, Func<string, string, string> span)
    {
        var name = Lowered(MetricCatalogue.Get(metric).DisplayName);
        var valued = points.Where(p => p.Value is not null).ToArray();
        if (campaigns < options.MinimumCampaigns || valued.Length < 2)
        {
            return new AccountTrend(metric, points, new Trend(TrendDirection.NoData, null, null, ""),
                $"Not enough history yet to see a trend in your {name}: {campaigns} campaign(s) with enough volume, {options.MinimumCampaigns} needed.");
        }

        var (first, last) = (valued[0], valued[^1]);
        var change = Trend.Compare(metric, last.Value, first.Value, "", trend);
        var from = span(first.Label, last.Label);
        var sentence = change.Direction switch
        {
            TrendDirection.Up => $"your {name} rose {Math.Abs(change.ChangePercent!.Value):0}% from {from}",
            TrendDirection.Down => $"your {name} fell {Math.Abs(change.ChangePercent!.Value):0}% from {from}",
            TrendDirection.Flat => $"your {name} held steady from {from}",
            _ => $"your {name} cannot be compared from {from}",
        };
        return new AccountTrend(metric, points, change, sentence);
    }

    // "Cost per conversion" reads "cost per conversion" mid-sentence; "CTR (destination)" keeps its capitals.
    private static string Lowered(string displayName) =>
        displayName.Length > 1 && char.IsLower(displayName[1]) ? char.ToLowerInvariant(displayName[0]) + displayName[1..] : displayName;
}
