using TikTokBot.Domain.Metrics;
using TikTokBot.TikTok.Calendar;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.Ask;

/// <summary>What an Ask button asks: the intent (from its action id) and the campaign, period and breakdown or metric (from its value).</summary>
internal sealed record AskButton(AskIntent Intent, string? CampaignId, Period Period, BreakdownDimension? By, MetricId? Metric);
