using TikTokBot.Domain.Learning;

namespace TikTokBot.Actions;

/// <summary>The campaign's learning phase (day N, conversions toward ~50), as the reports assess it.</summary>
internal interface IActionLearning
{
    /// <summary>Null when the campaign is not in the metric source or cannot be read: no learning consequence is claimed then.</summary>
    Task<LearningPhaseAssessment?> AssessAsync(string campaignId, DateOnly accountToday, CancellationToken ct);
}
