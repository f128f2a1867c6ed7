using TikTokBot.Domain.Metrics;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.Accounts;

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
