using TikTokBot.Domain.Metrics;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.Accounts;

/// <summary>
/// The advertisers of a workspace connected through several authorisations (several tokens): campaigns from all of
/// them, each campaign's figures from the source that lists it.
/// </summary>
internal sealed class CombinedMetricSource(IReadOnlyList<IMetricSource> parts) : IMetricSource
{
    public async Task<IReadOnlyList<CampaignInfo>> ListCampaignsAsync(CancellationToken cancellationToken) =>
        (await Task.WhenAll(parts.Select(p => p.ListCampaignsAsync(cancellationToken)))).SelectMany(c => c).ToArray();

    public async Task<IReadOnlyList<DailyTotals>> GetDailyAsync(Scope scope, DateRange range, CancellationToken cancellationToken) =>
        scope.Level == ScopeLevel.Campaign && await OwnerAsync(scope.Id, cancellationToken) is { } owner
            ? await owner.GetDailyAsync(scope, range, cancellationToken)
            : (await Task.WhenAll(parts.Select(p => p.GetDailyAsync(scope, range, cancellationToken)))).SelectMany(d => d).ToArray();

    public async Task<long?> GetReachAsync(Scope scope, DateRange range, CancellationToken cancellationToken) =>
        scope.Level == ScopeLevel.Campaign && await OwnerAsync(scope.Id, cancellationToken) is { } owner
            ? await owner.GetReachAsync(scope, range, cancellationToken)
            : (await Task.WhenAll(parts.Select(p => p.GetReachAsync(scope, range, cancellationToken)))).FirstOrDefault(r => r is not null);

    public async Task<IReadOnlyList<BreakdownRow>> GetBreakdownAsync(string campaignId, BreakdownDimension by, DateRange range, CancellationToken cancellationToken) =>
        await OwnerAsync(campaignId, cancellationToken) is { } owner ? await owner.GetBreakdownAsync(campaignId, by, range, cancellationToken) : [];

    // Hours are one advertiser's: only the source that lists the campaign can say which it reported.
    public async Task<IReadOnlyList<HourlyTotals>?> GetHourlyAsync(Scope scope, DateOnly day, CancellationToken cancellationToken) =>
        scope.Level == ScopeLevel.Campaign && await OwnerAsync(scope.Id, cancellationToken) is { } owner
            ? await owner.GetHourlyAsync(scope, day, cancellationToken)
            : null;

    private async Task<IMetricSource?> OwnerAsync(string campaignId, CancellationToken ct)
    {
        foreach (var part in parts)
        {
            if ((await part.ListCampaignsAsync(ct)).Any(c => c.Id == campaignId))
            {
                return part;
            }
        }

        return null;
    }
}
