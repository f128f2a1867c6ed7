using TikTokBot.Domain.Benchmarks;
using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Objectives;
using TikTokBot.Domain.Trends;
using TikTokBot.Slack.BlockKit;
using TikTokBot.Requests;

namespace TikTokBot.Reports;

/// <summary><c>/ttmetrics trends</c>: per objective, how the account's cost per result, CTR, CVR and completion rate moved across its campaigns.</summary>
internal static class TrendViews
{
    public static IReadOnlyList<SlackMessage> Trends(
        MetricsCommand.Trends command, IReadOnlyList<CampaignHistory> history, AccountBenchmarkOptions options, TrendOptions trendOptions)
    {
        var objectives = command.Objective is { } one
            ? [one]
            : history.Select(h => h.Objective).Distinct().Order().ToArray();
        var message = new MessageBuilder().Text("Your account's trends").Ephemeral().Header("Your account's trends")
            .Context($"{(command.ByCampaign ? "Campaign by campaign, in launch order" : "By launch month")} · the last {command.Days ?? options.HistoryDays} closed days · " +
                $"campaigns with at least {options.MinimumImpressions:#,0} impressions")
            .Context(Freshness.ThroughYesterday());
        if (objectives.Length == 0)
        {
            message.Section("No campaign delivered in that window, so there is no trend to show yet.");
        }

        // A workspace connected to several advertisers sees each one's trends apart: their campaigns are not one account.
        var advertisers = history.Select(h => h.AdvertiserId).Distinct().Order(StringComparer.Ordinal).ToArray();
        var parts = advertisers.SelectMany(a => objectives.Where(o => history.Any(h => h.AdvertiserId == a && h.Objective == o)).Select(o => (a, o))).ToList();
        if (parts.Count == 0 && command.Objective is { } asked)
        {
            parts.Add(("", asked));
        }

        foreach (var (advertiser, objective) in parts)
        {
            var profile = ObjectiveCatalogue.Profile(objective);
            var title = advertisers.Length > 1 && advertiser.Length > 0 ? $"{profile.DisplayName} (advertiser {advertiser})" : profile.DisplayName;
            var trends = MetricsOf(profile)
                .Select(metric => command.ByCampaign
                    ? AccountTrends.ByLaunchOrder(advertiser, objective, metric, history, options, trendOptions)
                    : AccountTrends.ByMonth(advertiser, objective, metric, history, options, trendOptions))
                .Where(t => t.Points.Any(p => p.Value is not null))
                .ToArray();
            if (trends.Length == 0)
            {
                message.Section($"*{Mrkdwn.Escape(title)}*: no campaign with enough volume in that window.");
                continue;
            }

            var lines = trends.Select(t =>
            {
                var definition = MetricCatalogue.Get(t.Metric);
                var points = string.Join(" · ", t.Points.Select(p => $"{Mrkdwn.Escape(p.Label)} {MetricFormat.Format(p.Value, definition.Unit)}"));
                return $"*{definition.DisplayName}*: {points}\n{Capitalise(t.Sentence.TrimEnd('.'))}.";
            });
            // Every campaign counts once in each metric's points (a month's point counts its campaigns).
            if (trends[0].Points.Sum(p => p.Campaigns) < options.MinimumCampaigns)
            {
                // Too few campaigns to be a benchmark: no chart to read a direction into, and the replies keep to TikTok's figures.
                message.Section($"*{Mrkdwn.Escape(title)}*\n{string.Join('\n', lines)}\n" +
                    $"Until {options.MinimumCampaigns} campaigns have enough volume, summaries and fixes judge {Mrkdwn.Escape(profile.DisplayName)} campaigns by TikTok's published benchmarks only.");
                continue;
            }

            message.Section($"*{Mrkdwn.Escape(title)}*\n{string.Join('\n', lines)}");
            // One line per metric, each against its own first point (100), so rates and costs share an axis.
            var first = trends[0].Points;
            if (first.Count >= 2)
            {
                message.Chart(new ChartData($"{title}: change since the first (= 100)", ChartKind.Line,
                    first.Select(p => p.Label).ToList(),
                    trends.Select(t => new ChartSeries(MetricCatalogue.Get(t.Metric).DisplayName, Indexed(t.Points))).ToList()));
            }
        }

        return message.Build();
    }

    /// <summary>Cost per result, CTR, CVR after the click when the objective converts, completion rate when it is video-first.</summary>
    internal static IEnumerable<MetricId> MetricsOf(ObjectiveProfile profile)
    {
        yield return profile.CostPerOutcome;
        yield return MetricId.Ctr;
        if (profile.Converts)
            yield return MetricId.CvrClicks;
        yield return MetricId.VideoCompletionRate;
    }

    private static List<double?> Indexed(IReadOnlyList<AccountTrendPoint> points)
    {
        var basis = points.FirstOrDefault(p => p.Value is > 0)?.Value;
        return points.Select(p => basis is { } b && p.Value is { } v ? (double?)(double)Math.Round(v / b * 100m, 1) : null).ToList();
    }

    private static string Capitalise(string sentence) => sentence.Length == 0 ? sentence : char.ToUpperInvariant(sentence[0]) + sentence[1..];
}
