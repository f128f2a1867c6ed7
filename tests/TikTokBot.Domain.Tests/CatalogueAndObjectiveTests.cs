using TikTokBot.Domain.Funnel;
using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Objectives;

namespace TikTokBot.Domain.Tests;

public sealed class CatalogueAndObjectiveTests
{
    [Fact]
    public void The_catalogue_describes_every_metric_once_and_is_indexed_by_id()
    {
        var ids = Enum.GetValues<MetricId>();

        Assert.Equal(ids.Length, MetricCatalogue.All.Count);
        Assert.All(ids, id => Assert.Equal(id, MetricCatalogue.Get(id).Id));
        Assert.All(MetricCatalogue.All, d => Assert.NotEmpty(d.ApiFields));
    }

    [Fact]
    public void The_fifteen_metrics_of_the_first_guide_are_marked_and_staged_in_funnel_order()
    {
        var guide = MetricCatalogue.All.Where(d => d.InFirstGuide).Select(d => (d.Id, d.Stage)).ToArray();

        Assert.Equal(
            [
                (MetricId.Impressions, FunnelStage.Delivery), (MetricId.Reach, FunnelStage.Delivery), (MetricId.Frequency, FunnelStage.Delivery),
                (MetricId.DestinationClicks, FunnelStage.Engagement), (MetricId.AllClicks, FunnelStage.Engagement),
                (MetricId.Spend, FunnelStage.Cost), (MetricId.CpcDestination, FunnelStage.Cost), (MetricId.CostPer1000Reached, FunnelStage.Cost),
                (MetricId.CostPerConversion, FunnelStage.Cost),
                (MetricId.Conversions, FunnelStage.Conversion), (MetricId.CvrImpressions, FunnelStage.Conversion), (MetricId.CvrClicks, FunnelStage.Conversion),
                (MetricId.RealTimeConversions, FunnelStage.RealTime), (MetricId.RealTimeCvr, FunnelStage.RealTime),
                (MetricId.RealTimeCostPerConversion, FunnelStage.RealTime),
            ],
            guide);
    }

    [Theory]
    [InlineData(MetricId.Ctr, MetricUnit.Percent, BetterDirection.Higher, "clicks,impressions")]
    [InlineData(MetricId.Cpm, MetricUnit.Money, BetterDirection.Lower, "spend,impressions")]
    [InlineData(MetricId.Roas, MetricUnit.Ratio, BetterDirection.Higher, "total_complete_payment_rate,spend")]
    [InlineData(MetricId.AllClicks, MetricUnit.Count, BetterDirection.Higher, "engagements")]
    [InlineData(MetricId.AverageWatchTime, MetricUnit.Seconds, BetterDirection.Higher, "average_video_play,video_play_actions")]
    [InlineData(MetricId.Frequency, MetricUnit.Ratio, BetterDirection.Neutral, "impressions,reach")]
    public void A_catalogue_entry_names_its_unit_direction_and_tiktok_fields(MetricId id, MetricUnit unit, BetterDirection better, string fields)
    {
        var definition = MetricCatalogue.Get(id);

        Assert.Equal(unit, definition.Unit);
        Assert.Equal(better, definition.Better);
        Assert.Equal(fields.Split(','), definition.ApiFields);
    }

    [Theory]
    [InlineData("REACH", Objective.Awareness)]
    [InlineData("RF_REACH", Objective.Awareness)]
    [InlineData("TRAFFIC", Objective.Traffic)]
    [InlineData("LEAD_GENERATION", Objective.LeadGeneration)]
    [InlineData("WEB_CONVERSIONS", Objective.WebsiteConversions)]
    [InlineData("Website_conversions", Objective.WebsiteConversions)]
    [InlineData("COMMUNITY_INTERACTION", Objective.CommunityEngagement)]
    [InlineData("CONVERSIONS", Objective.WebsiteConversions)]
    [InlineData("product_sales", Objective.WebsiteConversions)]
    [InlineData("APP_PROMOTION", Objective.AppInstalls)]
    [InlineData("APP_INSTALL", Objective.AppInstalls)]
    [InlineData("VIDEO_VIEWS", Objective.VideoViews)]
    [InlineData("RF_VIDEO_VIEW", Objective.VideoViews)]
    [InlineData("ENGAGEMENT", Objective.CommunityEngagement)]
    public void Tiktok_objective_types_map_to_objectives(string objectiveType, Objective expected)
    {
        Assert.True(ObjectiveCatalogue.TryFromTikTok(objectiveType, out var objective));
        Assert.Equal(expected, objective);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("SOMETHING_NEW")]
    public void An_unknown_objective_type_is_reported_not_guessed(string? objectiveType)
    {
        Assert.False(ObjectiveCatalogue.TryFromTikTok(objectiveType, out _));
    }

