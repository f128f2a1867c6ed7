namespace TikTokBot.Storage;

internal sealed record ChannelAdvertiser(string ChannelId, string AdvertiserId, string SetBy, DateTimeOffset SetAt);
