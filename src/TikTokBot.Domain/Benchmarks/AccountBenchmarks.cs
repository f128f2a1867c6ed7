using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Objectives;

namespace TikTokBot.Domain.Benchmarks;

/// <summary>One campaign's totals over the history window, with the reach the source reported for that window.</summary>
public sealed record CampaignHistory(string AdvertiserId, string CampaignId, string Name, Objective Objective, DateOnly LaunchedOn, ScopeTotals Totals);

/// <summary>
/// The account's own spread for one metric over its campaigns: quartiles by linear interpolation between the
/// sorted values (position (n - 1) x p, as a spreadsheet's QUARTILE.INC), the median being the middle quartile.
/// </summary>
public sealed record MetricBenchmark(MetricId Metric, int Campaigns, decimal LowerQuartile, decimal Median, decimal UpperQuartile);

/// <summary>The account's benchmarks for one objective; <see cref="EnoughHistory"/> false means compare with TikTok's only.</summary>
/// <param name="Campaigns">Campaigns with enough volume that the benchmarks were drawn from.</param>
public sealed record AccountBenchmark(string AdvertiserId, Objective Objective, int Campaigns, bool EnoughHistory, IReadOnlyList<MetricBenchmark> Metrics)
{
    /// <summary>The metric's benchmark, or null when the account has too few campaigns with a value for it.</summary>
    public MetricBenchmark? For(MetricId metric) => Metrics.FirstOrDefault(m => m.Metric == metric);
}

/// <summary>Where a value stands in the account, in terms of better and worse (for cost, the top quarter is the cheapest).</summary>
public enum AccountStanding
{
    NotEnoughHistory,
    BottomQuarter,
    BelowMedian,
    AtMedian,
    AboveMedian,
    TopQuarter,
}

/// <summary>Pure functions over one advertiser's campaign history: the account's benchmarks and a value's standing.</summary>
public static class AccountBenchmarks
{
    /// <summary>The closed days the history covers on <paramref name="today"/>: <see cref="AccountBenchmarkOptions.HistoryDays"/> ending yesterday.</summary>
    public static DateRange Window(DateOnly today, AccountBenchmarkOptions options) => DateRange.Ending(today.AddDays(-1), options.HistoryDays);

    /// <summary>The ratio metrics an objective is judged by; counts and spend depend on budget, not on how well a campaign works.</summary>
    public static IReadOnlyList<MetricId> MetricsFor(Objective objective)
    {
        var profile = ObjectiveCatalogue.Profile(objective);
        var metrics = new List<MetricId> { profile.CostPerOutcome, MetricId.Ctr, MetricId.Cpm, MetricId.Frequency };
        if (profile.WantsDestinationClicks)
            metrics.Add(MetricId.CpcDestination);
        if (profile.Converts)
            metrics.AddRange([MetricId.CvrClicks, MetricId.CvrImpressions]);
        if (profile.IsVideoFirst)
            metrics.AddRange([MetricId.VideoCompletionRate, MetricId.SixSecondViewRate, MetricId.AverageWatchTime]);
        if (profile.Objective == Objective.WebsiteConversions)
            metrics.Add(MetricId.Roas);
        metrics.AddRange(profile.Primary);
        metrics.AddRange(profile.Secondary);
        return metrics.Distinct().Where(m => MetricCatalogue.Get(m) is { Unit: not MetricUnit.Count } d && d.Id != MetricId.Spend).ToArray();
    }

    /// <summary>
    /// The account's benchmark for <paramref name="objective"/>: the advertiser's campaigns of that objective with
    /// enough impressions, <paramref name="judgedCampaignId"/> left out so a campaign is never its own yardstick.
    /// </summary>
    public static AccountBenchmark For(
        string advertiserId, Objective objective, string? judgedCampaignId, IEnumerable<CampaignHistory> history, AccountBenchmarkOptions options)
    {
        var peers = Peers(advertiserId, objective, judgedCampaignId, history, options);
        var enough = peers.Count >= options.MinimumCampaigns;
        var metrics = new List<MetricBenchmark>();
        if (enough)
        {
            foreach (var metric in MetricsFor(objective))
            {
                var values = peers.Select(p => p.Totals.Value(metric)).OfType<decimal>().Order().ToArray();
                if (values.Length >= options.MinimumCampaigns)
                    metrics.Add(new MetricBenchmark(metric, values.Length, Quantile(values, 0.25m), Quantile(values, 0.5m), Quantile(values, 0.75m)));
            }
        }

        return new AccountBenchmark(advertiserId, objective, peers.Count, enough, metrics);
    }

    /// <summary>
    /// Where <paramref name="value"/> stands against the account; never a mark on fewer than the minimum campaigns. A quarter
    /// only when the quartiles are apart (on a zero spread a value is at, below or above the median), and a value equal to
    /// the median is at it, always.
    /// </summary>
    /// <param name="marginPercent">
    /// Differences within this share of the median are ties (a value 0.01 point from a quartile is not beyond it, and quartiles
    /// that close are no spread): what a reader sees as the same figure is judged the same.
    /// </param>
    public static AccountStanding Standing(AccountBenchmark benchmark, MetricId metric, decimal value, decimal marginPercent = 0m)
    {
        if (!benchmark.EnoughHistory || benchmark.For(metric) is not { } b)
            return AccountStanding.NotEnoughHistory;
        var margin = Math.Abs(b.Median) * marginPercent / 100m;
        // Lower is better: a value is better the lower it sits, so the quarters flip. Neutral metrics read as higher.
        var lowerIsBetter = MetricCatalogue.Get(metric).Better == BetterDirection.Lower;
        int Better(decimal than)
        {
            var ahead = lowerIsBetter ? than - value : value - than;
            return Math.Abs(ahead) <= margin ? 0 : Math.Sign(ahead);
        }

        var againstMedian = value == b.Median ? 0 : Better(b.Median);
        if (againstMedian == 0)
            return AccountStanding.AtMedian;
        if (b.UpperQuartile - b.LowerQuartile > margin)
        {
            if (Better(lowerIsBetter ? b.UpperQuartile : b.LowerQuartile) < 0)
                return AccountStanding.BottomQuarter;
            if (Better(lowerIsBetter ? b.LowerQuartile : b.UpperQuartile) > 0)
                return AccountStanding.TopQuarter;
        }

        return againstMedian < 0 ? AccountStanding.BelowMedian : AccountStanding.AboveMedian;
    }

    /// <summary>Whether the account's quartiles are apart by more than the margin: a spread to rank a campaign by.</summary>
    public static bool HasSpread(MetricBenchmark b, decimal marginPercent = 0m) =>
        b.UpperQuartile - b.LowerQuartile > Math.Abs(b.Median) * marginPercent / 100m;

    internal static List<CampaignHistory> Peers(
        string advertiserId, Objective objective, string? judgedCampaignId, IEnumerable<CampaignHistory> history, AccountBenchmarkOptions options) =>
        history.Where(h => h.AdvertiserId == advertiserId && h.Objective == objective && h.CampaignId != judgedCampaignId
                && h.Totals.Counts.Impressions >= options.MinimumImpressions)
            .ToList();

    /// <summary>Linear interpolation at position (n - 1) x p of the sorted values.</summary>
    internal static decimal Quantile(IReadOnlyList<decimal> sorted, decimal p)
    {
        var position = (sorted.Count - 1) * p;
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
    }
}
