using TikTokBot.Domain.Metrics;
using TikTokBot.TikTok.Calendar;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.Ask;

/// <summary>What a thread was last about, so that "and by age?" or "what about last month?" need not say it again.</summary>
internal sealed record AskThreadState(AskIntent Intent, string? CampaignId, Period Period, BreakdownDimension? By = null, MetricId? Metric = null, bool ByDay = false);
