using TikTokBot.Domain.Metrics;

namespace TikTokBot.Digests;

/// <summary>Yesterday against the average day of the 7 days before it, for one metric.</summary>
internal sealed record DigestComparison(MetricId Metric, decimal? Yesterday, decimal? PreviousWeek, decimal? ChangePercent);
