namespace TikTokBot.Storage;

internal sealed record CampaignSuccessCriteria(
    string CampaignId, string Objective, decimal TargetCostPerOutcome, long MinimumVolume, string SetBy, DateTimeOffset SetAt, string? Metric = null);
