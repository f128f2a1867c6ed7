namespace TikTokBot.TikTok.Accounts;

/// <summary>What exchanging an auth code gives: a long-term advertiser token and the advertisers it was granted for.</summary>
public sealed record AdvertiserGrant(string AccessToken, IReadOnlyList<string> AdvertiserIds, IReadOnlyList<int> Scopes)
{
    /// <summary>Keeps the token out of ToString so a logged grant cannot leak it.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("AdvertiserIds = [").AppendJoin(", ", AdvertiserIds).Append("], Scopes = [").AppendJoin(", ", Scopes).Append(']');
        return true;
    }
}

/// <summary>One advertiser the token may act for, as <c>oauth2/advertiser/get/</c> lists it.</summary>
public sealed record AuthorisedAdvertiser(string AdvertiserId, string Name);

/// <summary>An advertiser's account details from <c>advertiser/info/</c>: the currency of its money and the time zone of its days.</summary>
public sealed record AdvertiserInfo(string AdvertiserId, string Name, string Currency, string TimeZone, string? Status, string? Role);
