using TikTokBot.Domain.Learning;

namespace TikTokBot.Domain.Diagnosis;

/// <param name="Rank">1 for the first thing to do.</param>
/// <param name="HeldForLearning">The change would restart learning, and the ad group is still in its hands-off days.</param>
public sealed record PlannedFix(int Rank, Fix Fix, Finding Because, bool HeldForLearning)
{
    public bool PossiblyDownstream => Because.PossiblyCausedBy is not null;
}

/// <summary>"What should I fix?": the fixes in order, earliest stage first, and the single action to take first.</summary>
/// <param name="FirstAction">The first fix that can be made now; null when there is nothing to fix or everything waits for learning.</param>
/// <param name="LearningGuard">Present when the campaign is too young for changes that restart learning.</param>
public sealed record FixPlan(PlannedFix? FirstAction, IReadOnlyList<PlannedFix> Fixes, LearningPhaseAssessment? LearningGuard)
{
    public bool NothingToFix => Fixes.Count == 0;

    /// <summary>
    /// Problems come first in funnel order (the diagnosis already sorted them), then what to watch, then opportunities.
    /// During the hands-off days, fixes that would restart learning are kept in the list but held.
    /// </summary>
    public static FixPlan From(CampaignDiagnosis diagnosis, LearningPhaseAssessment? learning = null)
    {
        var guard = learning is { HoldsChanges: true } ? learning : null;
        var ordered = diagnosis.Findings.Where(f => f.IsProblem)
            .Concat(diagnosis.Findings.Where(f => f.Severity == Severity.Watch))
            .Concat(diagnosis.Findings.Where(f => f.Severity == Severity.Opportunity));
        var fixes = new List<PlannedFix>();
        foreach (var finding in ordered)
        {
            foreach (var fix in finding.Fixes)
            {
                fixes.Add(new PlannedFix(fixes.Count + 1, fix, finding, guard is not null && fix.RestartsLearning));
            }
        }

        var first = fixes.FirstOrDefault(f => !f.HeldForLearning && f.Because.Severity >= Severity.Warning);
        return new FixPlan(first, fixes, guard);
    }
}
