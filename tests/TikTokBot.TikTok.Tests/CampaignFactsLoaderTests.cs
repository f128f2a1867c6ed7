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
        var source = new CachedMetricSource(new DemoMetricSource(clock), clock, new MetricCacheOptions());
        var campaign = (await source.ListCampaignsAsync(CancellationToken.None)).First(c => c.Id == "1800000000000042");
        return (new CampaignFactsLoader(source), campaign, clock);
    }

    [Fact]
    public async Task While_the_cache_keeps_the_rows_the_same_question_gets_the_same_facts()
    {
        var (loader, campaign, _) = await Cached();

        var first = await loader.LoadAsync(campaign, Week, new SuccessCriteria(25m, 50), CancellationToken.None);
        var second = await loader.LoadAsync(campaign, Week, new SuccessCriteria(25m, 50), CancellationToken.None);

        Assert.Same(first, second);
    }

    [Fact]
    public async Task Other_criteria_or_rows_the_cache_loaded_again_give_new_facts()
    {
        var (loader, campaign, clock) = await Cached();
        var first = await loader.LoadAsync(campaign, Week, new SuccessCriteria(25m, 50), CancellationToken.None);

        var otherCriteria = await loader.LoadAsync(campaign, Week, new SuccessCriteria(30m, 50), CancellationToken.None);
        clock.Advance(TimeSpan.FromHours(7));
        var reloaded = await loader.LoadAsync(campaign, Week, new SuccessCriteria(25m, 50), CancellationToken.None);

        Assert.NotSame(first, otherCriteria);
        Assert.Equal(30m, otherCriteria.Criteria!.TargetCostPerOutcome);
        Assert.NotSame(first, reloaded);
        Assert.Equal(first.Current, reloaded.Current);
    }
}
