namespace TikTokBot.Storage;

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
