using TikTokBot.Domain.Metrics;
using TikTokBot.Reports;
using TikTokBot.TikTok.Calendar;
using TikTokBot.Requests;

namespace TikTokBot.Commands;

/// <summary>
/// <c>&lt;campaign&gt; chart &lt;metric&gt; [period]</c>, the words around <c>chart</c> as the parser split them. A metric
/// that is not in the catalogue is answered with the closest names, each as the whole command to type.
/// </summary>
internal static class ChartCommandText
{
    public static MetricsCommand Parse(IReadOnlyList<string> campaignWords, IReadOnlyList<string> metricWords, Period period)
    {
        var campaign = string.Join(' ', campaignWords);
        var typed = string.Join(' ', metricWords);
        if (typed.Length == 0)
        {
            return CommandParser.Invalid($"Which metric? One of {MetricNames.Catalogue()}.", Usage(campaign, "cpa", period));
        }

        if (MetricNames.Find(typed) is { } metric)
        {
            return new MetricsCommand.Chart(campaign, metric, period);
        }

        var closest = MetricNames.Closest(typed);
        if (closest.Count == 0)
        {
            return CommandParser.Invalid($"`{typed}` is not a metric I know. The metrics: {MetricNames.Catalogue()}.", Usage(campaign, "cpa", period));
        }

        var names = closest.Select(m => $"{MetricNames.Short(m)} ({MetricCatalogue.Get(m).DisplayName})").ToList();
        var listed = names.Count == 1 ? names[0] : $"{string.Join(", ", names[..^1])} and {names[^1]}";
        return CommandParser.Invalid(
            $"`{typed}` is not a metric I know; the closest {(names.Count == 1 ? "is" : "are")} {listed}.",
            Usage(campaign, MetricNames.Short(closest[0]), period));
    }

    private static string Usage(string campaign, string metric, Period period) => MetricNames.ChartUsage(campaign, metric, period);
}
