namespace TikTokBot.Storage;

/// <summary>One alert per channel, campaign, rule and advertiser-local day.</summary>
internal sealed record SentAlertKey(string ChannelId, string CampaignId, string RuleId, DateOnly LocalDate);
