using TikTokBot.Domain;
using TikTokBot.Domain.Campaigns;
using TikTokBot.Domain.Metrics;
using TikTokBot.Reports;
using TikTokBot.Slack.BlockKit;
using TikTokBot.TikTok.Caching;
using TikTokBot.TikTok.Calendar;
using TikTokBot.TikTok.Demo;
using TikTokBot.TikTok.Sources;
using static TikTokBot.Reports.ReportService;

namespace TikTokBot.Tests.Reports;

/// <summary>A paused campaign says so in the list and in its summary's header; an enabled one says nothing extra.</summary>
public sealed class CampaignStatusViewTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly DateRange Week = DateRange.Ending(Today.AddDays(-1), 7);

    [Fact]
    public async Task The_list_and_the_summary_show_a_paused_campaign_as_paused_since_the_day_tiktok_gives()
    {
        var source = new DemoMetricSource(new TikTokBot.Testing.NoonClock(Today));
        var campaigns = await source.ListCampaignsAsync(CancellationToken.None);
        var paused = campaigns[0] with { Status = "DISABLE", SecondaryStatus = "CAMPAIGN_STATUS_DISABLE", StatusChangedOn = new DateOnly(2026, 11, 19) };
        var enabled = campaigns[1];

        var engine = new CampaignEngine(new DiagnosisOptions());
        var days = new BusinessDays(Today);
        async Task<CampaignOverview> Overview(CampaignInfo campaign)
        {
            var facts = await new CampaignFactsLoader(source).LoadAsync(campaign, Week, null, CancellationToken.None);
            return new CampaignOverview(campaign, Period.Default, days, facts, engine.Summarise(facts), engine.Diagnose(facts),
                engine.AssessLearning(facts, Today), null, null) { Key = new OverviewKey("test", campaign.Id, Week) };
        }

        var pausedOverview = await Overview(paused);
        var list = string.Concat(ReportViews.CampaignList([pausedOverview, await Overview(enabled)], Week).Select(BlockKitJson.Serialize));
        var summary = string.Concat(ReportViews.Summary(pausedOverview).Select(BlockKitJson.Serialize));
        var facts = pausedOverview.Facts;

        Assert.Equal(CampaignStatus.Paused, facts.Campaign.Status);
        Assert.Single(list.Split("paused since 19 Nov 2026")[1..]);
        Assert.Contains("paused since 19 Nov 2026", summary);
        Assert.DoesNotContain("raise the daily budget", summary, StringComparison.OrdinalIgnoreCase);
    }
}
