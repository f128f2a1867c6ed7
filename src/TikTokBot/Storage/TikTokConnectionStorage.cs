namespace TikTokBot.Storage;

/// <summary>An advertiser as <c>advertiser/info/</c> describes it, about to be connected.</summary>
internal sealed record TikTokAdvertiserDetails(string AdvertiserId, string Name, string Currency, string TimeZone);

internal enum TikTokTokenState
{
    Ok,

    /// <summary>TikTok refused the token (revoked, expired): someone must connect again.</summary>
    Refused,
}

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

/// <summary>A connect link handed to one person of one workspace.</summary>
internal sealed record ConnectState(string StateId, string? EnterpriseId, string UserId, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? UsedAt);

internal enum ConnectStateOutcome
{
    /// <summary>The state was unused and unexpired; it is now used.</summary>
    Claimed,

    /// <summary>No such state in this workspace.</summary>
    Unknown,

    AlreadyUsed,

    Expired,
}

internal sealed record ConnectStateClaim(ConnectStateOutcome Outcome, ConnectState? State);

internal sealed record ChannelAdvertiser(string ChannelId, string AdvertiserId, string SetBy, DateTimeOffset SetAt);

/// <summary>The workspace's TikTok advertiser connections; tokens are encrypted at rest and bound to the team.</summary>
internal interface ITikTokConnectionRepository
{
    /// <summary>Connects (or reconnects, replacing token and details) every advertiser given, all with one token, in one transaction.</summary>
    Task<IReadOnlyList<TikTokConnection>> ConnectAsync(IReadOnlyList<TikTokAdvertiserDetails> advertisers, string accessToken, string connectedBy, CancellationToken ct);

    Task<TikTokConnection?> FindAsync(string advertiserId, CancellationToken ct);

    /// <summary>Every connected advertiser, by name.</summary>
    Task<IReadOnlyList<TikTokConnection>> ListAsync(CancellationToken ct);

    /// <summary>Forgets the advertiser, its token, and the channels that used it by default. False when it was not connected.</summary>
    Task<bool> DisconnectAsync(string advertiserId, string removedBy, CancellationToken ct);

    /// <summary>Records that TikTok refused the advertiser's token. False when not connected or already marked.</summary>
    Task<bool> MarkTokenRefusedAsync(string advertiserId, CancellationToken ct);
}

/// <summary>Connect links: created when a person asks to connect, claimed once by TikTok's callback on any instance.</summary>
internal interface IConnectStateRepository
{
    /// <summary>Stores a new state; states that expired more than a day ago are cleared on the way.</summary>
    Task<ConnectState> CreateAsync(string stateId, string? enterpriseId, string userId, DateTimeOffset expiresAt, CancellationToken ct);

    Task<ConnectState?> FindAsync(string stateId, CancellationToken ct);

    /// <summary>Marks the state used if it is unused and unexpired; of many simultaneous claims exactly one gets <see cref="ConnectStateOutcome.Claimed"/>.</summary>
    Task<ConnectStateClaim> ClaimAsync(string stateId, CancellationToken ct);
}

/// <summary>A channel's default advertiser.</summary>
internal interface IChannelAdvertiserRepository
{
    Task<ChannelAdvertiser> SetAsync(string channelId, string advertiserId, string changedBy, CancellationToken ct);

    Task<ChannelAdvertiser?> FindAsync(string channelId, CancellationToken ct);

    Task<bool> RemoveAsync(string channelId, string changedBy, CancellationToken ct);
}
