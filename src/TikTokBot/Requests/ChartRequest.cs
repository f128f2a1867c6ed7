using TikTokBot.Domain.Metrics;
using TikTokBot.TikTok.Calendar;

namespace TikTokBot.Requests;

/// <summary>An option of "Chart another metric…": the campaign by its exact id, the period and the metric.</summary>
internal sealed record ChartRequest(string CampaignId, Period Period, MetricId Metric) : ButtonValue;
