using System.Collections.Frozen;
using TikTokBot.Domain.Metrics;
using TikTokBot.TikTok.Calendar;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.TikTok.Demo;

/// <summary>Serves the demo data set, regenerated for each new day so "yesterday" always has data.</summary>
public sealed class DemoMetricSource(TimeProvider time) : IMetricSource
{
    // Segment shapes for the audience breakdowns: each share of delivery converts at its own rate.
    private static readonly FrozenDictionary<BreakdownDimension, (string Key, decimal Share, decimal CvrFactor)[]> Segments = new Dictionary<BreakdownDimension, (string Key, decimal Share, decimal CvrFactor)[]>()
    {
        [BreakdownDimension.Age] = [("AGE_18_24", 0.34m, 0.7m), ("AGE_25_34", 0.38m, 1.3m), ("AGE_35_44", 0.18m, 1.1m), ("AGE_45_54", 0.10m, 0.6m)],
        [BreakdownDimension.Gender] = [("FEMALE", 0.58m, 1.15m), ("MALE", 0.40m, 0.8m), ("NONE", 0.02m, 0.5m)],
        [BreakdownDimension.Placement] = [("PLACEMENT_TIKTOK", 0.82m, 1.1m), ("PLACEMENT_PANGLE", 0.12m, 0.4m), ("PLACEMENT_GLOBAL_APP_BUNDLE", 0.06m, 0.6m)],
        [BreakdownDimension.Device] = [("IOS", 0.46m, 1.2m), ("ANDROID", 0.52m, 0.85m), ("UNKNOWN", 0.02m, 0.5m)],
    }.ToFrozenDictionary();

    private DemoDataSet? _current;

