using TikTokBot.Domain.Campaigns;
using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Objectives;
using TikTokBot.Slack.BlockKit;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.Reports;

/// <summary>The report's charts and tables as data (the Slack library draws them as blocks or text); numbers in the campaign's currency.</summary>
internal static class ReportCharts
{
    public const string Worse = "▼";
    public const string Better = "▲";

    /// <summary>The metrics a summary charts day by day after spend: the objective's cost per result, and CTR beside CPM for awareness.</summary>
    public static IReadOnlyList<MetricId> TrendMetrics(ObjectiveProfile profile) =>
        profile.Objective == Objective.Awareness ? [MetricId.Cpm, MetricId.Ctr] : [profile.CostPerOutcome];

    /// <summary>How a value of <paramref name="metric"/> reads in the chart's text form and tables.</summary>
    public static Func<double, string> Formatter(MetricId metric, string currency) =>
        v => MetricFormat.Format(ToDecimal(v / Scale(metric)), MetricCatalogue.Get(metric).Unit, currency);

    /// <summary>Rates are drawn as percentages (1.2, not 0.012) so the axis reads like the text.</summary>
    public static double Scale(MetricId metric) => MetricCatalogue.Get(metric).Unit == MetricUnit.Percent ? 100 : 1;

    /// <summary>
    /// One metric day by day over the period, with the previous period's value of the same metric as a flat line to
    /// compare against (the source gives the previous period as totals; a day's spend is compared with its daily average).
    /// </summary>
    public static ChartData Daily(CampaignFacts facts, MetricId metric, string currency)
    {
        var definition = MetricCatalogue.Get(metric);
        var days = facts.Daily;
        var current = days.Select(d => Round(ToDouble(d.AsScope.Value(metric)) * Scale(metric))).ToList();
        var previous = facts.Previous is { } before ? Round(ToDouble(PerDay(before, metric, facts.Period.Days)) * Scale(metric)) : null;
        var name = metric == MetricId.Spend ? "Spend" : definition.DisplayName;
        var series = new List<ChartSeries> { new(name, current) };
        if (previous is not null)
        {
            series.Add(new ChartSeries("Previous period", days.Select(_ => previous).ToList()));
        }

        return new ChartData($"{name} per day vs the previous period", ChartKind.Line, days.Select(d => d.Date.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ToList(), series)
        {
            XLabel = facts.Period.ToString(),
            YLabel = Unit(definition.Unit, currency),
            CategoryNoun = "days",
            KeepLatest = true,
            Format = Formatter(metric, currency),
        };
    }

    /// <summary>The charts of a summary: spend, then the trend metrics of its objective.</summary>
    public static IEnumerable<ChartData> SummaryCharts(CampaignFacts facts, string currency) =>
        new[] { MetricId.Spend }.Concat(TrendMetrics(facts.Profile)).Select(m => Daily(facts, m, currency));

    /// <summary>A breakdown's rows ranked by the objective's cost per result (cheapest first, rows without one last).</summary>
    public static IReadOnlyList<BreakdownRow> Ranked(CampaignBreakdown breakdown, ObjectiveProfile profile) =>
        breakdown.Rows.OrderBy(r => r.Totals.Value(profile.CostPerOutcome) is null).ThenBy(r => r.Totals.Value(profile.CostPerOutcome)).ToList();

    /// <summary>
    /// A breakdown as a table: spend, share of spend, results, cost per result, CTR, CVR, and a mark where the cost per result
    /// is more than <paramref name="farFromAverage"/> dearer (▼) or cheaper (▲) than the campaign's average over all rows.
    /// </summary>
    public static TableData BreakdownTable(CampaignBreakdown breakdown, double farFromAverage)
    {
        var (campaign, by, range, _) = breakdown;
        var profile = ObjectiveCatalogue.Profile(campaign.Objective ?? Objective.Awareness);
        var cost = MetricCatalogue.Get(profile.CostPerOutcome);
        var currency = campaign.Currency;
        var all = ScopeTotals.Combine(breakdown.Rows.Select(r => r.Totals));
        var average = all.Value(profile.CostPerOutcome);
        var totalSpend = all.Counts.Spend;
        var rows = Ranked(breakdown, profile).Select(row =>
        {
            var t = row.Totals;
            var rowCost = t.Value(profile.CostPerOutcome);
            var results = t.Value(profile.Outcome);
            return (IReadOnlyList<TableValue>)
            [
                SegmentNames.Describe(by, row.Name) + (row.Status is { } status ? $" ({status})" : ""),
                Money(t.Counts.Spend, currency),
                Number(totalSpend == 0 ? null : t.Counts.Spend / totalSpend, MetricUnit.Percent, currency),
                Number(results, MetricUnit.Count, currency),
                Number(rowCost, cost.Unit, currency),
                Number(t.Ctr, MetricUnit.Percent, currency),
                Number(t.CvrClicks, MetricUnit.Percent, currency),
                Mark(rowCost, average, farFromAverage, cost.Better),
            ];
        }).ToList();
        return new TableData($"{campaign.Name} by {SegmentNames.Describe(by)}, {range}, ranked by {cost.DisplayName}",
        [
            new(Capitalise(SegmentNames.Describe(by))), new("Spend", ColumnAlign.Right), new("Share", ColumnAlign.Right),
            new(Capitalise(profile.OutcomeName), ColumnAlign.Right), new(cost.DisplayName, ColumnAlign.Right),
            new("CTR", ColumnAlign.Right), new("CVR", ColumnAlign.Right), new("vs avg", ColumnAlign.Center),
        ], rows) { RowNoun = SegmentNames.Describe(by) };
    }

    /// <summary>The cost per result of each row of a breakdown as bars, in the table's order.</summary>
    public static ChartData BreakdownBars(CampaignBreakdown breakdown)
    {
        var profile = ObjectiveCatalogue.Profile(breakdown.Campaign.Objective ?? Objective.Awareness);
        var cost = MetricCatalogue.Get(profile.CostPerOutcome);
        var ranked = Ranked(breakdown, profile);
        return new ChartData($"{cost.DisplayName} by {SegmentNames.Describe(breakdown.By)}", ChartKind.Bar,
            ranked.Select(r => SegmentNames.Describe(breakdown.By, r.Name)).ToList(),
            [new ChartSeries(cost.DisplayName, ranked.Select(r => Round(ToDouble(r.Totals.Value(profile.CostPerOutcome)))).ToList())])
        {
            YLabel = Unit(cost.Unit, breakdown.Campaign.Currency),
            CategoryNoun = SegmentNames.Describe(breakdown.By),
            Format = Formatter(profile.CostPerOutcome, breakdown.Campaign.Currency),
        };
    }

    /// <summary>The campaigns of one advertiser as a table: objective, spend, results, cost per result, verdict, top finding.</summary>
    public static TableData CampaignTable(string advertiser, IReadOnlyList<CampaignOverview> overviews) =>
        new($"Advertiser {advertiser}",
        [
            new("Campaign"), new("Objective"), new("Spend", ColumnAlign.Right), new("Results", ColumnAlign.Right),
            new("Cost per result", ColumnAlign.Right), new("Verdict"), new("Where it stands") { Wrap = true },
        ], overviews.Select(o =>
        {
            var campaign = o.Campaign;
            var profile = o.Facts.Profile;
            var totals = o.Facts.Current;
            var cost = MetricCatalogue.Get(profile.CostPerOutcome);
            return (IReadOnlyList<TableValue>)
            [
                campaign.Name + (campaign.StatusLabel is { } status ? $" ({status})" : ""),
                campaign.Objective is { } objective ? ObjectiveCatalogue.Profile(objective).DisplayName : campaign.ObjectiveType,
                Money(totals.Counts.Spend, campaign.Currency),
                Number(totals.Value(profile.Outcome), MetricUnit.Count, campaign.Currency),
                Number(totals.Value(profile.CostPerOutcome), cost.Unit, campaign.Currency) is var c && c.Number is not null
                    ? c with { Text = $"{c.Text} {ShortName(profile.CostPerOutcome)}" } : c,
                Verdict(o.Summary.Verdict.Status),
                ReportViews.Standing(o, t => t),
            ];
        }).ToList()) { RowNoun = "campaigns" };

    public static string Verdict(SuccessStatus status) => status switch
    {
        SuccessStatus.OnTrack => "✅ on track",
        SuccessStatus.OffTrack => "⚠️ off track",
        SuccessStatus.NotEnoughData => "⏳ not enough data",
        _ => "no criteria",
    };

    /// <summary>▼ where the row is far worse than the average, ▲ where far better, nothing otherwise or without figures.</summary>
    public static string Mark(decimal? value, decimal? average, double farFromAverage, BetterDirection better)
    {
        if (value is not { } v || average is not { } a || a <= 0 || better == BetterDirection.Neutral)
        {
            return "";
        }

        var ratio = (double)(v / a);
        var higherIsWorse = better == BetterDirection.Lower;
        if (ratio > 1 + farFromAverage)
        {
            return higherIsWorse ? Worse : Better;
        }

        return ratio < 1 - farFromAverage ? (higherIsWorse ? Better : Worse) : "";
    }

    private static string ShortName(MetricId metric) => metric switch
    {
        MetricId.CostPerConversion => "CPA",
        MetricId.CpcDestination or MetricId.CpcAll => "CPC",
        MetricId.Cpm => "CPM",
        MetricId.CostPerVideoView => "CPV",
        _ => MetricCatalogue.Get(metric).DisplayName,
    };

    private static decimal? PerDay(ScopeTotals totals, MetricId metric, int days) =>
        MetricCatalogue.Get(metric).Unit == MetricUnit.Count || metric == MetricId.Spend
            ? totals.Value(metric) / Math.Max(days, 1)
            : totals.Value(metric);

    private static TableValue Money(decimal amount, string currency) => TableValue.Of((double)amount, MetricFormat.Money(amount, currency));

    private static TableValue Number(decimal? value, MetricUnit unit, string currency) =>
        value is { } v ? TableValue.Of((double)v, MetricFormat.Format(v, unit, currency)) : MetricFormat.NoData;

    private static string Unit(MetricUnit unit, string currency) => unit switch
    {
        MetricUnit.Money => currency,
        MetricUnit.Percent => "%",
        MetricUnit.Seconds => "seconds",
        _ => "",
    };

    private static string Capitalise(string words) => words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];

    /// <summary>Two decimals, or four significant digits below 1 (a cost per view of $0.0123), so the payload carries no noise.</summary>
    private static double? Round(double? value) => value switch
    {
        null => null,
        { } v when !double.IsFinite(v) || Math.Abs(v) >= 1 || v == 0 => double.IsFinite(v) ? Math.Round(v, 2) : v,
        { } v => Math.Round(v, Math.Clamp(3 - (int)Math.Floor(Math.Log10(Math.Abs(v))), 0, 15)),
    };

    private static double? ToDouble(decimal? value) => value is { } v ? (double)v : null;

    // A chart's value came from a decimal, so it fits back; clamp anything past decimal's range rather than throw.
    internal static decimal ToDecimal(double value) =>
        double.IsFinite(value) && Math.Abs(value) < 7.9e28 ? (decimal)value : value < 0 ? decimal.MinValue : decimal.MaxValue;
}
