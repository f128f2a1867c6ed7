using TikTokBot.Domain.Actions;
using TikTokBot.Storage;
using TikTokBot.TikTok.Sources;
using TikTokBot.TikTok.Writes;

namespace TikTokBot.Actions;

/// <summary>
/// An advertiser as the asking workspace reaches it: its access (only when the workspace owns it), the write target
/// that serves it, the account's clock, and a campaign or ad group read fresh. Every step of an action asks it with
/// the workspace of the person pressing, never with a value from a button.
/// </summary>
internal sealed class AdvertiserReach(IWorkspaceAdvertisers advertisers, IWriteTargets targets, TimeProvider time, ILogger<AdvertiserReach> logger)
{
    /// <summary>The advertiser when team <paramref name="teamId"/> owns it; otherwise null.</summary>
    public Task<AdvertiserAccess?> FindAsync(string teamId, string advertiserId, CancellationToken ct) => advertisers.FindAsync(teamId, advertiserId, ct);

    public ITikTokWriteTarget Target(AdvertiserAccess access) => targets.For(access);

    /// <summary>Now in the account's time zone (UTC when the zone is unknown): its day is the one the daily limit counts.</summary>
    public DateTime AccountNow(AdvertiserAccess access)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(access.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        return TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime;
    }

    /// <summary>The target as TikTok has it now; null when it cannot be read (logged), for a read-back or for naming it.</summary>
    public async Task<TargetState?> ReadBackAsync(AdvertiserAccess access, ActionIntent intent, DateTime local, CancellationToken ct)
    {
        try
        {
            return await targets.For(access).ReadAsync(access, intent.Level, intent.TargetId, DateOnly.FromDateTime(local), ct);
        }
        catch (MetricSourceException e)
        {
            logger.LogWarning("Reading back {Level} {TargetId} failed: {Reason}", intent.Level, intent.TargetId, e.Message);
            return null;
        }
    }

    /// <summary>Whether the action's advertiser is only simulated (the demo data), as its workspace reaches it.</summary>
    public async Task<bool> SimulatedAsync(string teamId, StoredAction action, CancellationToken ct) =>
        await advertisers.FindAsync(teamId, action.Details.AdvertiserId, ct) is { } access && targets.For(access).Simulated;

    /// <summary>The target as it is now, to name it in the approval request; null (ids only) when it cannot be read.</summary>
    public async Task<TargetState?> NamesAsync(string teamId, ActionRequestDetails details, CancellationToken ct) =>
        await advertisers.FindAsync(teamId, details.AdvertiserId, ct) is { } access
            ? await ReadBackAsync(access, StoredIntent.Of(details), AccountNow(access), ct)
            : null;
}
