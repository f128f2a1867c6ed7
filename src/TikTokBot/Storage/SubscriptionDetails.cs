namespace TikTokBot.Storage;

/// <summary>A channel's daily digest: which campaigns (none listed: all of them), at what local time in which IANA time zone.</summary>
/// <param name="EnterpriseId">The Enterprise Grid organisation it was made in, to find an org-wide installation when posting.</param>
internal sealed record SubscriptionDetails(string ChannelId, IReadOnlyList<string> CampaignIds, TimeOnly LocalTime, string TimeZone, string? EnterpriseId = null);
