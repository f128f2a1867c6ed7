using TikTokBot.Commands;
using TikTokBot.Domain.Benchmarks;
using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Objectives;
using TikTokBot.Domain.Trends;
using TikTokBot.Reports;
using TikTokBot.Slack.BlockKit;
using TikTokBot.Requests;

namespace TikTokBot.Tests.Reports;

/// <summary>
/// <c>/ttmetrics trends</c> drawn from a hand-made history of advertiser A1. Website conversions, 100,000 impressions each:
/// "Sep A" (3 Sep: $1,000, 1,000 clicks, 40 conversions), "Sep B" (20 Sep: $1,000, 1,200 clicks, 40), "Oct" (10 Oct: $1,100,
/// 1,100 clicks, 50), "Nov" (2 Nov: $1,025, 1,250 clicks, 50). By month from summed counts: September $2,000 / 80 = $25.00 a
/// conversion, CTR 2,200 / 200,000 = 1.10%, CVR 80 / 2,200 = 3.64%; October $22.00, 1.10%, 4.55%; November $20.50, 1.25%, 4.00%.
/// Two lead-generation campaigns are too few for a benchmark.
/// </summary>
public sealed class TrendViewTests
{
    private static CampaignHistory Campaign(string name, Objective objective, DateOnly launched, decimal spend, long clicks, long conversions) =>
        new("A1", name, name, objective, launched,
            new ScopeTotals(new RawTotals { Impressions = 100_000, Spend = spend, DestinationClicks = clicks, AllClicks = clicks * 2, Conversions = conversions }, 50_000));

    private static readonly CampaignHistory[] History =
    [
        Campaign("Nov", Objective.WebsiteConversions, new DateOnly(2026, 11, 2), 1_025m, 1_250, 50),
        Campaign("Sep A", Objective.WebsiteConversions, new DateOnly(2026, 9, 3), 1_000m, 1_000, 40),
        Campaign("Oct", Objective.WebsiteConversions, new DateOnly(2026, 10, 10), 1_100m, 1_100, 50),
        Campaign("Sep B", Objective.WebsiteConversions, new DateOnly(2026, 9, 20), 1_000m, 1_200, 40),
        Campaign("Guide", Objective.LeadGeneration, new DateOnly(2026, 10, 1), 500m, 800, 20),
        Campaign("Webinar", Objective.LeadGeneration, new DateOnly(2026, 11, 1), 400m, 900, 25),
    ];

    private static IReadOnlyList<Block> Trends(Objective? objective, bool byCampaign, IReadOnlyList<CampaignHistory>? history = null) =>
        Assert.Single(TrendViews.Trends(new MetricsCommand.Trends(objective, null, byCampaign), history ?? History, new AccountBenchmarkOptions(), new TrendOptions())).Blocks!;

    private static string[] Sections(IReadOnlyList<Block> blocks) => blocks.OfType<SectionBlock>().Select(s => s.Text!.Text).ToArray();

    [Fact]
    public void By_month_each_months_figures_come_from_its_campaigns_summed_counts_with_the_direction()
    {
        var blocks = Trends(Objective.WebsiteConversions, byCampaign: false);

        var section = Assert.Single(Sections(blocks));
        Assert.Contains("*Cost per conversion*: September $25.00 · October $22.00 · November $20.50\n" +
            "Your cost per conversion fell 18% from September's campaigns to November's.", section);
        // 1.10% to 1.25%: up 13.6%.
        Assert.Contains("*CTR (destination)*: September 1.10% · October 1.10% · November 1.25%\nYour CTR (destination) rose 14% from September's campaigns to November's.", section);
        Assert.Contains("*CVR (clicks)*: September 3.64% · October 4.55% · November 4.00%", section);
        // No campaign had video views: no completion-rate line.
        Assert.DoesNotContain("completion", section, StringComparison.OrdinalIgnoreCase);

        // The chart indexes each line to its first month: cost 100, 88, 82; CTR 100, 100, 113.6.
        var chart = Assert.IsType<LineChart>(Assert.Single(blocks.OfType<DataVisualizationBlock>()).Chart);
        Assert.Equal(["September", "October", "November"], chart.AxisConfig.Categories);
        Assert.Equal([100d, 88d, 82d], chart.Series.Single(s => s.Name == "Cost per conversion").Data.Select(p => p.Value));
        Assert.Equal([100d, 100d, 113.6d], chart.Series.Single(s => s.Name == "CTR (destination)").Data.Select(p => p.Value));
    }

