namespace TikTokBot.Storage;

/// <summary>An advertiser as <c>advertiser/info/</c> describes it, about to be connected.</summary>
internal sealed record TikTokAdvertiserDetails(string AdvertiserId, string Name, string Currency, string TimeZone);
