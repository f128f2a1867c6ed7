using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Objectives;
using TikTokBot.TikTok.Caching;
using TikTokBot.TikTok.Demo;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.TikTok.Tests;

public sealed class CampaignFactsLoaderTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly DateRange Week = DateRange.Ending(Today.AddDays(-1), 7);

    private static async Task<(CampaignFactsLoader Loader, CampaignInfo Campaign, MovableClock Clock)> Cached()
    {
        var clock = new MovableClock(Today);
        var source = new CachedMetricSource(new DemoMetricSource(clock), clock, new MetricCacheOptions(), new ReportCache(clock), "source", []);
        var campaign = (await source.ListCampaignsAsync(CancellationToken.None)).First(c => c.Id == "1800000000000042");
        return (new CampaignFactsLoader(source), campaign, clock);
    }

    [Fact]
    public async Task The_same_question_gets_equal_facts_and_other_criteria_are_carried_through()
    {
        var (loader, campaign, _) = await Cached();

        var first = await loader.LoadAsync(campaign, Week, new SuccessCriteria(25m, 50), CancellationToken.None);
        var second = await loader.LoadAsync(campaign, Week, new SuccessCriteria(30m, 50), CancellationToken.None);

        Assert.Equal(first.Current, second.Current);
        Assert.Equal(first.Daily, second.Daily);
        Assert.Equal(25m, first.Criteria!.TargetCostPerOutcome);
        Assert.Equal(30m, second.Criteria!.TargetCostPerOutcome);
    }
}
