using TikTokBot.Domain.Metrics;
using TikTokBot.Slack.BlockKit;
using TikTokBot.TikTok.Calendar;
using TikTokBot.Requests;
using static TikTokBot.Requests.ButtonCodec;

namespace TikTokBot.Reports;

/// <summary>The "Chart another metric…" menu under a chart.</summary>
internal static class ChartMenu
{
    /// <summary>
    /// A menu of every other metric of the catalogue for the same campaign and period; null when an option's value would
    /// pass Slack's 150 characters (an unusually long campaign id), as a menu that Slack refuses is worse than none.
    /// </summary>
    public static StaticSelectElement? Menu(string campaignId, Period period, MetricId shown)
    {
        var values = MetricCatalogue.All.Where(m => m.Id != shown)
            .Select(m => (m.DisplayName, Value: ButtonCodec.Encode(new ChartRequest(campaignId, period, m.Id)))).ToList();
        return values.Any(v => v.Value.Length > SlackLimits.OptionValue)
            ? null
            : Elements.StaticSelect(ButtonIds.Chart, "Chart another metric…", values.Select(v => Elements.Option(v.DisplayName, v.Value)).ToList());
    }
}
