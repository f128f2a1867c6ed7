using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TikTokBot.Commands;
using TikTokBot.Domain.Metrics;
using TikTokBot.Permissions;
using TikTokBot.Reports;
using TikTokBot.Slack.BlockKit;
using TikTokBot.TikTok.Sources;
using TikTokBot.Requests;
using static TikTokBot.Requests.ButtonCodec;

namespace TikTokBot.Tests.Reports;

/// <summary><c>campaign-42 chart &lt;metric&gt; [period]</c> on the real app, its clock fixed at 2026-11-22 (the last 7 closed days: 11-15..11-21).</summary>
public sealed class ChartCommandTests : IClassFixture<FixedClockAppFactory>
{
    private const string Campaign42 = "1800000000000042";
    private static readonly DateRange Week = new(new DateOnly(2026, 11, 15), new DateOnly(2026, 11, 21));
    private readonly FixedClockAppFactory _factory;

    public ChartCommandTests(FixedClockAppFactory factory) => _factory = factory;

    private async Task<IReadOnlyList<SlackMessage>> Ask(string text)
    {
        using var scope = _factory.Services.CreateScope();
        var handler = scope.ServiceProvider.GetRequiredService<MetricsCommandHandler>();
        return await handler.ReplyAsync(CommandParser.Parse(text), new Asker("T-CHART", "U1"), CancellationToken.None);
    }

    private async Task<IReadOnlyList<DailyTotals>> Days(DateRange range)
    {
        var source = _factory.Services.GetRequiredService<IMetricSource>();
        return (await source.GetDailyAsync(Scope.Campaign(Campaign42), range, CancellationToken.None)).OrderBy(d => d.Date).ToList();
    }

    private static (List<string> Categories, Dictionary<string, List<double>> Series) ChartOf(SlackMessage message)
    {
        using var json = JsonDocument.Parse(BlockKitJson.Serialize(message));
        var chart = json.RootElement.GetProperty("blocks").EnumerateArray().Single(b => b.GetProperty("type").GetString() == "data_visualization").GetProperty("chart");
        Assert.Equal("line", chart.GetProperty("type").GetString());
        var categories = chart.GetProperty("axis_config").GetProperty("categories").EnumerateArray().Select(c => c.GetString()!).ToList();
        var series = chart.GetProperty("series").EnumerateArray().ToDictionary(
            s => s.GetProperty("name").GetString()!,
            s => s.GetProperty("data").EnumerateArray().Select(p => p.GetProperty("value").GetDouble()).ToList());
        return (categories, series);
    }

