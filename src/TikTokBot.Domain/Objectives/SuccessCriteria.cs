using TikTokBot.Domain.Metrics;

namespace TikTokBot.Domain.Objectives;

/// <summary>What the team agreed success means, before launch: the most one outcome may cost, and how many make the test useful.</summary>
public sealed record SuccessCriteria(decimal TargetCostPerOutcome, long MinimumVolume)
{
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
        var cost = totals.Value(objective.CostPerOutcome);
        var spend = totals.Counts.Spend;
        if (criteria is null)
        {
            return new(SuccessStatus.NoCriteria, objective.CostPerOutcome, cost, null, volume, null, spend);
        }

        var budgetForMinimum = criteria.TargetCostPerOutcome * criteria.MinimumVolume / objective.OutcomesPerCostUnit;
        var status = volume >= criteria.MinimumVolume
            ? (cost <= criteria.TargetCostPerOutcome ? SuccessStatus.OnTrack : SuccessStatus.OffTrack)
            : (spend >= budgetForMinimum ? SuccessStatus.OffTrack : SuccessStatus.NotEnoughData);

        return new(status, objective.CostPerOutcome, cost, criteria.TargetCostPerOutcome, volume, criteria.MinimumVolume, spend);
    }
}
