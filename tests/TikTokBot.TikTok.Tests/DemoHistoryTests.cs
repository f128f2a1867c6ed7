using TikTokBot.Domain.Benchmarks;
using TikTokBot.Domain.Campaigns;
using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Objectives;
using TikTokBot.TikTok.Demo;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.TikTok.Tests;

/// <summary>The demo account has a history of ended campaigns, so its own benchmarks show on a fresh machine.</summary>
public sealed class DemoHistoryTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private readonly DemoMetricSource _source = new(new FixedClock(Today));

    [Fact]
    public async Task Ended_campaigns_are_disabled_and_deliver_only_between_launch_and_the_day_before_they_were_turned_off()
    {
        var ended = await _source.ListEndedCampaignsAsync(CancellationToken.None);
        var window = AccountBenchmarks.Window(Today, new AccountBenchmarkOptions());

        Assert.Equal(13, ended.Count);
        foreach (var campaign in ended)
        {
            Assert.Equal(CampaignStatus.Paused, campaign.DeliveryStatus);
            var days = await _source.GetDailyAsync(Scope.Campaign(campaign.Id), window, CancellationToken.None);
            Assert.Equal(campaign.CreatedOn, days[0].Date);
            Assert.Equal(campaign.StatusChangedOn!.Value.AddDays(-1), days[^1].Date);
            Assert.True(days[^1].Date < Today.AddDays(-1));
            Assert.True(window.Contains(days[0].Date));
        }

        // The running campaigns are listed as before; ended ones are not among them.
        var listed = await _source.ListCampaignsAsync(CancellationToken.None);
        Assert.Equal(8, listed.Count);
        Assert.Empty(listed.Select(c => c.Id).Intersect(ended.Select(c => c.Id)));
    }

    [Theory]
    [InlineData(Objective.WebsiteConversions)]
    [InlineData(Objective.AppInstalls)]
    [InlineData(Objective.LeadGeneration)]
    [InlineData(Objective.Awareness)]
    public async Task Every_objective_of_the_running_campaigns_has_enough_ended_campaigns_for_an_account_benchmark(Objective objective)
    {
        var options = new AccountBenchmarkOptions();
        var window = AccountBenchmarks.Window(Today, options);
        var history = new List<CampaignHistory>();
        foreach (var campaign in await _source.ListEndedCampaignsAsync(CancellationToken.None))
        {
            var days = await _source.GetDailyAsync(Scope.Campaign(campaign.Id), window, CancellationToken.None);
            var reach = await _source.GetReachAsync(Scope.Campaign(campaign.Id), window, CancellationToken.None);
            history.Add(new CampaignHistory(campaign.AdvertiserId, campaign.Id, campaign.Name, campaign.Objective!.Value, campaign.CreatedOn,
                new ScopeTotals(RawTotals.Sum(days.Select(d => d.Counts)), reach)));
        }

        var benchmark = AccountBenchmarks.For(DemoDataSet.AdvertiserId, objective, null, history, options);

        Assert.True(benchmark.EnoughHistory);
        var ctr = benchmark.For(MetricId.Ctr)!;
        Assert.True(ctr.LowerQuartile <= ctr.Median && ctr.Median <= ctr.UpperQuartile);
    }
}
