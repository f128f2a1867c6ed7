using TikTokBot.Domain.Actions;
using TikTokBot.TikTok.Caching;

namespace TikTokBot.TikTok.Writes;

/// <summary>
/// A write target that, after every pause, resume or budget change (done, refused or timed out: it may have happened),
/// drops from the app's one cache everything tagged with the advertiser written to, so the next read shows the change.
/// </summary>
public sealed class InvalidatingWriteTarget(ITikTokWriteTarget inner, ReportCache cache) : ITikTokWriteTarget
{
    public bool Simulated => inner.Simulated;

    public string? ReadOnlyReason => inner.ReadOnlyReason;

    public Task<TargetState?> ReadAsync(AdvertiserAccess access, ActionLevel level, string id, DateOnly accountToday, CancellationToken ct) =>
        inner.ReadAsync(access, level, id, accountToday, ct);

    public async Task<WriteOutcome> SetStatusAsync(AdvertiserAccess access, ActionLevel level, string id, bool enabled, CancellationToken ct)
    {
        try
        {
            return await inner.SetStatusAsync(access, level, id, enabled, ct).ConfigureAwait(false);
        }
        finally
        {
            cache.Invalidate(CacheTag.Advertiser(access.AdvertiserId));
        }
    }

    public async Task<WriteOutcome> SetBudgetAsync(AdvertiserAccess access, ActionLevel level, string id, decimal budget, BudgetMode mode, CancellationToken ct)
    {
        try
        {
            return await inner.SetBudgetAsync(access, level, id, budget, mode, ct).ConfigureAwait(false);
        }
        finally
        {
            cache.Invalidate(CacheTag.Advertiser(access.AdvertiserId));
        }
    }
}
