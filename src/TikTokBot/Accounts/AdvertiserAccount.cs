using TikTokBot.Domain.Money;
using TikTokBot.Storage;

namespace TikTokBot.Accounts;

/// <summary>A workspace's connected advertiser as the commands show it; the token never leaves storage this way.</summary>
internal sealed record AdvertiserAccount(
    string AdvertiserId, string Name, Currency Currency, string TimeZone, string ConnectedBy, DateTimeOffset ConnectedAt,
    TikTokTokenState TokenState, DateTimeOffset? TokenRefusedAt)
{
    internal static AdvertiserAccount From(TikTokConnection c) =>
        new(c.AdvertiserId, c.Name, Currency.Of(c.Currency), c.TimeZone, c.ConnectedBy, c.ConnectedAt, c.TokenState, c.TokenRefusedAt);
}
