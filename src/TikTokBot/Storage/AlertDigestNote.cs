namespace TikTokBot.Storage;

/// <summary>An info alert waiting for the channel's daily digest.</summary>
internal sealed record AlertDigestNote(SentAlertKey Key, string CampaignName, string Summary);
