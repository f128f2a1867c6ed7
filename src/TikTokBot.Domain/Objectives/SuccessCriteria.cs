using TikTokBot.Domain.Metrics;

namespace TikTokBot.Domain.Objectives;

/// <summary>
/// What the team agreed success means, before launch: the target on one metric (by default the objective's cost per
/// result: the most one outcome may cost; ROAS is a minimum), and how many outcomes make the test useful.
/// </summary>
/// <param name="Metric">The metric the target is set on; null: the objective's cost per result.</param>
public sealed record SuccessCriteria(decimal TargetCostPerOutcome, long MinimumVolume, MetricId? Metric = null)
{
    /// <summary>
    /// The metrics a target may be set on for an objective, the objective's cost per result first: costs it can be judged
    /// by (CPC, CPM, cost per 1,000 reached, CPV) and, for a campaign that sells, ROAS as a minimum.
    /// </summary>
    public static IReadOnlyList<MetricId> TargetMetrics(ObjectiveProfile objective) => objective.Objective switch
    {
        Objective.Awareness => [objective.CostPerOutcome, MetricId.CostPer1000Reached],
        Objective.Traffic => [objective.CostPerOutcome, MetricId.Cpm],
        Objective.VideoViews => [objective.CostPerOutcome, MetricId.Cpm],
        Objective.CommunityEngagement => [objective.CostPerOutcome, MetricId.Cpm],
        Objective.WebsiteConversions => [objective.CostPerOutcome, MetricId.CpcDestination, MetricId.Cpm, MetricId.Roas],
        _ => [objective.CostPerOutcome, MetricId.CpcDestination, MetricId.Cpm],
    };

    /// <summary>The short words a person types for the target metrics, each with the metric it names.</summary>
    public static IReadOnlyList<(string Word, MetricId Metric)> TargetWords(ObjectiveProfile objective) =>
        TargetMetrics(objective).Select(m => (WordOf(m), m)).ToArray();

    /// <summary>The metric a typed word names for this objective (<c>cpa</c> or <c>cpr</c>: its cost per result); false when the objective cannot be judged by it.</summary>
    public static bool TryTargetMetric(string word, ObjectiveProfile objective, out MetricId metric)
    {
        var typed = word.ToLowerInvariant();
        var named = typed is "cpa" or "cpr" or "cost" ? objective.CostPerOutcome : TargetMetrics(objective).FirstOrDefault(m => WordOf(m) == typed, (MetricId)(-1));
        metric = named;
        return TargetMetrics(objective).Contains(named);
    }

    private static string WordOf(MetricId metric) => metric switch
    {
        MetricId.CpcDestination => "cpc",
        MetricId.CpcAll => "cpi",
        MetricId.Cpm => "cpm",
        MetricId.CostPer1000Reached => "cpmr",
        MetricId.CostPerVideoView => "cpv",
        MetricId.Roas => "roas",
        _ => "cpa",
    };

    /// <summary>Checks the values a person typed, so a bad target is refused with a reason instead of stored.</summary>
    public static IReadOnlyList<string> Validate(decimal targetCostPerOutcome, long minimumVolume)
    {
        var problems = new List<string>(2);
        if (targetCostPerOutcome <= 0)
        {
            problems.Add("The target cost per outcome must be more than zero, for example 25.");
        }

        if (minimumVolume < 1)
        {
            problems.Add("The minimum volume must be at least 1 outcome, for example 50.");
        }

        return problems;
    }
}

public enum SuccessStatus
{
    /// <summary>No criteria were set, so there is nothing to judge against.</summary>
    NoCriteria,
    NotEnoughData,
    OnTrack,
    OffTrack,
}

/// <summary>The judgement against the team's criteria, with the figures behind it.</summary>
public sealed record SuccessVerdict(
    SuccessStatus Status,
    MetricId CostPerOutcomeMetric,
    decimal? CostPerOutcome,
    decimal? Target,
    long Volume,
    long? MinimumVolume,
    decimal Spend)
{
    /// <summary>
    /// On track when cost per outcome is within target once the minimum volume is reached. Below the minimum
    /// volume it is too early, unless the spend that should have bought the whole minimum volume is already gone.
    /// </summary>
    public static SuccessVerdict Judge(ObjectiveProfile objective, ScopeTotals totals, SuccessCriteria? criteria)
    {
        var volume = (long)(totals.Value(objective.Outcome) ?? 0);
        var metric = criteria?.Metric ?? objective.CostPerOutcome;
        var cost = totals.Value(metric);
        var spend = totals.Counts.Spend;
        if (criteria is null)
        {
            return new(SuccessStatus.NoCriteria, metric, cost, null, volume, null, spend);
        }

        // A target on the cost per result also says what the minimum volume should cost: spending that without reaching it is off track.
        var spentTheMinimum = metric == objective.CostPerOutcome &&
            spend >= criteria.TargetCostPerOutcome * criteria.MinimumVolume / objective.OutcomesPerCostUnit;
        var met = MetricCatalogue.Get(metric).Better == BetterDirection.Higher ? cost >= criteria.TargetCostPerOutcome : cost <= criteria.TargetCostPerOutcome;
        var status = volume >= criteria.MinimumVolume
            ? (met ? SuccessStatus.OnTrack : SuccessStatus.OffTrack)
            : (spentTheMinimum ? SuccessStatus.OffTrack : SuccessStatus.NotEnoughData);

        return new(status, metric, cost, criteria.TargetCostPerOutcome, volume, criteria.MinimumVolume, spend);
    }
}
