using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TikTokBot.Digests;
using TikTokBot.Reports;
using TikTokBot.Domain.Credit;
using TikTokBot.Slack.BlockKit;
using TikTokBot.Tests.Reports;

namespace TikTokBot.Tests.Digests;

/// <summary>The digest's credit-window and learning charts, built by the real app from the demo data with its clock fixed at 2026-11-22.</summary>
public sealed class DigestChartTests : IClassFixture<FixedClockAppFactory>
{
    private const string Learning45 = "1800000000000045";
    private const string Credit46 = "1800000000000046";
    private const string Credit47 = "1800000000000047";
    private readonly FixedClockAppFactory _factory;

    public DigestChartTests(FixedClockAppFactory factory) => _factory = factory;

    private async Task<DigestPreview> Preview(string team, params string[] campaigns)
    {
        using var scope = _factory.Services.CreateScope();
        // The account's history is read in the background after the first report, and its benchmark can change a top
        // finding: read it first, so every digest here is judged with it.
        await (await scope.ServiceProvider.GetRequiredService<ReportService>().HistoryAsync(team, CancellationToken.None))!.ReadAsync(CancellationToken.None);
        return await scope.ServiceProvider.GetRequiredService<DigestService>().PreviewAsync(team, campaigns, CancellationToken.None);
    }

    private static List<JsonElement> Charts(SlackMessage message)
    {
        using var json = JsonDocument.Parse(BlockKitJson.Serialize(message));
        return json.RootElement.GetProperty("blocks").EnumerateArray()
            .Where(b => b.GetProperty("type").GetString() == "data_visualization").Select(b => b.Clone()).ToList();
    }

    private static List<string> Texts(SlackMessage message) =>
        message.Blocks!.OfType<SectionBlock>().Select(b => b.Text?.Text ?? "").ToList();

    private static List<double> Values(JsonElement chart, int series) =>
        chart.GetProperty("chart").GetProperty("series")[series].GetProperty("data").EnumerateArray().Select(p => p.GetProperty("value").GetDouble()).ToList();

    private static List<string> Categories(JsonElement chart) =>
        chart.GetProperty("chart").GetProperty("axis_config").GetProperty("categories").EnumerateArray().Select(c => c.GetString()!).ToList();

    [Fact]
    public async Task The_digest_of_a_credit_window_and_a_learning_campaign_matches_its_golden_json()
    {
        var preview = await Preview("T-DIGEST-GOLDEN", Learning45, Credit46);

        GoldenViewTests.Match("digest-campaigns-45-46.json", DigestView.Messages(preview.Campaigns, preview.Day).Select(BlockKitJson.Serialize));
    }

    [Fact]
    public async Task The_credit_chart_runs_from_the_windows_start_to_the_projected_run_out_day()
    {
        var preview = await Preview("T-DIGEST-CREDIT", Credit46);
        var digest = Assert.Single(preview.Campaigns);
        var credit = digest.Credit!;

        var chart = Assert.Single(Charts(Assert.Single(DigestView.Messages(preview.Campaigns, preview.Day))));

        // The demo grant: $6,000 from 18 days before today, projected to run out before its expiry: 30 days drawn in steps of 2.
        Assert.Equal((CreditState.Active, true), (credit.State, credit.ExhaustionProjected));
        Assert.Equal("Credit left and gross spend per day", chart.GetProperty("title").GetString());
        var days = digest.CreditDays;
        Assert.Equal((credit.Grant.Start, credit.ExhaustedOn!.Value), (days[0].Date, days[^1].Date));
        var step = (days.Count + 19) / 20;
        var ends = days.Chunk(step).Select(b => b[^1]).ToList();
        var categories = Categories(chart);
        Assert.Equal(ends.Count, categories.Count);
        Assert.Equal($"{credit.ExhaustedOn:MM-dd} runs out", categories[^1]);
        Assert.All(ends.Zip(categories).SkipLast(1), p => Assert.Equal($"{p.First.Date:MM-dd}{(p.First.Date > credit.AsOf ? " est." : "")}", p.Second));
        Assert.Equal(ends.Select(d => (double)Math.Round(d.CreditLeft, 2)), Values(chart, 0));
        Assert.Equal(0, Values(chart, 0)[^1]);
        Assert.Equal((double)Math.Round(credit.BurnRatePerDay, 2), Values(chart, 1)[^1]);
        Assert.Equal($"Spend/day ({step}d avg)", chart.GetProperty("chart").GetProperty("series")[1].GetProperty("name").GetString());
    }

    [Fact]
    public async Task The_learning_chart_climbs_to_the_conversions_so_far_beside_the_exit_mark()
    {
        var preview = await Preview("T-DIGEST-LEARNING", Learning45);
        var digest = Assert.Single(preview.Campaigns);

        var message = Assert.Single(DigestView.Messages(preview.Campaigns, preview.Day));

        var chart = Assert.Single(Charts(message));
        Assert.Equal("Learning: conversions toward ~50", chart.GetProperty("title").GetString());
        Assert.Equal(digest.Learning.Conversions, (long)Values(chart, 0)[^1]);
        Assert.All(Values(chart, 1), v => Assert.Equal(50, v));
        var share = (int)(digest.Learning.Conversions * 100 / 50);
        var bar = new string('▰', share / 10) + new string('▱', 10 - share / 10);
        Assert.Contains(Texts(message), t => t.Contains($"{digest.Learning.Conversions} of about 50 conversions `{bar} {share}%`", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_digest_of_every_campaign_stays_one_message_with_the_charts_past_the_limit_as_text()
    {
        var preview = await Preview("T-DIGEST-ALL");

        var message = Assert.Single(DigestView.Messages(preview.Campaigns, preview.Day));

        var json = BlockKitJson.Serialize(message);
        BlockKitLimits.Check(json, 50, "digest of every demo campaign");
        Assert.Equal(2, Charts(message).Count);
        // campaign-47's credit window comes third, so it is the chart's text form, right after its section: a code block of sparklines.
        var texts = Texts(message);
        var at47 = texts.FindIndex(t => t.Contains("campaign-47", StringComparison.Ordinal));
        Assert.StartsWith("*Credit left and gross spend per day*\n```\nCredit left ", texts[at47 + 1]);
        Assert.Contains(preview.Campaigns, c => c.Campaign.Id == Credit47 && c.CreditDays.Count > 0);
        Assert.Equal(4, DigestView.Messages(preview.Campaigns, preview.Day, maxCharts: 4).Sum(m => Charts(m).Count));
    }

    [Fact]
    public void Appsettings_holds_the_documented_chart_limit_of_a_digest()
    {
        var shipped = new ConfigurationBuilder().SetBasePath(AppContext.BaseDirectory).AddJsonFile("appsettings.json", optional: false).Build();

        Assert.Equal(2, new DigestOptions().MaxCharts);
        Assert.Equal(new DigestOptions().MaxCharts, shipped.GetSection(DigestOptions.SectionName).Get<DigestOptions>()!.MaxCharts);
    }
}
