using TikTokBot.Domain.Metrics;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.Benchmarks.App;

/// <summary>
/// One campaign's daily rows per ad group, held in memory and rolled up per request the way the demo and CSV
/// sources do, with a count of the rows each call read.
/// </summary>
internal sealed class AdGroupRowsSource : IMetricSource
{
    private readonly CampaignInfo _campaign;
    private readonly DailyTotals[][] _adGroups;
    private long _rowsRead;

    public AdGroupRowsSource(CampaignInfo campaign, int adGroups, DateRange lived)
    {
        _campaign = campaign;
        var random = new Random(42);
        _adGroups = new DailyTotals[adGroups][];
        for (var g = 0; g < adGroups; g++)
        {
            _adGroups[g] = new DailyTotals[lived.Days];
            for (var d = 0; d < lived.Days; d++)
            {
                _adGroups[g][d] = SyntheticDay.Next(random, lived.Start.AddDays(d));
            }
        }
    }

    public long RowsRead => Interlocked.Read(ref _rowsRead);

    public Task<IReadOnlyList<CampaignInfo>> ListCampaignsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CampaignInfo>>([_campaign]);

    public Task<IReadOnlyList<DailyTotals>> GetDailyAsync(Scope scope, DateRange range, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DailyTotals>>(DailyRollup.ByDay(RowsIn(range), range));

    // Each ad group's rows of the range as they are read, counted as the loader reads them.
    private IEnumerable<DailyTotals> RowsIn(DateRange range)
    {
        var read = 0L;
        foreach (var adGroup in _adGroups)
        {
            foreach (var row in adGroup)
            {
                if (range.Contains(row.Date))
                {
                    read++;
                    yield return row;
                }
            }
        }

        Interlocked.Add(ref _rowsRead, read);
    }

    // Reach is unique people over the range, so a source reports it; a fixed share of impressions stands in here.
    public Task<long?> GetReachAsync(Scope scope, DateRange range, CancellationToken cancellationToken) =>
        Task.FromResult<long?>(_adGroups.Length * range.Days * 1_000L);

    public Task<IReadOnlyList<BreakdownRow>> GetBreakdownAsync(string campaignId, BreakdownDimension by, DateRange range, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<BreakdownRow>>([]);
}
