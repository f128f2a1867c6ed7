using TikTokBot.Domain.Benchmarks;
using TikTokBot.Domain.Campaigns;
using TikTokBot.Domain.Credit;
using TikTokBot.Domain.Diagnosis;
using TikTokBot.Domain.Learning;
using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Objectives;
using TikTokBot.Domain.Summary;
using TikTokBot.TikTok.Caching;
using TikTokBot.TikTok.Calendar;
using TikTokBot.TikTok.Sources;
using static TikTokBot.Reports.ReportService;

namespace TikTokBot.Reports;

/// <summary>
/// Everything the bot knows about one campaign over one period, as of one business day: the figures, the summary in
/// funnel order, the findings, the learning phase, the credit window and the team's success criteria. Built by
/// <see cref="ReportService"/> only; the summary, the fix list, <c>list</c>, the Home tab and the digest read it.
/// </summary>
internal sealed record CampaignOverview(
    CampaignInfo Campaign,
    Period Period,
    BusinessDays Days,
    CampaignFacts Facts,
    CampaignSummary Summary,
    CampaignDiagnosis Diagnosis,
    LearningPhaseAssessment Learning,
    AssessedCredit? Credit,
    SuccessCriteria? Criteria)
{
    /// <summary>This overview's key in the one cache; what is built from it (a rendered reply, a digest) is keyed by it.</summary>
    public required OverviewKey Key { get; init; }

    /// <summary>The tags of this overview's entry (the workspace that asked, the source's advertisers): what is built from it carries them too.</summary>
    public CacheTag[] Tags { get; init; } = [];

    /// <summary>The account's own benchmark for the campaign's objective (the campaign left out); null when there is no history service.</summary>
    public AccountBenchmark? Account { get; init; }

    /// <summary>When the figures were read, for the freshness line (<see cref="Freshness"/>); null when not known.</summary>
    public DateTimeOffset? ReadAt { get; init; }

    /// <summary>The freshness line of this overview's figures; null for closed days only.</summary>
    public string? FreshnessLine => ReadAt is { } readAt ? Freshness.Line(readAt, Campaign.TimeZone, Range) : null;

    public DateRange Range => Facts.Period;

    public Finding? TopFinding => Diagnosis.TopFinding;

    /// <summary>What to fix, earliest stage first, with changes that would restart learning held back.</summary>
    public FixPlan Fixes => FixPlan.From(Diagnosis, Learning);

    /// <summary>Whether the learning phase belongs in the first lines: a campaign that optimises for conversions and is still learning.</summary>
    public bool LearningLeads => Facts.Profile.Converts && Learning.State is LearningState.Learning or LearningState.Prolonged or LearningState.Limited;

    /// <summary>Whether the credit window belongs in the first lines: it is running, or it ended within the period.</summary>
    public bool CreditLeads => Credit?.Report is { } credit &&
        (credit.State is CreditState.Active or CreditState.NotStarted || credit.Grant.Expiry >= Range.Start);
}
