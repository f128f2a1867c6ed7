using TikTokBot.Domain.Metrics;
using TikTokBot.TikTok.Api;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.Accounts;

/// <summary>
/// A workspace's connected source that notices TikTok refusing the token (revoked, expired): the connections are marked
/// at once, so the next command and the Home tab say "reconnect" instead of failing one by one, and this command says so too.
/// </summary>
internal sealed class TokenRefusalWatch(IMetricSource inner, IReadOnlyList<string> advertiserNames, Func<CancellationToken, Task> markRefused) : IMetricSource
{
    public Task<IReadOnlyList<CampaignInfo>> ListCampaignsAsync(CancellationToken cancellationToken) =>
        Watched(() => inner.ListCampaignsAsync(cancellationToken));

    public Task<IReadOnlyList<CampaignInfo>> ListEndedCampaignsAsync(CancellationToken cancellationToken) =>
        Watched(() => inner.ListEndedCampaignsAsync(cancellationToken));

    public Task<IReadOnlyList<DailyTotals>> GetDailyAsync(Scope scope, DateRange range, CancellationToken cancellationToken) =>
        Watched(() => inner.GetDailyAsync(scope, range, cancellationToken));

    public Task<long?> GetReachAsync(Scope scope, DateRange range, CancellationToken cancellationToken) =>
        Watched(() => inner.GetReachAsync(scope, range, cancellationToken));

    public Task<IReadOnlyList<BreakdownRow>> GetBreakdownAsync(string campaignId, BreakdownDimension by, DateRange range, CancellationToken cancellationToken) =>
        Watched(() => inner.GetBreakdownAsync(campaignId, by, range, cancellationToken));

    public Task<IReadOnlyList<HourlyTotals>?> GetHourlyAsync(Scope scope, DateOnly day, CancellationToken cancellationToken) =>
        Watched(() => inner.GetHourlyAsync(scope, day, cancellationToken));

    private async Task<T> Watched<T>(Func<Task<T>> read)
    {
        try
        {
            return await read();
        }
        catch (TikTokAuthException e)
        {
            // Marked whatever the person asking does next: not their cancellation's to undo.
            await markRefused(CancellationToken.None);
            throw new MetricSourceException(WorkspaceNotices.TokenRefused(advertiserNames), e);
        }
    }
}
