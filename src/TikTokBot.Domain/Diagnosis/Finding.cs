using TikTokBot.Domain.Funnel;
using TikTokBot.Domain.Metrics;

namespace TikTokBot.Domain.Diagnosis;

public enum Severity
{
    /// <summary>Good news the team can act on, such as a reason to raise the budget.</summary>
    Opportunity = 0,

    /// <summary>Not a problem yet; keep an eye on it.</summary>
    Watch = 1,
    Warning = 2,
    Critical = 3,
}

public enum FixKind
{
    Creative,
    CallToAction,
    Targeting,
    Budget,
    Bid,
    LandingPage,
    Tracking,
    Pause,
    Investigate,
}

/// <summary>One thing to do about a finding.</summary>
public sealed record Fix(FixKind Kind, string Action)
{
    /// <summary>Edits TikTok treats as significant: they restart an ad group's learning phase.</summary>
    public bool RestartsLearning => Kind is FixKind.Targeting or FixKind.Budget or FixKind.Bid or FixKind.Creative or FixKind.CallToAction;
}

/// <summary>A number behind a finding, and the reference it was held against.</summary>
public sealed record Evidence(string Label, decimal? Value, MetricUnit Unit, decimal? Reference = null, string? ReferenceLabel = null);

/// <summary>What one rule concluded: where in the funnel, how bad, the numbers, the likely cause, and the fixes in order.</summary>
public sealed record Finding(
    string RuleId,
    FunnelStage Stage,
    Severity Severity,
    string Title,
    string Cause,
    IReadOnlyList<Evidence> Evidence,
    IReadOnlyList<Fix> Fixes)
{
    /// <summary>The metric the finding is about, whose standing it read; null for a finding on facts alone (a pixel never fired).</summary>
    public MetricId? Metric { get; init; }

    /// <summary>Set when an earlier stage already has a problem that may explain this one.</summary>
    public FunnelStage? PossiblyCausedBy { get; init; }

    public bool IsProblem => Severity >= Severity.Warning;
}

/// <summary>All findings for one campaign and period, in funnel order.</summary>
public sealed record CampaignDiagnosis(IReadOnlyList<Finding> Findings)
{
    public FunnelStage? EarliestProblemStage => Findings.FirstOrDefault(f => f.IsProblem)?.Stage;

    /// <summary>The finding to lead with: the first problem in funnel order, else the first finding of any kind.</summary>
    public Finding? TopFinding => Findings.FirstOrDefault(f => f.IsProblem) ?? Findings.FirstOrDefault();
}
