using TikTokBot.Domain.Objectives;
using TikTokBot.TikTok.Caching;

namespace TikTokBot.Reports;

/// <summary>The account's benchmark for one campaign, worked out once per day's history (<see cref="History"/>): the medians cost more than the rest of a cached reply.</summary>
internal sealed record BenchmarkKey(AccountHistoryKey History, string Advertiser, Objective Objective, string CampaignId) : CacheKey;
