using System.Text.Json;
using System.Text.RegularExpressions;
using TikTokBot.Digests;
using TikTokBot.Domain;
using TikTokBot.Domain.Campaigns;
using TikTokBot.Domain.Credit;
using TikTokBot.Domain.Learning;
using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Objectives;
using TikTokBot.Reports;
using TikTokBot.Slack.BlockKit;
using TikTokBot.TikTok.Caching;
using TikTokBot.TikTok.Calendar;
using TikTokBot.TikTok.Sources;
using static TikTokBot.Reports.ReportService;
using static TikTokBot.Digests.DigestBuilder;
using static TikTokBot.Digests.DigestView;

namespace TikTokBot.Tests.Reports;

/// <summary>
/// Generated campaigns (seeded, so a failure repeats): no days, one day, 90 days, every count zero, huge and tiny figures,
/// long names, names with mrkdwn and pings, in USD, EUR and JPY. Every chart and table the reports and the digest build
/// is valid on the wire (<see cref="BlockKitLimits"/>: finite numbers, no empty series, labels and counts within
/// Slack's limits, nobody pinged), and every amount is written in the campaign's currency.
/// </summary>
public sealed partial class ChartPropertyTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly CampaignEngine Engine = new(new DiagnosisOptions());
    private static readonly string[] Currencies = ["USD", "EUR", "JPY"];

    private static readonly string[] Names =
    [
        "campaign-42", "*bold* _it_ ~gone~ `code`", "<!channel> look at this", "hey <@U123ABC>", "<!here>", "Tom & Jerry <b>",
        new string('n', 300), string.Concat(Enumerable.Repeat("😀", 40)), "<!subteam^S1|team>", "   ", "a|b|fix by 7d",
    ];

    // An amount as the currency writes it: its symbol, thousands separators, and its own decimals (none for the yen).
    private static readonly Dictionary<string, Regex> Amounts = new()
    {
        ["USD"] = UsdAmount(),
        ["EUR"] = EurAmount(),
        ["JPY"] = JpyAmount(),
    };

    public static TheoryData<int> Seeds => new(Enumerable.Range(1, 40));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_chart_and_table_built_for_a_generated_campaign_is_valid_and_in_its_currency(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 3; round++)
        {
            var currency = Currencies[random.Next(Currencies.Length)];
            var overview = Generate(random, currency);
            var what = $"seed {seed} round {round} ({currency}, {overview.Facts.Daily.Count} days, {overview.Facts.Campaign.Objective})";

            var messages = new List<SlackMessage>();
            messages.AddRange(ReportViews.Summary(overview));
            foreach (var metric in MetricCatalogue.All)
            {
                messages.AddRange(ChartViews.MetricChart(overview, metric.Id));
                var chart = ReportCharts.Daily(overview.Facts, metric.Id, currency);
                AmountsIn(chart, metric.Unit, currency, what);
            }

            var breakdown = Breakdown(random, overview);
            messages.AddRange(ReportViews.Breakdown(breakdown));
            messages.AddRange(ReportViews.CampaignList([overview], overview.Range));
            messages.AddRange(DigestView.Messages([Digest(overview)], Today.AddDays(-1), maxCharts: random.Next(0, 4)));
            foreach (var message in messages)
            {
                BlockKitLimits.Check(BlockKitJson.Serialize(message), 50, what);
            }

            if (breakdown.Rows.Count > 0)
            {
                Assert.All(ReportCharts.BreakdownTable(breakdown, 0.3).Rows, row => Assert.Matches(Amounts[currency], row[1].Text));
            }

            Assert.All(ReportCharts.CampaignTable("adv", [overview]).Rows, row => Assert.Matches(Amounts[currency], row[2].Text));
            if (overview.Credit is { } credit && DigestCharts.Credit(credit.Report, CreditTimeline.From(credit.Report, credit.Daily), currency) is { } creditChart)
            {
                Assert.Equal(currency, AxisLabel(creditChart, "y_label"));
                AmountsIn(creditChart, MetricUnit.Money, currency, what);
            }
        }
    }

    /// <summary>The chart's y axis names the currency of a money metric, and its text form writes every amount in it.</summary>
    private static void AmountsIn(ChartData chart, MetricUnit unit, string currency, string what)
    {
        var text = chart.ToText();
        Assert.DoesNotContain("NaN", text);
        Assert.DoesNotContain("∞", text);
        if (unit != MetricUnit.Money)
        {
            return;
        }

        if (chart.ToBlock().Block is not null)
        {
            Assert.Equal(currency, AxisLabel(chart, "y_label"));
        }

        foreach (Match amount in MinMax().Matches(text))
        {
            Assert.True(Amounts[currency].IsMatch(amount.Groups[1].Value), $"{what}: '{amount.Groups[1].Value}' is not an amount in {currency}");
        }
    }

    private static string? AxisLabel(ChartData chart, string name)
    {
        using var json = JsonDocument.Parse(BlockKitJson.Serialize(new SlackMessage { Blocks = [chart.ToBlock().Block!] }));
        return json.RootElement.GetProperty("blocks")[0].GetProperty("chart").GetProperty("axis_config").TryGetProperty(name, out var label) ? label.GetString() : null;
    }

    private static CampaignOverview Generate(Random random, string currency)
    {
        var objective = random.GetItems(Enum.GetValues<Objective>(), 1)[0];
        var days = random.Next(5) switch
        {
            0 => 0,
            1 => 1,
            2 => 90,
            _ => random.Next(2, 40),
        };
        var period = DateRange.Ending(Today.AddDays(-1), Math.Max(days, 1));
        var scale = random.Next(4) switch
        {
            0 => 0m,                     // every count zero: every ratio "no data"
            1 => 1_000_000_000m,         // huge
            2 => 0.000_01m,              // tiny
            _ => 1m,
        };
        var daily = Enumerable.Range(0, days).Select(i => new DailyTotals(period.Start.AddDays(i), Counts(random, scale))).ToArray();
        var name = Names[random.Next(Names.Length)];
        var launched = period.Start.AddDays(-random.Next(0, 30));
        var info = new CampaignInfo("c" + random.Next(), name, "adv " + Names[random.Next(Names.Length)], objective.ToString(), objective, "ENABLE", null, launched, currency);
        var facts = new CampaignFacts
        {
            Campaign = new Campaign(info.Id, name, objective, launched, Currency: currency),
            Period = period,
            Current = new ScopeTotals(RawTotals.Sum(daily.Select(d => d.Counts))),
            Previous = random.Next(3) == 0 ? null : new ScopeTotals(Counts(random, scale * Math.Max(days, 1))),
            Daily = daily,
            Criteria = random.Next(2) == 0 ? null : new SuccessCriteria(random.Next(1, 200), random.Next(1, 500)),
        };
        var criteria = facts.Criteria;
        AssessedCredit? credit = null;
        if (random.Next(2) == 0)
        {
            var start = Today.AddDays(-random.Next(0, 120));
            var grant = new CreditGrant(Math.Max(1m, Math.Round((decimal)random.NextDouble() * 50_000m * Math.Max(scale, 0.01m), 2)), start, start.AddDays(random.Next(0, 400)));
            var range = new DateRange(start < Today.AddDays(-1) ? start : Today.AddDays(-1), Today.AddDays(-1));
            var creditDays = Enumerable.Range(0, range.Days).Select(i => new DailyTotals(range.Start.AddDays(i), Counts(random, scale))).ToArray();
            credit = new AssessedCredit(Engine.AssessCredit(grant, creditDays, Today.AddDays(-1), criteria?.TargetCostPerOutcome), range, creditDays);
        }

        return new CampaignOverview(info, Period.Default, new BusinessDays(Today), facts, Engine.Summarise(facts), Engine.Diagnose(facts),
            Engine.AssessLearning(facts, Today), credit, criteria)
        {
            Key = new OverviewKey("generated", info.Id, period),
        };
    }

    private static RawTotals Counts(Random random, decimal scale)
    {
        long Count(int max) => random.Next(6) == 0 ? 0 : (long)Math.Min(random.Next(0, max) * scale, 1e15m);
        var views = Count(20_000);
        return new RawTotals
        {
            Impressions = Count(100_000),
            Spend = random.Next(6) == 0 ? 0m : Math.Round((decimal)random.NextDouble() * 2_000m * scale, 2),
            DestinationClicks = Count(3_000),
            AllClicks = Count(9_000),
            Conversions = Count(80),
            RealTimeConversions = Count(80),
            VideoViews = views,
            VideoViews6s = Count(10_000),
            VideoViewsP100 = Count(5_000),
            VideoPlaySeconds = views * (decimal)random.NextDouble() * 15m,
            PurchaseValue = random.Next(3) == 0 ? 0m : Math.Round((decimal)random.NextDouble() * 10_000m * scale, 2),
        };
    }

    private static CampaignBreakdown Breakdown(Random random, CampaignOverview overview)
    {
        var scale = random.Next(3) == 0 ? 1_000_000m : 1m;
        var rows = Enumerable.Range(0, random.Next(4) == 0 ? 0 : random.Next(1, 130))
            .Select(i => new BreakdownRow($"k{i}", Names[random.Next(Names.Length)] + i, new ScopeTotals(Counts(random, scale))))
            .ToList();
        return new CampaignBreakdown(overview.Campaign, BreakdownDimension.AdGroup, overview.Range, rows);
    }

    private static CampaignDigest Digest(CampaignOverview overview) =>
        new(overview.Campaign, Today.AddDays(-1), [], overview.Learning, overview.Credit?.Report, null, overview.TopFinding)
        {
            CreditDays = overview.Credit is { } credit ? CreditTimeline.From(credit.Report, credit.Daily) : [],
            LearningDays = LearningProgress.Cumulative(overview.Facts.Daily, overview.Facts.Campaign.LaunchedOn, overview.Learning.Conversions),
        };

    // Unit costs under 0.10 keep two significant digits ($0.0050, DOMAIN.md section 9).
    [GeneratedRegex(@"^-?\$(\d{1,3}(,\d{3})*\.\d{2}|0\.0\d+)$")]
    private static partial Regex UsdAmount();

    [GeneratedRegex(@"^-?€(\d{1,3}(,\d{3})*\.\d{2}|0\.0\d+)$")]
    private static partial Regex EurAmount();

    [GeneratedRegex(@"^-?¥(\d{1,3}(,\d{3})*|0\.\d+)$")]
    private static partial Regex JpyAmount();

    // "min $1,234.50 (11-20) · max ..." in a chart's text form.
    [GeneratedRegex(@"(?:min|max) (\S+) \(")]
    private static partial Regex MinMax();
}
