using TikTokBot.Domain;
using TikTokBot.Domain.Campaigns;
using TikTokBot.Domain.Credit;
using TikTokBot.Domain.Diagnosis;
using TikTokBot.Domain.Learning;
using TikTokBot.Domain.Metrics;
using TikTokBot.Reports;
using TikTokBot.TikTok.Calendar;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.Digests;

/// <summary>Yesterday against the average day of the 7 days before it, for one metric.</summary>
internal sealed record DigestComparison(MetricId Metric, decimal? Yesterday, decimal? PreviousWeek, decimal? ChangePercent);