    public DemoDataSet DataSet
    {
        get
        {
            var today = BusinessCalendar.At(time.GetUtcNow(), TimeZoneInfo.Utc).Today;
            var current = _current;
            if (current is null || current.Today != today)
            {
                current = new DemoDataSet(today);
                _current = current;
            }

            return current;
        }
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _simulatedStatus = new(StringComparer.Ordinal);

    /// <summary>A simulated pause or resume (an action on the demo data): later lists show the campaign so, changed today.</summary>
    public void SimulateStatus(string campaignId, bool enabled) => _simulatedStatus[campaignId] = enabled;

    public Task<IReadOnlyList<CampaignInfo>> ListCampaignsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CampaignInfo>>(DataSet.Campaigns.Select(c => _simulatedStatus.TryGetValue(c.Info.Id, out var enabled)
            ? c.Info with { Status = enabled ? "ENABLE" : "DISABLE", StatusChangedOn = DataSet.Today }
            : c.Info).ToArray());

    public Task<IReadOnlyList<CampaignInfo>> ListEndedCampaignsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CampaignInfo>>(DataSet.Finished.Select(c => c.Info).ToArray());

    public Task<IReadOnlyList<DailyTotals>> GetDailyAsync(Scope scope, DateRange range, CancellationToken cancellationToken)
    {
        return Task.FromResult<IReadOnlyList<DailyTotals>>(DailyRollup.ByDay(RowsOf(scope, range, out _).Select(r => new DailyTotals(r.Date, r.Counts)), range));
    }

    public Task<long?> GetReachAsync(Scope scope, DateRange range, CancellationToken cancellationToken)
    {
        var rows = RowsOf(scope, range, out var campaign);
        return Task.FromResult<long?>(campaign is null ? null : campaign.Reach(rows, range));
    }

    /// <summary>
    /// A day's figures spread evenly over its hours: every hour of a past day, today's hours up to the one in progress (UTC,
    /// the demo advertiser's zone). A campaign whose delivery stopped has its day in the earlier hours and zeros after.
    /// </summary>
    public Task<IReadOnlyList<HourlyTotals>?> GetHourlyAsync(Scope scope, DateOnly day, CancellationToken cancellationToken)
    {
        var data = DataSet;
        var reported = day < data.Today ? 24 : day == data.Today ? time.GetUtcNow().Hour + 1 : 0;
        var total = RawTotals.Sum(RowsOf(scope, new DateRange(day, day), out var campaign).Select(r => r.Counts));
        var delivering = day == data.Today && campaign?.Profile.StoppedHoursAgo is { } stopped ? Math.Max(1, reported - stopped) : reported;
        var start = day.ToDateTime(TimeOnly.MinValue);
        IReadOnlyList<HourlyTotals> hours = Enumerable.Range(0, reported)
            .Select(h => new HourlyTotals(start.AddHours(h), h < delivering ? HourOf(total, h, delivering) : RawTotals.Zero))
            .ToArray();
        return Task.FromResult<IReadOnlyList<HourlyTotals>?>(hours);
    }

    /// <summary>Hour <paramref name="index"/> of <paramref name="count"/> even parts of a day; the parts add up to the day exactly.</summary>
    private static RawTotals HourOf(RawTotals day, int index, int count)
    {
        long Part(long value) => value * (index + 1) / count - value * index / count;
        decimal Money(decimal value) => Math.Round(value * (index + 1) / count, 2) - Math.Round(value * index / count, 2);
        return new RawTotals
        {
            Impressions = Part(day.Impressions),
            Spend = Money(day.Spend),
            DestinationClicks = Part(day.DestinationClicks),
            AllClicks = Part(day.AllClicks),
            Conversions = Part(day.Conversions),
            RealTimeConversions = Part(day.RealTimeConversions),
            VideoViews = Part(day.VideoViews),
            VideoViews2s = Part(day.VideoViews2s),
            VideoViews6s = Part(day.VideoViews6s),
            VideoViewsP25 = Part(day.VideoViewsP25),
            VideoViewsP50 = Part(day.VideoViewsP50),
            VideoViewsP75 = Part(day.VideoViewsP75),
            VideoViewsP100 = Part(day.VideoViewsP100),
            VideoPlaySeconds = Money(day.VideoPlaySeconds),
            PurchaseValue = Money(day.PurchaseValue),
        };
    }

    public Task<IReadOnlyList<BreakdownRow>> GetBreakdownAsync(string campaignId, BreakdownDimension by, DateRange range, CancellationToken cancellationToken)
    {
        var rows = RowsOf(Scope.Campaign(campaignId), range, out var campaign);
        if (campaign is null)
        {
            return Task.FromResult<IReadOnlyList<BreakdownRow>>([]);
        }

        IReadOnlyList<BreakdownRow> result = by switch
        {
            BreakdownDimension.AdGroup => rows.GroupBy(r => r.AdGroup).OrderBy(g => g.Key)
                .Select(g => new BreakdownRow(DemoDataSet.Generated.AdGroupId(campaignId, g.Key), DemoDataSet.Generated.AdGroupName(g.Key),
                    new ScopeTotals(RawTotals.Sum(g.Select(r => r.Counts)), campaign.Reach(g, range))))
                .ToArray(),
            BreakdownDimension.Ad => rows.GroupBy(r => (r.AdGroup, r.Ad)).OrderBy(g => g.Key)
                .Select(g => new BreakdownRow(DemoDataSet.Generated.AdId(campaignId, g.Key.AdGroup, g.Key.Ad),
                    $"{DemoDataSet.Generated.AdName(g.Key.Ad)} ({DemoDataSet.Generated.AdGroupName(g.Key.AdGroup)})",
                    new ScopeTotals(RawTotals.Sum(g.Select(r => r.Counts)), campaign.Reach(g, range))))
                .ToArray(),
            _ => SplitBySegment(RawTotals.Sum(rows.Select(r => r.Counts)), Segments[by]),
        };
        return Task.FromResult(result);
    }

    private static BreakdownRow[] SplitBySegment(RawTotals total, (string Key, decimal Share, decimal CvrFactor)[] segments) =>
        segments.Select(s =>
        {
            long Part(long value) => (long)Math.Round(value * s.Share);
            var clicks = Part(total.DestinationClicks);
            var conversions = Math.Min(clicks, (long)Math.Round(total.Conversions * s.Share * s.CvrFactor));
            return new BreakdownRow(s.Key, s.Key, new ScopeTotals(new RawTotals
            {
                Impressions = Part(total.Impressions),
                Spend = Math.Round(total.Spend * s.Share, 2),
                DestinationClicks = clicks,
                AllClicks = Part(total.AllClicks),
                Conversions = conversions,
                RealTimeConversions = conversions,
                VideoViews = Part(total.VideoViews),
            }));
        }).ToArray();

    private List<DemoDataSet.AdDay> RowsOf(Scope scope, DateRange range, out DemoDataSet.Generated? campaign)
    {
        var campaignId = scope.Id.Split('-')[0];
        if (!DataSet.TryGet(campaignId, out var found))
        {
            campaign = null;
            return [];
        }

        campaign = found;
        return found.Rows
            .Where(r => range.Contains(r.Date) && scope.Level switch
            {
                ScopeLevel.Campaign => true,
                ScopeLevel.AdGroup => DemoDataSet.Generated.AdGroupId(campaignId, r.AdGroup) == scope.Id,
                _ => DemoDataSet.Generated.AdId(campaignId, r.AdGroup, r.Ad) == scope.Id,
            })
            .ToList();
    }
}
