namespace TikTokBot.Storage;

/// <summary>A short name a team types instead of a campaign id.</summary>
internal sealed record CampaignAlias(string Alias, string CampaignId, string SetBy, DateTimeOffset SetAt);
