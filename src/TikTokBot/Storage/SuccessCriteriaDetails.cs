namespace TikTokBot.Storage;

/// <summary>What the team agreed success means for one campaign.</summary>
/// <param name="Metric">The metric the target is set on (a <c>MetricId</c> name); null: the objective's cost per result.</param>
internal sealed record SuccessCriteriaDetails(string CampaignId, string Objective, decimal TargetCostPerOutcome, long MinimumVolume, string? Metric = null);
