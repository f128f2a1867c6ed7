using TikTokBot.Domain.Benchmarks;
using TikTokBot.Domain.Campaigns;
using TikTokBot.Domain.Funnel;
using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Objectives;
using TikTokBot.Domain.Standings;
using TikTokBot.Domain.Trends;

namespace TikTokBot.Domain.Summary;

/// <summary>One metric as reported: its value, its standing (the verdict every rule reads too), and how it moved.</summary>
public sealed record MetricReading(MetricDefinition Metric, decimal? Value, Benchmark? Benchmark, MetricStanding Standing, Trend Trend);

public sealed record StageSummary(FunnelStage Stage, IReadOnlyList<MetricReading> Readings);

/// <summary>A campaign's period read stage by stage, in funnel order, with the verdict against its success criteria.</summary>
/// <param name="Standings">Every metric's standing, shown stage by stage; the diagnosis read the same ones.</param>
public sealed record CampaignSummary(Campaign Campaign, DateRange Period, SuccessVerdict Verdict, IReadOnlyList<StageSummary> Stages)
{
    public CampaignStandings? Standings { get; init; }
}

public static class CampaignSummariser
{
    public static CampaignSummary Summarise(CampaignFacts facts, DiagnosisOptions options) =>
        Summarise(facts, StandingJudge.For(facts, new BenchmarkTable(options.Benchmarks, options.Rules), options, null));

    /// <summary>The summary marks the standings as they are: it judges nothing itself.</summary>
    public static CampaignSummary Summarise(CampaignFacts facts, CampaignStandings standings)
    {
        var profile = facts.Profile;
        var layout = ReportLayout.For(profile);
        var stages = new StageSummary[layout.Count];
        Span<decimal?> daily = facts.Daily.Count <= 128 ? stackalloc decimal?[facts.Daily.Count] : new decimal?[facts.Daily.Count];

        for (var s = 0; s < layout.Count; s++)
        {
            var (stage, metrics) = layout[s];
            var readings = new MetricReading[metrics.Length];
            for (var m = 0; m < metrics.Length; m++)
            {
                var id = metrics[m];
                var standing = standings[id];
                for (var d = 0; d < daily.Length; d++)
                {
                    daily[d] = facts.Daily[d].AsScope.Value(id);
                }

                var trend = standing.Trend with { Sparkline = Sparkline.Draw(daily) };
                readings[m] = new MetricReading(standing.Definition, standing.Value, standing.TikTok, standing, trend);
            }

            stages[s] = new StageSummary(stage, readings);
        }

        var verdict = SuccessVerdict.Judge(profile, facts.Current, facts.Criteria);
        return new CampaignSummary(facts.Campaign, facts.Period, verdict, stages) { Standings = standings };
    }
}

/// <summary>
/// Which metrics each stage shows for an objective. Campaigns that do not convert have no conversion or
/// real-time stage: they are never judged by conversion metrics.
/// </summary>
public static class ReportLayout
{
    private static readonly IReadOnlyList<(FunnelStage Stage, MetricId[] Metrics)>[] Layouts =
        ObjectiveCatalogue.All.Select(Build).ToArray();

    public static IReadOnlyList<(FunnelStage Stage, MetricId[] Metrics)> For(ObjectiveProfile objective) => Layouts[(int)objective.Objective];

    private static IReadOnlyList<(FunnelStage, MetricId[])> Build(ObjectiveProfile p)
    {
        var stages = new List<(FunnelStage, MetricId[])>
        {
            (FunnelStage.Delivery, [MetricId.Impressions, MetricId.Reach, MetricId.Frequency]),
            (FunnelStage.Engagement, [
                MetricId.DestinationClicks, MetricId.AllClicks, MetricId.Ctr,
                .. p.WantsDestinationClicks ? [MetricId.DestinationShareOfClicks] : Array.Empty<MetricId>(),
                .. p.IsVideoFirst
                    ? [MetricId.VideoViews, MetricId.VideoCompletionRate, MetricId.SixSecondViewRate, MetricId.AverageWatchTime]
                    : Array.Empty<MetricId>(),
            ]),
            (FunnelStage.Cost, [
                MetricId.Spend,
                .. p.WantsDestinationClicks ? [MetricId.CpcDestination] : Array.Empty<MetricId>(),
                MetricId.Cpm, MetricId.CostPer1000Reached,
                .. p.Converts ? [MetricId.CostPerConversion] : Array.Empty<MetricId>(),
                .. p.Objective == Objective.VideoViews ? [MetricId.CostPerVideoView] : Array.Empty<MetricId>(),
                .. p.Objective == Objective.CommunityEngagement ? [MetricId.CpcAll] : Array.Empty<MetricId>(),
            ]),
        };

        if (p.Converts)
        {
            stages.Add((FunnelStage.Conversion, [
                MetricId.Conversions, MetricId.CvrImpressions, MetricId.CvrClicks,
                .. p.Objective == Objective.WebsiteConversions ? [MetricId.Roas] : Array.Empty<MetricId>(),
            ]));
            stages.Add((FunnelStage.RealTime, [MetricId.RealTimeConversions, MetricId.RealTimeCvr, MetricId.RealTimeCostPerConversion]));
        }

        return stages;
    }
}