    [Fact]
    public async Task Spend_is_charted_day_by_day_against_the_previous_periods_daily_average()
    {
        var days = await Days(Week);
        var previous = await Days(Week.Previous());

        var message = Assert.Single(await Ask("campaign-42 chart spend"));

        var (categories, series) = ChartOf(message);
        Assert.Equal(Week.Days, days.Count);
        Assert.Equal(days.Select(d => d.Date.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture)), categories);
        Assert.Equal(days.Select(d => (double)Math.Round(d.Counts.Spend, 2)), series["Spend"]);
        var average = (double)Math.Round(previous.Sum(d => d.Counts.Spend) / 7m, 2);
        Assert.All(series["Previous period"], v => Assert.Equal(average, v));
        Assert.Contains($"Spend {MetricFormat.Money(days.Sum(d => d.Counts.Spend))}", message.Text, StringComparison.Ordinal);
        BlockKitLimits.Check(BlockKitJson.Serialize(message), 50, "chart spend");
    }

    [Fact]
    public async Task Cost_per_conversion_is_derived_from_each_days_counts_and_compared_with_the_previous_period()
    {
        var days = await Days(Week);
        var previous = await Days(Week.Previous());

        var message = Assert.Single(await Ask("campaign-42 chart cost per conversion"));

        var (_, series) = ChartOf(message);
        var expected = days.Select(d => (double)(d.Counts.Spend / d.Counts.Conversions)).ToList();
        Assert.Equal(expected.Count, series["Cost per conversion"].Count);
        Assert.All(expected.Zip(series["Cost per conversion"]), p => Assert.Equal(p.First, p.Second, 0.005));
        var before = (double)(previous.Sum(d => d.Counts.Spend) / previous.Sum(d => d.Counts.Conversions));
        Assert.All(series["Previous period"], v => Assert.Equal(before, v, 0.005));
        Assert.StartsWith("campaign-42 Autumn Sale, 2026-11-15..2026-11-21: Cost per conversion $", message.Text);
    }

    [Fact]
    public async Task A_rate_is_drawn_in_percent_over_the_period_asked_for()
    {
        var fortnight = new DateRange(new DateOnly(2026, 11, 8), Week.End);
        var days = await Days(fortnight);

        var (categories, series) = ChartOf(Assert.Single(await Ask("campaign-42 chart ctr 14d")));

        Assert.Equal(14, categories.Count);
        Assert.All(days.Zip(series["CTR (destination)"]), p => Assert.Equal((double)p.First.Counts.DestinationClicks / p.First.Counts.Impressions * 100, p.Second, 0.005));
    }

    [Theory]
    [InlineData("campaign-42 chart ctrr", "`ctrr` is not a metric I know; the closest are ctr (CTR (destination)) and cvr (CVR (clicks)).", "/ttmetrics campaign-42 chart ctr")]
    [InlineData("campaign-42 chart cpq 14d", "the closest are cpc (CPC (destination)), cpm (CPM) and cpa (Cost per conversion).", "/ttmetrics campaign-42 chart cpc 14d")]
    [InlineData("\"campaign-42 Autumn Sale\" chart conversoins", "the closest is conversions (Conversions)", "/ttmetrics \"campaign-42 Autumn Sale\" chart conversions")]
    public async Task A_misspelt_metric_is_answered_with_the_closest_names_and_the_command_to_type(string text, string problem, string command)
    {
        var reply = Assert.Single(await Ask(text));

        Assert.Contains(problem, reply.Text);
        Assert.Contains($"Try `{command}`", reply.Text);
    }

    [Fact]
    public async Task A_metric_nothing_like_any_name_lists_them_all()
    {
        var reply = Assert.Single(await Ask("campaign-42 chart weather"));

        Assert.Contains("`weather` is not a metric I know. The metrics: `spend`, `impressions`", reply.Text);
        Assert.Contains("`real-time-cpa`", reply.Text);
    }

    [Fact]
    public async Task An_unknown_campaign_is_said_so_with_the_closest_names()
    {
        var reply = Assert.Single(await Ask("campaign-99 chart cpa"));

        Assert.Contains("No campaign called `campaign-99`. Closest: `campaign-41 Evergreen Prospecting`", reply.Text);
    }

    [Fact]
    public async Task The_terminal_prints_the_chart_as_text_and_json_prints_the_block()
    {
        using var text = new StringWriter();
        using var json = new StringWriter();

        var exit = await TerminalMode.RunAsync(_factory.Services, ["ttmetrics", "campaign-42", "chart", "cpm"], text);
        await TerminalMode.RunAsync(_factory.Services, ["ask", "/ttmetrics campaign-42 chart cpm", "--json"], json);

        Assert.Equal(0, exit);
        Assert.Contains("CPM per day vs the previous period\nCPM ", text.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Contains("11-15 … 11-21", text.ToString());
        Assert.Contains("\"type\":\"data_visualization\"", json.ToString());
    }

    [Fact]
    public async Task The_chart_menu_replaces_the_chart_with_the_metric_chosen()
    {
        var reply = Assert.Single(await Ask("campaign-42 chart spend"));
        var menu = Assert.IsType<StaticSelectElement>(Assert.Single(reply.Blocks!.OfType<ActionsBlock>()).Elements.Single());
        Assert.Equal(MetricCatalogue.All.Count - 1, menu.Options.Count);
        var ctr = menu.Options.Single(o => o.Text.Text == "CTR (destination)").Value;
        await using var hook = await ResponseUrlHook.StartAsync();
        using var press = SlackTestRequests.Signed("/slack/interactions", SlackTestRequests.Press("T-CHART", "U1", ButtonIds.Chart, ctr, hook.Url, menu: true), at: _factory.Clock.GetUtcNow());
        using var client = _factory.CreateKestrelClient();

        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.SendAsync(press)).StatusCode);

        var answer = await hook.NextAsync();
        Assert.Contains("\"replace_original\":true", answer);
        Assert.Contains("CTR (destination) per day vs the previous period", answer);
        Assert.Equal(new ChartRequest(Campaign42, TikTok.Calendar.Period.Default, MetricId.Ctr), ButtonCodec.TryDecode<ChartRequest>(ctr, out var request) ? request : null);
    }

    [Fact]
    public async Task The_playground_answers_the_chart_menu_as_slack_does()
    {
        using var scope = _factory.Services.CreateScope();
        var playground = scope.ServiceProvider.GetRequiredService<TikTokBot.Web.Playground.PlaygroundService>();

        var chosen = await playground.PressAsync(ButtonIds.Chart, ButtonCodec.Encode(new ChartRequest(Campaign42, TikTok.Calendar.Period.Default, MetricId.Cpm)), null, null, CancellationToken.None);
        var tampered = await playground.PressAsync(ButtonIds.Chart, "c1|1800000000000042|7d|Weather", null, null, CancellationToken.None);

        Assert.Equal("campaign-42 Autumn Sale: CPM", Assert.IsType<HeaderBlock>(Assert.Single(chosen).Blocks![0]).Text.Text);
        Assert.Empty(tampered);
    }

    [Theory]
    [InlineData("c1|1800000000000042|7d|Ctr", true)]
    [InlineData("c1|a%7Cb%20fix|2026-11-01..2026-11-20|CostPerConversion", true)]
    [InlineData("c1|1800000000000042|7d|Weather", false)]
    [InlineData("c1|1800000000000042|7d|99", false)]
    [InlineData("c1|1800000000000042|fortnight|Ctr", false)]
    [InlineData("c1||7d|Ctr", false)]
    [InlineData("r1|1800000000000042|7d|", false)]
    [InlineData("c1|1800000000000042|7d|Ctr|extra", false)]
    public void A_chart_value_reads_back_only_as_written(string value, bool valid)
    {
        Assert.Equal(valid, ButtonCodec.TryDecode<ChartRequest>(value, out var request));
        if (valid)
        {
            Assert.Equal(value, ButtonCodec.Encode(request!));
        }
    }

    [Theory]
    [InlineData("campaign-42 chart cpa", "campaign-42", MetricId.CostPerConversion, "7d")]
    [InlineData("campaign-42 chart CPA 30d", "campaign-42", MetricId.CostPerConversion, "30d")]
    [InlineData("campaign-42 Autumn Sale chart cost per conversion 14d", "campaign-42 Autumn Sale", MetricId.CostPerConversion, "14d")]
    [InlineData("campaign-42 chart CVR (clicks)", "campaign-42", MetricId.CvrClicks, "7d")]
    [InlineData("campaign-42 chart cvr-impressions lifetime", "campaign-42", MetricId.CvrImpressions, "lifetime")]
    [InlineData("campaign-42 chart Cost", "campaign-42", MetricId.Spend, "7d")]
    [InlineData("campaign-42 chart 6-second view rate", "campaign-42", MetricId.SixSecondViewRate, "7d")]
    public void Chart_takes_the_campaign_the_metric_by_any_of_its_names_and_a_period(string text, string campaign, MetricId metric, string period)
    {
        var chart = Assert.IsType<MetricsCommand.Chart>(CommandParser.Parse(text));

        Assert.Equal((campaign, metric, period), (chart.Campaign, chart.Metric, chart.Period.ToString()));
    }

    [Fact]
    public void Chart_without_a_metric_asks_which()
    {
        var invalid = Assert.IsType<MetricsCommand.Invalid>(CommandParser.Parse("campaign-42 chart"));

        Assert.StartsWith("Which metric? One of `spend`", invalid.Problem);
        Assert.Equal("/ttmetrics campaign-42 chart cpa", invalid.Suggestion);
    }

    [Fact]
    public void Every_metric_of_the_catalogue_can_be_typed_by_its_short_name_and_its_display_name()
    {
        foreach (var metric in MetricCatalogue.All)
        {
            Assert.Equal(metric.Id, MetricNames.Find(MetricNames.Short(metric.Id)));
            Assert.Equal(metric.Id, MetricNames.Find(metric.DisplayName.ToUpperInvariant()));
            Assert.Contains(metric.Id, MetricNames.Closest(MetricNames.Short(metric.Id) + "x"));
        }
    }
}
