using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Objectives;
using TikTokBot.TikTok.Csv;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.TikTok.Tests;

public sealed class CsvMetricSourceTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tiktokbot-csv-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    // Columns in an unusual order, thousands separators, a currency symbol, a percent column, "-" for no data,
    // a quoted name with a comma, and a totals line at the bottom as Ads Manager writes it.
    private const string CampaignExport =
        "Impressions,Cost,Campaign name,Campaign ID,By Day,Clicks (destination),Clicks (all),CTR (destination),Conversions,Reach,Objective\n" +
        "\"12,500\",$100.50,\"Autumn Sale, EU\",1800000000000042,2026-11-19,125,300,1.00%,4,\"9,000\",Website conversions\n" +
        "\"10,000\",$80.25,\"Autumn Sale, EU\",1800000000000042,2026-11-20,90,-,0.90%,-,-,Website conversions\n" +
        "\"5,000\",$20.00,Brand Q4,1800000000000047,2026-11-20,10,50,0.20%,0,\"4,100\",Reach\n" +
        "\"27,500\",$200.75,Total of 3 results,,,225,350,0.82%,4,,\n";

    [Fact]
    public async Task An_export_is_read_whatever_the_column_order_and_number_format()
    {
        var source = new CsvMetricSource(Write("export.csv", CampaignExport));

        var daily = await source.GetDailyAsync(Scope.Campaign("1800000000000042"), new DateRange(new DateOnly(2026, 11, 19), new DateOnly(2026, 11, 20)), CancellationToken.None);

        Assert.Equal(
            [
                new DailyTotals(new DateOnly(2026, 11, 19), new RawTotals { Impressions = 12_500, Spend = 100.50m, DestinationClicks = 125, AllClicks = 300, Conversions = 4 }),
                new DailyTotals(new DateOnly(2026, 11, 20), new RawTotals { Impressions = 10_000, Spend = 80.25m, DestinationClicks = 90 }),
            ],
            daily);
        Assert.Empty(source.Problems);
    }

    [Fact]
    public async Task Campaigns_are_listed_with_objectives_read_from_the_export()
    {
        var campaigns = await new CsvMetricSource(Write("export.csv", CampaignExport)).ListCampaignsAsync(CancellationToken.None);

        Assert.Equal(
            [("1800000000000042", "Autumn Sale, EU", Objective.WebsiteConversions, new DateOnly(2026, 11, 19)), ("1800000000000047", "Brand Q4", Objective.Awareness, new DateOnly(2026, 11, 20))],
            campaigns.Select(c => (c.Id, c.Name, c.Objective!.Value, c.CreatedOn)));
    }

    [Fact]
    public async Task Reach_is_known_for_a_single_reported_day_and_never_summed_over_a_range()
    {
        var source = new CsvMetricSource(Write("export.csv", CampaignExport));
        var scope = Scope.Campaign("1800000000000042");

        Assert.Equal(9_000, await source.GetReachAsync(scope, new DateRange(new DateOnly(2026, 11, 19), new DateOnly(2026, 11, 19)), CancellationToken.None));
        Assert.Null(await source.GetReachAsync(scope, new DateRange(new DateOnly(2026, 11, 19), new DateOnly(2026, 11, 20)), CancellationToken.None));
    }

    [Fact]
    public async Task Rows_that_cannot_be_read_are_reported_with_file_line_and_reason()
    {
        var path = Write("broken.csv",
            "By Day,Campaign name,Cost,Impressions\n" +
            "2026-11-19,Spring,10.00,1000\n" +
            "yesterday,Spring,10.00,1000\n" +
            "2026-11-20,Spring,ten dollars,1000\n" +
            "2026-11-21,,5.00,500\n");
        var source = new CsvMetricSource(path);

        var campaigns = await source.ListCampaignsAsync(CancellationToken.None);

        Assert.Single(campaigns);
        Assert.Equal(
            ["broken.csv line 3: \"yesterday\" is not a date (expected e.g. 2026-11-20)",
             "broken.csv line 4: Cost \"ten dollars\" is not a number",
             "broken.csv line 5: no campaign name or ID"],
            source.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public async Task A_file_without_the_needed_columns_is_an_error_that_names_them()
    {
        var source = new CsvMetricSource(Write("wrong.csv", "Campaign name,Clicks\nSpring,12\n"));

        var error = await Assert.ThrowsAsync<CsvImportException>(() => source.ListCampaignsAsync(CancellationToken.None));

        Assert.Contains("\"By Day\"", error.Message);
        Assert.Contains("\"Cost\"", error.Message);
        Assert.Contains("\"Impressions\"", error.Message);
        Assert.Contains("wrong.csv", error.Message);
    }

    [Fact]
    public async Task A_file_with_no_readable_row_is_an_error_not_an_empty_account()
    {
        var source = new CsvMetricSource(Write("empty.csv", "By Day,Campaign name,Cost,Impressions\nnot a date,Spring,1,1\n"));

        var error = await Assert.ThrowsAsync<CsvImportException>(() => source.ListCampaignsAsync(CancellationToken.None));

        Assert.Contains("no row TikTokBot could read", error.Message);
        Assert.Contains("line 2", error.Message);
    }

    [Fact]
    public async Task A_folder_of_ad_group_exports_adds_up_to_the_campaign_and_breaks_down_by_ad_group()
    {
        Write("week1.csv", "Date;Campaign ID;Campaign name;Ad group ID;Ad group name;Cost;Impressions;Conversions\n" +
                           "2026-11-19;42;Autumn;g1;Broad;10,00;1000;1\n");
        Write("week2.csv", "Date;Campaign ID;Campaign name;Ad group ID;Ad group name;Cost;Impressions;Conversions\n" +
                           "2026-11-19;42;Autumn;g2;Lookalike;5.5;400;2\n" +
                           "2026-11-20;42;Autumn;g1;Broad;20;2000;3\n");
        var source = new CsvMetricSource(_folder);
        var range = new DateRange(new DateOnly(2026, 11, 19), new DateOnly(2026, 11, 20));

        var daily = await source.GetDailyAsync(Scope.Campaign("42"), range, CancellationToken.None);
        var groups = await source.GetBreakdownAsync("42", BreakdownDimension.AdGroup, range, CancellationToken.None);

        Assert.Equal([1_400L, 2_000L], daily.Select(d => d.Counts.Impressions));
        Assert.Equal([15.5m, 20m], daily.Select(d => d.Counts.Spend));
        Assert.Equal([("g1", "Broad", 3_000L, 4L), ("g2", "Lookalike", 400L, 2L)],
            groups.Select(g => (g.Key, g.Name, g.Totals.Counts.Impressions, g.Totals.Counts.Conversions)));
        Assert.Empty(await source.GetBreakdownAsync("42", BreakdownDimension.Age, range, CancellationToken.None));
    }

    [Theory]
    [InlineData("1,234.50", "1234.50")]
    [InlineData("12,500", "12500")]
    [InlineData("10,50", "10.50")]
    [InlineData("$12.30", "12.30")]
    [InlineData("EUR 9", "9")]
    [InlineData("9 USD", "9")]
    [InlineData("1.2%", "1.2")]
    [InlineData("-", null)]
    [InlineData("", null)]
    [InlineData("N/A", null)]
    public void Numbers_are_read_through_separators_symbols_and_dashes(string text, string? expected)
    {
        Assert.True(AdsManagerCsv.TryNumber(text, out var value));
        Assert.Equal(expected is null ? (decimal?)null : decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("ten")]
    [InlineData("12abc")]
    [InlineData("1.2.3")]
    public void Text_that_is_not_a_number_is_refused(string text)
    {
        Assert.False(AdsManagerCsv.TryNumber(text, out _));
    }
}
