using TikTokBot.Domain.Campaigns;
using TikTokBot.Domain.Diagnosis;
using TikTokBot.Domain.Metrics;
using static TikTokBot.Domain.Tests.Scenario;

namespace TikTokBot.Domain.Tests;

/// <summary>A paused or deleted campaign gets no advice to spend, bid or reach more; delivery is judged on enabled days only.</summary>
public sealed class CampaignStatusTests
{
    private static CampaignFacts Paused(CampaignFacts facts, CampaignStatus status = CampaignStatus.Paused, DateOnly? since = null) =>
        facts with { Campaign = facts.Campaign with { Status = status, StatusSince = since } };

    [Theory]
    [InlineData(CampaignStatus.Paused)]
    [InlineData(CampaignStatus.Deleted)]
    public void A_campaign_that_is_not_enabled_gets_no_budget_targeting_or_bid_advice(CampaignStatus status)
    {
        // Enabled, the same figures give low delivery ($800 of a $1,400 budget spent), which says to reach more; the room to
        // scale of a real-time CPA of $33.33 under the $40 target is not offered beside that problem.
        var enabled = Facts(dailyBudget: 200m);
        Assert.Equal(["low-delivery"], RuleIds(enabled));

        var findings = Engine.Diagnose(Paused(enabled, status)).Findings;

        Assert.Empty(findings);
    }

    [Fact]
    public void A_paused_campaign_keeps_the_rest_of_a_finding_but_not_its_targeting_advice()
    {
        // $3,000 over 1,000 clicks: CPC $3.00 (> $2.50) with a CVR of 1.50% (< 1.92%): expensive clicks, with a new hook
        // first and a tighter audience second.
        var facts = Facts(Healthy with { Spend = 3_000m, Conversions = 15 });
        var enabled = Assert.Single(Engine.Diagnose(facts).Findings, f => f.RuleId == "expensive-clicks");
        Assert.Equal([FixKind.Creative, FixKind.Targeting], enabled.Fixes.Select(f => f.Kind));

        var paused = Engine.Diagnose(Paused(facts)).Findings;

        var kept = Assert.Single(paused, f => f.RuleId == "expensive-clicks");
        Assert.Equal([FixKind.Creative], kept.Fixes.Select(f => f.Kind));
        Assert.Equal(enabled.Evidence, kept.Evidence);
        Assert.All(paused.SelectMany(f => f.Fixes), f => Assert.DoesNotContain(f.Kind, new[] { FixKind.Budget, FixKind.Targeting, FixKind.Bid }));
    }

    [Fact]
    public void Enabled_days_run_from_launch_to_the_day_before_the_status_changed()
    {
        var campaign = Facts(launchedOn: new DateOnly(2026, 11, 10)).Campaign;

        // Week 2026-11-14..20: all 7 while enabled; paused from the 18th: the 14th to the 17th, 4 days.
        Assert.Equal(7, campaign.EnabledDays(Week));
        Assert.Equal(4, (campaign with { Status = CampaignStatus.Paused, StatusSince = new DateOnly(2026, 11, 18) }).EnabledDays(Week));
        // Paused before the week began: none. Paused on an unknown day: the whole week is all that can be said.
        Assert.Equal(0, (campaign with { Status = CampaignStatus.Paused, StatusSince = new DateOnly(2026, 11, 12) }).EnabledDays(Week));
        Assert.Equal(7, (campaign with { Status = CampaignStatus.Paused }).EnabledDays(Week));
        // Launched on the 19th: the 19th and 20th.
        Assert.Equal(2, Facts(launchedOn: new DateOnly(2026, 11, 19)).Campaign.EnabledDays(Week));
    }

    [Fact]
    public void A_count_the_source_did_not_report_is_no_data_in_every_metric_built_on_it()
    {
        var totals = new ScopeTotals(Healthy with { Unreported = RawCount.AllClicks | RawCount.PurchaseValue }, 40_000);

        Assert.Null(totals.Value(MetricId.AllClicks));
        Assert.Null(totals.Value(MetricId.CpcAll));
        Assert.Null(totals.Value(MetricId.DestinationShareOfClicks));
        Assert.Null(totals.Value(MetricId.Roas));
        Assert.Equal(1_000m, totals.Value(MetricId.DestinationClicks));
        Assert.Equal(0.01m, totals.Value(MetricId.Ctr));
        Assert.Equal("—", MetricFormat.Format(MetricId.AllClicks, totals.Value(MetricId.AllClicks)));
        // A total with an unreported part is unreported; a reported zero stays a zero.
        var sum = RawTotals.Sum([Healthy, Healthy with { Unreported = RawCount.AllClicks }]);
        Assert.Equal(RawCount.AllClicks, sum.Unreported);
        Assert.Equal(RawCount.AllClicks, (Healthy + (Healthy with { Unreported = RawCount.AllClicks })).Unreported);
        Assert.Equal(0m, new ScopeTotals(RawTotals.Zero).Value(MetricId.AllClicks));
    }
}
