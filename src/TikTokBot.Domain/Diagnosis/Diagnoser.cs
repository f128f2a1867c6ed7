using System.Collections.Frozen;
using TikTokBot.Domain.Campaigns;
using TikTokBot.Domain.Diagnosis.Rules;
using TikTokBot.Domain.Learning;
using TikTokBot.Domain.Standings;

namespace TikTokBot.Domain.Diagnosis;

/// <summary>Runs every rule and orders the findings by funnel stage, marking later ones that an earlier problem may explain.</summary>
public static class Diagnoser
{
    // Findings that say the setup is broken rather than how the campaign performs: true from the first day.
    private static readonly FrozenSet<string> BrokenSetup = new HashSet<string>(StringComparer.Ordinal) { "tracking-check", "spend-without-results", "no-live-conversions" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The rules of DOMAIN.md sections 5 and 9, in funnel order.</summary>
    public static IReadOnlyList<IDiagnosisRule> Rules { get; } =
    [
        new LowDeliveryRule(),
        new CreativeFatigueRule(),
        new AudienceBurnRule(),
        new CallToActionRule(),
        new WeakHookRule(),
        new ViewersLeaveEarlyRule(),
        new ExpensiveImpressionsRule(),
        new ExpensiveClicksRule(),
        new OffTargetRule(),
        new SpendWithoutResultsRule(),
        new CpaAboveTargetRule(),
        new LandingPageRule(),
        new TopOfFunnelRule(),
        new LosingEfficiencyWhileScalingRule(),
        new RoasRule(),
        new LearningLimitedRule(),
        new TrackingCheckRule(),
        new NoLiveConversionsRule(),
        new RealTimeCvrFallingRule(),
        new RealTimeCpaBelowTargetRule(),
        new RealTimeCpaAboveTargetRule(),
    ];

    /// <summary>Every rule over the standings worked out once for the campaign (the summary reads the same ones).</summary>
    /// <param name="learning">The learning phase as of <paramref name="asOf"/>, the reply's day: one day count in every line.</param>
    public static CampaignDiagnosis Diagnose(
        CampaignFacts facts, CampaignStandings standings, DiagnosisOptions options, LearningPhaseAssessment learning, DateOnly asOf)
    {
        var context = new DiagnosisContext(facts, standings, options, learning, asOf);
        var findings = new List<Finding>(4);
        foreach (var rule in Rules)
        {
            if (rule.Evaluate(context) is { } finding && (facts.Campaign.Enabled ? finding : WithoutDeliveryAdvice(finding)) is { } kept)
            {
                findings.Add(kept);
            }
        }

        // The first days are noise (DOMAIN.md section 6): what a rule saw is one to watch, not a verdict. A setup that is
        // broken (no conversion tracked, money spent for nothing) is a fact, not noise, and keeps its severity.
        if (learning.Advice == LearningAdvice.TooEarlyToJudge)
        {
            for (var i = 0; i < findings.Count; i++)
            {
                if (findings[i] is { IsProblem: true } noisy && !BrokenSetup.Contains(noisy.RuleId))
                    findings[i] = noisy with { Severity = Severity.Watch };
            }

            findings.RemoveAll(f => f.Severity == Severity.Opportunity);
        }

        // "Room to scale" only where nothing is wrong (DOMAIN.md section 9).
        if (findings.Exists(f => f.IsProblem))
        {
            findings.RemoveAll(f => f.Severity == Severity.Opportunity);
        }

        return new CampaignDiagnosis(Order(findings));
    }

    /// <summary>
    /// A campaign that is paused or deleted spends nothing by choice: advice to spend more, bid more or reach wider is
    /// noise. The rest of a finding stands; one left with nothing to do is dropped.
    /// </summary>
    internal static Finding? WithoutDeliveryAdvice(Finding finding)
    {
        var fixes = finding.Fixes.Where(f => f.Kind is not (FixKind.Budget or FixKind.Targeting or FixKind.Bid)).ToArray();
        return fixes.Length == finding.Fixes.Count ? finding : fixes.Length == 0 ? null : finding with { Fixes = fixes };
    }

    /// <summary>
    /// Stage first, then the most severe; later findings are marked as possibly caused by the earliest problem.
    /// An opportunity is not marked: nothing caused it, though the report still lists it after the problems.
    /// </summary>
    internal static IReadOnlyList<Finding> Order(List<Finding> findings)
    {
        findings.Sort(static (a, b) => a.Stage != b.Stage ? a.Stage.CompareTo(b.Stage) : b.Severity.CompareTo(a.Severity));
        var earliest = findings.FirstOrDefault(f => f.IsProblem)?.Stage;
        if (earliest is { } stage)
        {
            for (var i = 0; i < findings.Count; i++)
            {
                if (findings[i].Stage > stage && findings[i].Severity != Severity.Opportunity)
                {
                    findings[i] = findings[i] with { PossiblyCausedBy = stage };
                }
            }
        }

        return findings;
    }
}
