using TikTokBot.Alerts;
using TikTokBot.Domain.Alerts;
using TikTokBot.TikTok.Demo;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.Tests.Alerts;

public sealed class DemoAlertTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    [Fact]
    public async Task The_fatiguing_demo_campaign_trips_the_frequency_alert_today_and_the_healthy_one_stays_quiet()
    {
        var source = new DemoMetricSource(new TikTokBot.Testing.NoonClock(Today));
        var options = new AlertOptions();
        var fired = new Dictionary<DemoSituation, IReadOnlyList<AlertRule>>();

        foreach (var demo in source.DataSet.Campaigns)
        {
            var scope = Scope.Campaign(demo.Info.Id);
            var range = AlertInputs.Range(Today, options);
            var days = await source.GetDailyAsync(scope, range, CancellationToken.None);
            var reach = await source.GetReachAsync(scope, range, CancellationToken.None);
            var hours = await source.GetHourlyAsync(scope, Today, CancellationToken.None);
            var input = AlertInputs.From(demo.Info, days, reach, Today.ToDateTime(new TimeOnly(12, 0)), demo.Criteria?.TargetCostPerOutcome, null, options, hours);
            fired[demo.Situation] = AlertRules.Check(input, options).Select(a => a.Rule).ToArray();
        }

        // The fatiguing campaign's frequency is past 4 today; the healthy one says nothing. The campaign that spends
        // without converting has spent about 36 of its 90 a day by noon, short of the 50 of meaningful spend without a target.
        Assert.Equal([AlertRule.FrequencyAlert], fired[DemoSituation.CreativeFatigue]);
        Assert.Empty(fired[DemoSituation.HealthyReadyToScale]);
        Assert.DoesNotContain(AlertRule.SpendWithoutConversions, fired[DemoSituation.SpendWithoutConversions]);
        // Its small retargeting audience ran dry at 10:00: no impressions at 10:00 and 11:00, the last two hours over by noon.
        Assert.Contains(AlertRule.NoDelivery, fired[DemoSituation.SpendWithoutConversions]);
        Assert.All(fired.Where(f => f.Key != DemoSituation.SpendWithoutConversions), f => Assert.DoesNotContain(AlertRule.NoDelivery, f.Value));
    }

    [Fact]
    public async Task The_demo_hours_add_up_to_its_days_and_stop_three_hours_back_for_the_campaign_that_ran_dry()
    {
        var source = new DemoMetricSource(new TikTokBot.Testing.NoonClock(Today));
        foreach (var id in new[] { "1800000000000041", "1800000000000048" })
        {
            var scope = Scope.Campaign(id);
            var hours = (await source.GetHourlyAsync(scope, Today, CancellationToken.None))!;
            var day = Assert.Single(await source.GetDailyAsync(scope, new(Today, Today), CancellationToken.None));

            // Noon: 00:00 to 12:00 reported, the last still running.
            Assert.Equal(Enumerable.Range(0, 13).Select(h => Today.ToDateTime(new TimeOnly(h, 0))), hours.Select(h => h.Hour));
            Assert.Equal((day.Counts.Impressions, day.Counts.Spend), (hours.Sum(h => h.Counts.Impressions), hours.Sum(h => h.Counts.Spend)));
            Assert.Equal(id.EndsWith("48", StringComparison.Ordinal) ? 10 : 13, hours.Count(h => h.Counts.Impressions > 0));
        }

        Assert.Equal(24, (await source.GetHourlyAsync(Scope.Campaign("1800000000000041"), Today.AddDays(-1), CancellationToken.None))!.Count);
    }
}