    [Fact]
    public void Campaign_by_campaign_in_launch_order_from_the_first_to_the_latest()
    {
        var section = Assert.Single(Sections(Trends(Objective.WebsiteConversions, byCampaign: true)));

        // Sep A $1,000 / 40 = $25.00, Sep B $25.00, Oct $22.00, Nov $20.50: 18% cheaper. CTR 1.00% to 1.25%: up 25%.
        Assert.Contains("*Cost per conversion*: Sep A $25.00 · Sep B $25.00 · Oct $22.00 · Nov $20.50\n" +
            "Your cost per conversion fell 18% from the first campaign (Sep A) to the latest (Nov).", section);
        Assert.Contains("*CTR (destination)*: Sep A 1.00% · Sep B 1.20% · Oct 1.10% · Nov 1.25%\nYour CTR (destination) rose 25% from the first campaign (Sep A) to the latest (Nov).", section);
    }

    [Fact]
    public void Without_an_objective_each_objective_with_history_has_its_section_and_the_filter_keeps_one()
    {
        var all = Sections(Trends(null, byCampaign: false));
        Assert.Equal(2, all.Length);
        Assert.StartsWith("*Lead generation*", all[0]);
        Assert.StartsWith("*Website conversions*", all[1]);

        var leads = Assert.Single(Sections(Trends(Objective.LeadGeneration, byCampaign: false)));
        Assert.StartsWith("*Lead generation*", leads);
        Assert.DoesNotContain("September", leads);
    }

    [Fact]
    public void Too_few_campaigns_say_so_draw_no_chart_and_fall_back_to_tiktoks_benchmarks()
    {
        var blocks = Trends(Objective.LeadGeneration, byCampaign: false);

        var section = Assert.Single(Sections(blocks));
        // The months' figures still show (October $500 / 20 = $25.00, November $400 / 25 = $16.00), with no direction read into them.
        Assert.Contains("*Cost per conversion*: October $25.00 · November $16.00", section);
        Assert.Contains("Not enough history yet to see a trend in your cost per conversion: 2 campaign(s) with enough volume, 3 needed.", section);
        Assert.DoesNotContain("fell", section);
        Assert.EndsWith("Until 3 campaigns have enough volume, summaries and fixes judge Lead generation campaigns by TikTok's published benchmarks only.", section);
        Assert.Empty(blocks.OfType<DataVisualizationBlock>());
    }

    [Fact]
    public void An_objective_without_any_campaign_says_so()
    {
        var section = Assert.Single(Sections(Trends(Objective.VideoViews, byCampaign: false)));

        Assert.Equal("*Video views*: no campaign with enough volume in that window.", section);
    }

    [Fact]
    public void Two_advertisers_of_one_workspace_are_never_one_account()
    {
        // A second advertiser's two conversion campaigns would make five with A1's three; apart, A2 has too few.
        var history = History.Take(3).Concat(History.Take(2).Select(h => h with { AdvertiserId = "A2", CampaignId = "x" + h.CampaignId })).ToArray();

        var sections = Sections(Trends(Objective.WebsiteConversions, byCampaign: true, history));

        Assert.Equal(2, sections.Length);
        Assert.StartsWith("*Website conversions (advertiser A1)*", sections[0]);
        Assert.Contains("Sep A $25.00 · Oct $22.00 · Nov $20.50", sections[0]);
        Assert.StartsWith("*Website conversions (advertiser A2)*", sections[1]);
        Assert.Contains("Not enough history yet", sections[1]);
    }
}
