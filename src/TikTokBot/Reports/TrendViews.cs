using TikTokBot.Commands;
using TikTokBot.Domain.Benchmarks;
using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Objectives;
using TikTokBot.Domain.Trends;
using TikTokBot.Slack.BlockKit;

namespace TikTokBot.Reports;

/// <summary><c>/ttmetrics trends</c>: per objective, how the account's cost per result, CTR, CVR and completion rate moved across its campaigns.</summary>
public static class TrendViews
{
    public static IReadOnlyList<SlackMessage> Trends(
        MetricsCommand.Trends command, IReadOnlyList<CampaignHistory> history, AccountBenchmarkOptions options, TrendOptions trendOptions)
    {
        var objectives = command.Objective is { } one
            ? [one]
            : history.Select(h => h.Objective).Distinct().Order().ToArray();
        var message = new MessageBuilder().Text("Your account's trends").Ephemeral().Header("Your account's trends")
            .Context($"{(command.ByCampaign ? "Campaign by campaign, in launch order" : "By launch month")} · the last {command.Days ?? options.HistoryDays} closed days · " +
                $"campaigns with at least {options.MinimumImpressions:#,0} impressions");
        if (objectives.Length == 0)
        {
            message.Section("No campaign delivered in that window, so there is no trend to show yet.");
        }

        foreach (var objective in objectives)
        {
            var profile = ObjectiveCatalogue.Profile(objective);
            var advertiser = history.FirstOrDefault(h => h.Objective == objective)?.AdvertiserId ?? "";
            var trends = MetricsOf(profile)
                .Select(metric => command.ByCampaign
                    ? AccountTrends.ByLaunchOrder(advertiser, objective, metric, history, options, trendOptions)
                    : AccountTrends.ByMonth(advertiser, objective, metric, history, options, trendOptions))
                .Where(t => t.Points.Any(p => p.Value is not null))
                .ToArray();
            if (trends.Length == 0)
            {
                message.Section($"*{profile.DisplayName}*: no campaign with enough volume in that window.");
                continue;
            }

            var lines = trends.Select(t =>
            {
                var definition = MetricCatalogue.Get(t.Metric);
                var points = string.Join(" · ", t.Points.Select(p => $"{Mrkdwn.Escape(p.Label)} {MetricFormat.Format(p.Value, definition.Unit)}"));
                return $"*{definition.DisplayName}*: {points}\n{Capitalise(t.Sentence)}.";
            });
            message.Section($"*{Mrkdwn.Escape(profile.DisplayName)}*\n{string.Join('\n', lines)}");
            // One line per metric, each against its own first point (100), so rates and costs share an axis.
            var first = trends[0].Points;
            if (first.Count >= 2)
            {
                message.Chart(new ChartData($"{profile.DisplayName}: change since the first (= 100)", ChartKind.Line,
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
