namespace TikTokBot.Storage;

internal sealed record SentAlert(SentAlertKey Key, string AdvertiserId, string Summary, SentAlertState State, string? MessageTs, DateTimeOffset ClaimedAt, DateTimeOffset? RecoveredAt);
