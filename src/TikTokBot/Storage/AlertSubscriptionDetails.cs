namespace TikTokBot.Storage;

/// <summary>A channel's alert settings. No campaign ids: every campaign of the channel's advertisers.</summary>
/// <param name="QuietFrom">Start of the quiet hours in <paramref name="TimeZone"/>; null with <paramref name="QuietTo"/> for none.</param>
/// <param name="CriticalInQuietHours">Critical alerts (money lost now) are posted even in the quiet hours; set by its own command, kept when alerts are turned on again.</param>
internal sealed record AlertSubscriptionDetails(
    string ChannelId, IReadOnlyList<string> CampaignIds, TimeOnly? QuietFrom, TimeOnly? QuietTo, string TimeZone, bool CriticalInQuietHours = false);
