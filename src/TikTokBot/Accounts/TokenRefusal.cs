using TikTokBot.Domain.Metrics;
using TikTokBot.TikTok.Api;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.Accounts;

/// <summary>The plain sentences every reply to a workspace carries besides its answer (<see cref="WorkspaceSource.Notice"/>); unescaped text.</summary>
internal static class WorkspaceNotices
{
    public const string Demo =
        "Demo data: these campaigns and figures are made up, not yours. No TikTok advertiser is connected to this workspace: " +
        "`" + AccountsService.ConnectCommand + "` connects one.";

    /// <summary>"TikTok refused the token of LA Store: `/ttmetrics connect` reconnects it."</summary>
    public static string TokenRefused(IEnumerable<string> advertiserNames)
    {
        var names = advertiserNames.Distinct(StringComparer.Ordinal).ToList();
        var named = names.Count <= 1 ? string.Concat(names) : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1];
        return $"TikTok refused the token of {named}: `{AccountsService.ConnectCommand}` reconnects {(names.Count == 1 ? "it" : "them")}.";
    }
}

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

/// <summary>The source of a workspace whose every connection TikTok refused: each read says how to reconnect.</summary>
internal sealed class RefusedTokenSource(string notice) : IMetricSource
{
    public Task<IReadOnlyList<CampaignInfo>> ListCampaignsAsync(CancellationToken cancellationToken) => Task.FromException<IReadOnlyList<CampaignInfo>>(Refused());

    public Task<IReadOnlyList<DailyTotals>> GetDailyAsync(Scope scope, DateRange range, CancellationToken cancellationToken) =>
        Task.FromException<IReadOnlyList<DailyTotals>>(Refused());

    public Task<long?> GetReachAsync(Scope scope, DateRange range, CancellationToken cancellationToken) => Task.FromException<long?>(Refused());

    public Task<IReadOnlyList<HourlyTotals>?> GetHourlyAsync(Scope scope, DateOnly day, CancellationToken cancellationToken) =>
        Task.FromException<IReadOnlyList<HourlyTotals>?>(Refused());

    public Task<IReadOnlyList<BreakdownRow>> GetBreakdownAsync(string campaignId, BreakdownDimension by, DateRange range, CancellationToken cancellationToken) =>
        Task.FromException<IReadOnlyList<BreakdownRow>>(Refused());

    private MetricSourceException Refused() => new(notice);
}
