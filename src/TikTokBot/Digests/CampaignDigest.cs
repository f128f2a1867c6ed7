using TikTokBot.Domain.Credit;
using TikTokBot.Domain.Diagnosis;
using TikTokBot.Domain.Learning;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.Digests;

/// <summary>One campaign's part of a daily digest.</summary>
internal sealed record CampaignDigest(
    CampaignInfo Campaign,
    DateOnly Day,
    IReadOnlyList<DigestComparison> Comparisons,
    LearningPhaseAssessment Learning,
    CreditWindowReport? Credit,
    CreditLessons? CreditBought,
    Finding? TopFinding)
{
    /// <summary>The credit window day by day for its chart (read, then projected to the run-out day); empty when the window is not shown.</summary>
    public IReadOnlyList<CreditDay> CreditDays { get; init; } = [];

    /// <summary>Conversions since the start of learning day by day for its chart; empty when the campaign is not learning.</summary>
    public IReadOnlyList<LearningDay> LearningDays { get; init; } = [];

    /// <summary>The freshness line of the campaign's figures (yesterday's conversions may still grow); null when not known.</summary>
    public string? FreshnessLine { get; init; }
}
