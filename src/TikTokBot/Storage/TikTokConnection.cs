namespace TikTokBot.Storage;

/// <summary>A connected advertiser of one workspace; <see cref="AccessToken"/> is decrypted, it is stored only encrypted.</summary>
internal sealed record TikTokConnection(
    string AdvertiserId,
    string Name,
    string Currency,
    string TimeZone,
    string AccessToken,
    string ConnectedBy,
    DateTimeOffset ConnectedAt,
    TikTokTokenState TokenState,
    DateTimeOffset? TokenRefusedAt)
{
    /// <summary>Keeps the token out of ToString so a logged connection cannot leak it.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("AdvertiserId = ").Append(AdvertiserId).Append(", Name = ").Append(Name).Append(", Currency = ").Append(Currency)
            .Append(", TimeZone = ").Append(TimeZone).Append(", ConnectedBy = ").Append(ConnectedBy).Append(", ConnectedAt = ").Append(ConnectedAt)
            .Append(", TokenState = ").Append(TokenState).Append(", TokenRefusedAt = ").Append(TokenRefusedAt);
        return true;
    }
}
