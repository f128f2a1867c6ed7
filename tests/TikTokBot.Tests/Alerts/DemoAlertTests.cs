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
            var input = AlertInputs.From(demo.Info, days, reach, Today.ToDateTime(new TimeOnly(12, 0)), demo.Criteria?.TargetCostPerOutcome, null, options);
            fired[demo.Situation] = AlertRules.Check(input, options).Select(a => a.Rule).ToArray();
        }

        // The fatiguing campaign's frequency is past 4 today; the healthy one says nothing. The campaign that spends
        // without converting has spent about 36 of its 90 a day by noon, short of the 50 of meaningful spend without a target.
        Assert.Equal([AlertRule.FrequencyAlert], fired[DemoSituation.CreativeFatigue]);
        Assert.Empty(fired[DemoSituation.HealthyReadyToScale]);
        Assert.DoesNotContain(AlertRule.SpendWithoutConversions, fired[DemoSituation.SpendWithoutConversions]);
    }
}
