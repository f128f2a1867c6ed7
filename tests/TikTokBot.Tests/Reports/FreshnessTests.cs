using TikTokBot.Domain.Metrics;
using TikTokBot.Reports;

namespace TikTokBot.Tests.Reports;

/// <summary>The one freshness line every view with today's or yesterday's figures carries, on a fixed instant.</summary>
public sealed class FreshnessTests
{
    // 2026-12-01 15:20 UTC is 07:20 in Los Angeles, still 1 December there; 00:20 on 2 December in Tokyo.
    private static readonly DateTimeOffset ReadAt = new(2026, 12, 1, 15, 20, 0, TimeSpan.Zero);

    [Fact]
    public void Todays_figures_say_when_they_were_read_in_the_advertisers_zone_and_that_the_latest_hours_and_yesterdays_conversions_may_grow()
    {
        Assert.Equal(
            "Read 07:20 America/Los_Angeles; the latest hours may still grow (TikTok reports about 10 minutes behind); " +
            "yesterday's conversions may still grow (credited to the day of the click or impression).",
            Freshness.Line(ReadAt, "America/Los_Angeles", new DateOnly(2026, 12, 1)));
    }

    [Fact]
    public void Closed_days_ending_yesterday_say_only_that_yesterdays_conversions_may_grow_and_older_days_say_nothing()
    {
        // In Tokyo it is already 2 December: the 7 days to 1 December end yesterday.
        Assert.Equal(
            "Read 00:20 Asia/Tokyo; yesterday's conversions may still grow (credited to the day of the click or impression).",
            Freshness.Line(ReadAt, "Asia/Tokyo", DateRange.Ending(new DateOnly(2026, 12, 1), 7)));
        Assert.Null(Freshness.Line(ReadAt, "Asia/Tokyo", DateRange.Ending(new DateOnly(2026, 11, 30), 7)));
        Assert.Null(Freshness.Line(ReadAt, null, DateRange.Ending(new DateOnly(2026, 11, 29), 7)));
    }

    [Fact]
    public void An_audience_breakdown_says_it_can_be_hours_behind_even_over_closed_days()
    {
        Assert.Equal("Read 15:20 UTC; a breakdown by age, gender or placement can be 6-12 hours behind.",
            Freshness.Line(ReadAt, "UTC", DateRange.Ending(new DateOnly(2026, 11, 20), 7), audienceBreakdown: true));
    }
}

/// <summary><c>/ttmetrics &lt;campaign&gt; explain</c>: parsed, and what it says for a campaign in another zone and currency.</summary>
public sealed class ExplainTests
{
    [Fact]
    public void Explain_after_a_campaign_is_its_own_command_and_in_the_help()
    {
        Assert.Equal(new TikTokBot.Requests.MetricsCommand.Explain("campaign-42 Autumn Sale"), TikTokBot.Commands.CommandParser.Parse("campaign-42 Autumn Sale explain"));
        Assert.Contains("campaign-42 explain", TikTokBot.Commands.CommandParser.HelpText(), StringComparison.Ordinal);
        Assert.Contains("why the numbers may differ from Ads Manager", TikTokBot.Commands.CommandParser.HelpText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_names_the_attribution_day_the_advertisers_zone_the_report_lag_the_currency_and_what_counts_as_a_conversion()
    {
        var campaign = new TikTokBot.TikTok.Sources.CampaignInfo("c1", "Spring <Sale>", "7000000000000001", "WEB_CONVERSIONS",
            TikTokBot.Domain.Objectives.Objective.WebsiteConversions, "ENABLE", 100m, new DateOnly(2026, 10, 1), Currency: "JPY", TimeZone: "Asia/Tokyo");

        var text = System.Text.RegularExpressions.Regex.Unescape(string.Join("\n", ExplainView.Explain(campaign, new DateTimeOffset(2026, 12, 1, 15, 20, 0, TimeSpan.Zero)).Select(TikTokBot.Slack.BlockKit.BlockKitJson.Serialize)));

        Assert.Contains("*Attribution day.* TikTok credits a conversion (`conversion`) to the day of the click or impression", text, StringComparison.Ordinal);
        // 15:20 UTC is 00:20 on 2 December in Tokyo: yesterday there is 1 December.
        Assert.Contains("2026-12-01's conversions (and a few days before) still grow", text, StringComparison.Ordinal);
        Assert.Contains("the advertiser's day in *Asia/Tokyo* (now 2026-12-02 00:20 there)", text, StringComparison.Ordinal);
        Assert.Contains("about 10 minutes behind", text, StringComparison.Ordinal);
        Assert.Contains("6 to 12 hours behind", text, StringComparison.Ordinal);
        Assert.Contains("*JPY*, as TikTok reports them, rounded to its 0 decimal(s)", text, StringComparison.Ordinal);
        Assert.Contains("*What counts as a conversion.*", text, StringComparison.Ordinal);
        Assert.Contains("Spring &lt;Sale&gt;", text, StringComparison.Ordinal);
    }
}
