namespace TikTokBot.Storage;

/// <summary>Connect links: created when a person asks to connect, claimed once by TikTok's callback on any instance.</summary>
internal interface IConnectStateRepository
{
    /// <summary>Stores a new state; states that expired more than a day ago are cleared on the way.</summary>
    Task<ConnectState> CreateAsync(string stateId, string? enterpriseId, string userId, DateTimeOffset expiresAt, CancellationToken ct);

    Task<ConnectState?> FindAsync(string stateId, CancellationToken ct);

    /// <summary>Marks the state used if it is unused and unexpired; of many simultaneous claims exactly one gets <see cref="ConnectStateOutcome.Claimed"/>.</summary>
    Task<ConnectStateClaim> ClaimAsync(string stateId, CancellationToken ct);
}
