namespace TikTokBot.Storage;

/// <summary>A snooze (<paramref name="Until"/> set) or mute (until undone) of one rule on one campaign.</summary>
internal sealed record AlertSilence(string CampaignId, string RuleId, DateTimeOffset? Until, string SilencedBy, DateTimeOffset SilencedAt);
