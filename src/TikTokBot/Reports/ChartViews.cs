using TikTokBot.Domain.Funnel;
using TikTokBot.Domain.Metrics;
using TikTokBot.Slack.BlockKit;

namespace TikTokBot.Reports;

/// <summary><c>campaign-42 chart cpa</c>: one metric of the catalogue day by day over the period, against the previous period.</summary>
internal static class ChartViews
{
    public static IReadOnlyList<SlackMessage> MetricChart(CampaignOverview overview, MetricId metric)
    {
        var campaign = overview.Campaign;
        var facts = overview.Facts;
        var definition = MetricCatalogue.Get(metric);
        var name = metric == MetricId.Spend ? "Spend" : definition.DisplayName;
        var currency = campaign.Currency;
        var now = facts.Current.Value(metric);
        var before = facts.Previous?.Value(metric);
        var change = now is { } n && before is { } b && b != 0 ? (n - b) / Math.Abs(b) * 100m : (decimal?)null;
        var versus = before is null
            ? "no previous period to compare with"
            : $"previous period {MetricFormat.Format(before, definition.Unit, currency)}" +
              (change is { } c ? $" ({(c >= 0 ? "+" : "")}{c:0.#}%)" : "");
        var headline = $"{Mrkdwn.Escape(campaign.Name)}, {facts.Period}: {name} {MetricFormat.Format(now, definition.Unit, currency)}, {versus}";
        var message = new MessageBuilder()
            .Text(headline)
            .Ephemeral()
            .Header($"{campaign.Name}: {name}")
            .Context($"{facts.Period} against {facts.Period.Previous()} · {definition.Stage.DisplayName()} · `/ttmetrics {Mrkdwn.Escape(MetricNames.ChartUsage(campaign.Name, "<metric>", overview.Period))}` charts another")
            .Section($"*{name}* {MetricFormat.Format(now, definition.Unit, currency)} over the period; {versus}.")
            .Chart(ReportCharts.Daily(facts, metric, currency));
        ReportViews.Fresh(message, overview.FreshnessLine);
        if (ChartMenu.Menu(campaign.Id, overview.Period, metric) is { } menu)
        {
            message.Actions([menu]);
        }

        return message.Build();
    }
}
