using TikTokBot.Storage;

namespace TikTokBot.Accounts;

/// <summary>
/// Marks a connection whose token TikTok refused, so every reply to its workspace says "reconnect" instead of failing.
/// Its own class, not a step of <see cref="AccountsService"/>: the sources that meet the refusal are built before the
/// accounts service and its listeners, which read through those sources.
/// </summary>
internal sealed partial class TokenRefusals(IWorkspaceStorage storage, ILogger<TokenRefusals> logger)
{
    /// <summary>Records that TikTok refused the advertiser's token; true the first time, so the caller tells people once.</summary>
    /// <param name="refusedToken">The token TikTok refused: a read that was still under way with a token replaced since
    /// (the advertiser reconnected) must not mark the new one.</param>
    public async Task<bool> MarkAsync(string teamId, string advertiserId, string refusedToken, CancellationToken ct)
    {
        var connections = storage.ForTeam(teamId).TikTokConnections;
        if ((await connections.FindAsync(advertiserId, ct))?.AccessToken != refusedToken)
        {
            return false;
        }

        var marked = await connections.MarkTokenRefusedAsync(advertiserId, ct);
        if (marked)
        {
            LogTokenRefused(logger, teamId, advertiserId);
        }

        return marked;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "TikTok refused the token of advertiser {AdvertiserId} in team {TeamId}; marked for reconnecting")]
    private static partial void LogTokenRefused(ILogger logger, string teamId, string advertiserId);
}
