using System.Globalization;
using System.Text.Json;
using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Objectives;
using TikTokBot.TikTok.Caching;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.TikTok.Api;

/// <summary>
/// Metrics from the TikTok API for Business. Reports are asked for a whole advertiser at a time and shared, so
/// fifty campaigns cost one paged request series per advertiser and range, not fifty.
/// </summary>
public sealed class ApiMetricSource(TikTokApiClient client, TikTokApiOptions options, TimeProvider time) : IMetricSource
{
    /// <summary>TikTok's longest range for a report broken down by day.</summary>
    public const int MaxDaysPerDailyReport = 30;

    internal static readonly string[] CountMetrics =
    [
        "spend", "impressions", "clicks", "engagements", "conversion", "real_time_conversion", "video_play_actions", "video_watched_2s",
        "video_watched_6s", "video_views_p25", "video_views_p50", "video_views_p75", "video_views_p100", "average_video_play",
        "total_complete_payment_value",
    ];

    private readonly ReportCache _shared = new(time);

    public async Task<IReadOnlyList<CampaignInfo>> ListCampaignsAsync(CancellationToken cancellationToken)
    {
        var campaigns = new List<CampaignInfo>();
        foreach (var advertiser in Advertisers())
        {
            foreach (var row in await client.GetCampaignsAsync(advertiser, cancellationToken).ConfigureAwait(false))
            {
                var objectiveType = row.Text("objective_type");
                Objective? objective = ObjectiveCatalogue.TryFromTikTok(objectiveType, out var known) ? known : null;
                var created = DateTime.TryParse(row.Text("create_time"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                    ? DateOnly.FromDateTime(at)
                    : DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
                var budget = row.Number("budget");
                campaigns.Add(new CampaignInfo(row.Text("campaign_id"), row.Text("campaign_name"), advertiser, objectiveType, objective,
                    row.Text("operation_status"), budget > 0 ? budget : null, created,
                    Automated: row.Text("campaign_automation_type") is "SMART_PLUS" or "UPGRADED_SMART_PLUS"));
            }
        }

        return campaigns;
    }

    public async Task<IReadOnlyList<DailyTotals>> GetDailyAsync(Scope scope, DateRange range, CancellationToken cancellationToken)
    {
        var advertiser = await AdvertiserOf(scope, cancellationToken).ConfigureAwait(false);
        var days = new List<DailyTotals>();
        foreach (var window in Windows(range))
        {
            var rows = await Report(advertiser, scope.Level, window, daily: true, cancellationToken).ConfigureAwait(false);
            days.AddRange(rows
                .Where(r => r.Dimension(IdDimension(scope.Level)) == scope.Id)
                .Select(r => new DailyTotals(Day(r.Dimension("stat_time_day")), Counts(r)))
                .OrderBy(d => d.Date));
        }

        return days;
    }

    public async Task<long?> GetReachAsync(Scope scope, DateRange range, CancellationToken cancellationToken)
    {
        var advertiser = await AdvertiserOf(scope, cancellationToken).ConfigureAwait(false);
        var rows = await Report(advertiser, scope.Level, range, daily: false, cancellationToken).ConfigureAwait(false);
        var row = rows.FirstOrDefault(r => r.Dimension(IdDimension(scope.Level)) == scope.Id);
        return row is null ? 0 : row.Count("reach");
    }

    public async Task<IReadOnlyList<BreakdownRow>> GetBreakdownAsync(string campaignId, BreakdownDimension by, DateRange range, CancellationToken cancellationToken)
    {
        var advertiser = await AdvertiserOf(Scope.Campaign(campaignId), cancellationToken).ConfigureAwait(false);
        var (reportType, level, dimension, nameField) = by switch
        {
            BreakdownDimension.AdGroup => ("BASIC", "AUCTION_ADGROUP", "adgroup_id", "adgroup_name"),
            BreakdownDimension.Ad => ("BASIC", "AUCTION_AD", "ad_id", "ad_name"),
            BreakdownDimension.Age => ("AUDIENCE", "AUCTION_CAMPAIGN", "age", null),
            BreakdownDimension.Gender => ("AUDIENCE", "AUCTION_CAMPAIGN", "gender", null),
            BreakdownDimension.Placement => ("AUDIENCE", "AUCTION_CAMPAIGN", "placement", null),
            _ => ("AUDIENCE", "AUCTION_CAMPAIGN", "platform", null),
        };
        var dimensions = reportType == "BASIC" ? new[] { dimension } : new[] { "campaign_id", dimension };
        var metrics = reportType == "BASIC" ? CountMetrics.Append("reach").Append(nameField!).ToArray() : CountMetrics;
        var rows = await client.GetReportAsync(new Dictionary<string, string>
        {
            ["advertiser_id"] = advertiser,
            ["report_type"] = reportType,
            ["data_level"] = level,
            ["dimensions"] = JsonSerializer.Serialize(dimensions),
            ["metrics"] = JsonSerializer.Serialize(metrics),
            ["start_date"] = Date(range.Start),
            ["end_date"] = Date(range.End),
            ["filtering"] = JsonSerializer.Serialize(new[] { new { field_name = "campaign_ids", filter_type = "IN", filter_value = JsonSerializer.Serialize(new[] { campaignId }) } }),
        }, cancellationToken).ConfigureAwait(false);

        return rows
            .Where(r => reportType == "BASIC" || r.Dimension("campaign_id") == campaignId)
            .Select(r => new BreakdownRow(r.Dimension(dimension), nameField is null ? r.Dimension(dimension) : r.Text(nameField),
                new ScopeTotals(Counts(r), reportType == "BASIC" ? r.Count("reach") : null)))
            .ToArray();
    }

    /// <summary>An advertiser-wide report at one level, shared by every campaign that asks for the same range.</summary>
    private Task<IReadOnlyList<ReportRow>> Report(string advertiser, ScopeLevel level, DateRange range, bool daily, CancellationToken cancellationToken)
    {
        var id = IdDimension(level);
        var key = new ReportKey($"api:{advertiser}", daily ? "report-daily" : "report-total", level.ToString(), range);
        return _shared.GetOrLoad(key, options.ReportLifetime, () => Checked(daily, client.GetReportAsync(new Dictionary<string, string>
        {
            ["advertiser_id"] = advertiser,
            ["service_type"] = "AUCTION",
            ["report_type"] = "BASIC",
            ["data_level"] = level switch
            {
                ScopeLevel.Campaign => "AUCTION_CAMPAIGN",
                ScopeLevel.AdGroup => "AUCTION_ADGROUP",
                _ => "AUCTION_AD",
            },
            // Without a time dimension TikTok counts unique people over the whole range: the only honest reach.
            ["dimensions"] = JsonSerializer.Serialize(daily ? new[] { id, "stat_time_day" } : new[] { id }),
            ["metrics"] = JsonSerializer.Serialize(daily ? CountMetrics : ["reach"]),
            ["start_date"] = Date(range.Start),
            ["end_date"] = Date(range.End),
        }, CancellationToken.None)), cancellationToken);
    }

    // Checked before the report is shared: a row that cannot be read must fail the load, not sit in the cache.
    private static async Task<IReadOnlyList<ReportRow>> Checked(bool daily, Task<IReadOnlyList<ReportRow>> load)
    {
        var rows = await load.ConfigureAwait(false);
        if (daily)
        {
            foreach (var row in rows)
            {
                Day(row.Dimension("stat_time_day"));
            }
        }

        return rows;
    }

    private async Task<string> AdvertiserOf(Scope scope, CancellationToken cancellationToken)
    {
        var advertisers = Advertisers();
        if (advertisers.Count == 1 || scope.Level != ScopeLevel.Campaign)
        {
            return advertisers[0];
        }

        var campaigns = await _shared.GetOrLoad(new ReportKey("api", "campaigns", "", default), options.ReportLifetime, () => ListCampaignsAsync(CancellationToken.None), cancellationToken)
            .ConfigureAwait(false);
        return campaigns.FirstOrDefault(c => c.Id == scope.Id)?.AdvertiserId
            ?? throw new MetricSourceException($"No campaign with id {scope.Id} in the advertiser accounts TikTokBot reads ({string.Join(", ", advertisers)}).");
    }

    private IReadOnlyList<string> Advertisers()
    {
        var advertisers = options.Advertisers;
        return advertisers.Count > 0
            ? advertisers
            : throw new MetricSourceException("No TikTok advertiser account is configured. Set TikTok:AdvertiserIds to one or more advertiser ids.");
    }

    /// <summary>Cuts a range into the windows TikTok accepts for daily reports, oldest first.</summary>
    internal static IEnumerable<DateRange> Windows(DateRange range)
    {
        for (var start = range.Start; start <= range.End; start = start.AddDays(MaxDaysPerDailyReport))
        {
            var end = start.AddDays(MaxDaysPerDailyReport - 1);
            yield return new DateRange(start, end < range.End ? end : range.End);
        }
    }

    internal static RawTotals Counts(ReportRow row)
    {
        var views = row.Count("video_play_actions");
        return new RawTotals
        {
            Impressions = row.Count("impressions"),
            Spend = row.Number("spend"),
            DestinationClicks = row.Count("clicks"),
            AllClicks = row.Count("engagements"),
            Conversions = row.Count("conversion"),
            RealTimeConversions = row.Count("real_time_conversion"),
            VideoViews = views,
            VideoViews2s = row.Count("video_watched_2s"),
            VideoViews6s = row.Count("video_watched_6s"),
            VideoViewsP25 = row.Count("video_views_p25"),
            VideoViewsP50 = row.Count("video_views_p50"),
            VideoViewsP75 = row.Count("video_views_p75"),
            VideoViewsP100 = row.Count("video_views_p100"),
            VideoPlaySeconds = RawTotals.PlaySecondsFromAverage(row.Number("average_video_play"), views),
            PurchaseValue = row.Number("total_complete_payment_value"),
        };
    }

    private static string IdDimension(ScopeLevel level) => level switch
    {
        ScopeLevel.Campaign => "campaign_id",
        ScopeLevel.AdGroup => "adgroup_id",
        _ => "ad_id",
    };

    // A row that cannot be placed on a day is refused, not dropped: dropping it would be a silently partial report.
    private static DateOnly Day(string statTimeDay) =>
        DateTime.TryParse(statTimeDay, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? DateOnly.FromDateTime(at)
            : throw TikTokApiClient.Unreadable($"stat_time_day '{statTimeDay}'");

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
