using TikTokBot.TikTok.Calendar;
using TikTokBot.Domain.Metrics;
using TikTokBot.TikTok.Naming;

namespace TikTokBot.Reports;

/// <summary>
/// The names a person may type for a metric of the catalogue (<c>chart cpa</c>, <c>chart "cost per conversion"</c>,
/// <c>chart cvr-clicks</c>), and the closest ones when a name is misspelt. Case, spaces and punctuation do not count.
/// </summary>
internal static class MetricNames
{
    // The first name of each metric is the one suggested; the display name and the enum name are accepted too.
    private static readonly (MetricId Metric, string[] Names)[] Typed =
    [
        (MetricId.Spend, ["spend", "cost"]),
        (MetricId.Impressions, ["impressions", "imps"]),
        (MetricId.Reach, ["reach"]),
        (MetricId.Frequency, ["frequency", "freq"]),
        (MetricId.DestinationClicks, ["clicks", "destination-clicks"]),
        (MetricId.AllClicks, ["all-clicks", "engagements"]),
        (MetricId.Ctr, ["ctr"]),
        (MetricId.DestinationShareOfClicks, ["destination-share"]),
        (MetricId.VideoViews, ["views", "video-views"]),
        (MetricId.VideoCompletionRate, ["completion-rate", "vcr"]),
        (MetricId.SixSecondViewRate, ["6s-rate", "six-second-rate"]),
        (MetricId.AverageWatchTime, ["watch-time"]),
        (MetricId.CpcDestination, ["cpc"]),
        (MetricId.CpcAll, ["cost-per-interaction"]),
        (MetricId.Cpm, ["cpm"]),
        (MetricId.CostPer1000Reached, ["cost-per-1000-reached"]),
        (MetricId.CostPerConversion, ["cpa"]),
        (MetricId.CostPerVideoView, ["cpv"]),
        (MetricId.Conversions, ["conversions"]),
        (MetricId.CvrImpressions, ["cvr-impressions"]),
        (MetricId.CvrClicks, ["cvr", "cvr-clicks"]),
        (MetricId.Roas, ["roas"]),
        (MetricId.RealTimeConversions, ["real-time-conversions", "rt-conversions"]),
        (MetricId.RealTimeCvr, ["real-time-cvr", "rt-cvr"]),
        (MetricId.RealTimeCostPerConversion, ["real-time-cpa", "rt-cpa"]),
    ];

    private static readonly Dictionary<string, MetricId> ByKey = BuildKeys();

    /// <summary>What to type for <paramref name="metric"/>: its shortest well-known name (cpa, ctr, spend).</summary>
    public static string Short(MetricId metric) => Typed.First(t => t.Metric == metric).Names[0];

    /// <summary>The metric a typed name stands for, if any.</summary>
    public static MetricId? Find(string typed) => ByKey.TryGetValue(Key(typed), out var metric) ? metric : null;

    /// <summary>
    /// Up to <paramref name="max"/> metrics whose names are closest to <paramref name="typed"/>: those it begins or
    /// is a beginning of first, then by edit distance (at most a third of the name, and at least 2); none when nothing is close.
    /// </summary>
    public static IReadOnlyList<MetricId> Closest(string typed, int max = 3)
    {
        var key = Key(typed);
        if (key.Length == 0)
        {
            return [];
        }

        var allowed = Math.Max(2, key.Length / 3);
        return ByKey
            .Select(k => (k.Value, Score: k.Key.StartsWith(key, StringComparison.Ordinal) || (key.StartsWith(k.Key, StringComparison.Ordinal) && k.Key.Length >= 3)
                ? 0
                : CampaignResolver.EditDistance(key, k.Key)))
            .Where(x => x.Score <= allowed)
            .GroupBy(x => x.Value)
            .Select(g => (Metric: g.Key, Score: g.Min(x => x.Score)))
            .OrderBy(x => x.Score)
            .ThenBy(x => x.Metric)
            .Take(max)
            .Select(x => x.Metric)
            .ToList();
    }

    /// <summary>Every metric with what to type for it, for a reply that lists them.</summary>
    public static string Catalogue() => string.Join(", ", Typed.Select(t => $"`{t.Names[0]}`"));

    private static Dictionary<string, MetricId> BuildKeys()
    {
        var keys = new Dictionary<string, MetricId>(StringComparer.Ordinal);
        foreach (var (metric, names) in Typed)
        {
            foreach (var name in names.Append(MetricCatalogue.Get(metric).DisplayName).Append(metric.ToString()))
            {
                keys.TryAdd(Key(name), metric);
            }
        }

        return keys;
    }

    private static string Key(string typed) => string.Concat(typed.Where(char.IsLetterOrDigit)).ToLowerInvariant();

    /// <summary>The command that charts <paramref name="metric"/> for the campaign as it was typed (quoted when it has spaces).</summary>
    public static string ChartUsage(string campaign, string metric, Period period)
    {
        var name = campaign.Contains(' ', StringComparison.Ordinal) ? $"\"{campaign}\"" : campaign;
        return period == Period.Default ? $"{name} chart {metric}" : $"{name} chart {metric} {period}";
    }
}