    [Theory]
    [InlineData(Objective.Awareness, false, MetricId.Cpm)]
    [InlineData(Objective.VideoViews, false, MetricId.CostPerVideoView)]
    [InlineData(Objective.Traffic, false, MetricId.CpcDestination)]
    [InlineData(Objective.LeadGeneration, true, MetricId.CostPerConversion)]
    [InlineData(Objective.WebsiteConversions, true, MetricId.CostPerConversion)]
    [InlineData(Objective.AppInstalls, true, MetricId.CostPerConversion)]
    public void Each_objective_has_its_primary_cost_and_only_converting_ones_are_judged_on_conversions(Objective objective, bool converts, MetricId cost)
    {
        var profile = ObjectiveCatalogue.Profile(objective);

        Assert.Equal(converts, profile.Converts);
        Assert.Equal(cost, profile.CostPerOutcome);
        Assert.Contains(cost, profile.Primary);
    }

    [Theory]
    // CPA $32 (800 / 25) against $40 with 25 of a minimum 20: on track.
    [InlineData(800, 25, 40, 20, SuccessStatus.OnTrack)]
    // CPA $32 against $30: off track.
    [InlineData(800, 25, 30, 20, SuccessStatus.OffTrack)]
    // 10 of 20 conversions and $320 spent of the $800 the minimum should cost: too early.
    [InlineData(320, 10, 40, 20, SuccessStatus.NotEnoughData)]
    // 10 of 20 conversions but $800 spent, the whole budget for the minimum volume: off track already.
    [InlineData(800, 10, 40, 20, SuccessStatus.OffTrack)]
    // Exactly on target with exactly the minimum: on track.
    [InlineData(800, 20, 40, 20, SuccessStatus.OnTrack)]
    public void The_success_verdict_weighs_cost_per_outcome_and_volume(decimal spend, long conversions, decimal target, long minimum, SuccessStatus expected)
    {
        var totals = new ScopeTotals(new RawTotals { Spend = spend, Conversions = conversions, Impressions = 100_000 });

        var verdict = SuccessVerdict.Judge(ObjectiveCatalogue.Profile(Objective.WebsiteConversions), totals, new SuccessCriteria(target, minimum));

        Assert.Equal(expected, verdict.Status);
        Assert.Equal(spend / conversions, verdict.CostPerOutcome);
        Assert.Equal(conversions, verdict.Volume);
    }

    [Fact]
    public void An_awareness_target_is_a_cpm_and_its_minimum_is_counted_in_impressions()
    {
        // 400,000 impressions for $2,000: CPM $5.00 against a $6.00 target; the minimum of 500,000 impressions would cost $3,000.
        var totals = new ScopeTotals(new RawTotals { Spend = 2_000m, Impressions = 400_000 });

        var verdict = SuccessVerdict.Judge(ObjectiveCatalogue.Profile(Objective.Awareness), totals, new SuccessCriteria(6m, 500_000));

        Assert.Equal(SuccessStatus.NotEnoughData, verdict.Status);
        Assert.Equal(5m, verdict.CostPerOutcome);
    }

    [Fact]
    public void Without_criteria_the_verdict_says_so_and_still_shows_the_cost()
    {
        var verdict = SuccessVerdict.Judge(ObjectiveCatalogue.Profile(Objective.Traffic), new ScopeTotals(new RawTotals { Spend = 50m, DestinationClicks = 100 }), null);

        Assert.Equal(SuccessStatus.NoCriteria, verdict.Status);
        Assert.Equal(0.5m, verdict.CostPerOutcome);
    }

    [Theory]
    [InlineData(0, 50, 1)]
    [InlineData(25, 0, 1)]
    [InlineData(-3, -1, 2)]
    [InlineData(25, 50, 0)]
    public void Criteria_typed_by_a_person_are_checked_with_a_reason_for_each_problem(decimal target, long minimum, int problems)
    {
        Assert.Equal(problems, SuccessCriteria.Validate(target, minimum).Count);
    }
}
