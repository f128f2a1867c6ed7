using System.Globalization;
using System.Text.Json;
using TikTokBot.Domain.Campaigns;
using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Objectives;
using TikTokBot.TikTok.Caching;
using TikTokBot.TikTok.Calendar;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.TikTok.Api;

/// <summary>
/// Metrics from the TikTok API for Business. Reports are asked for a whole advertiser at a time and shared, so
/// fifty campaigns cost one paged request series per advertiser and range, not fifty.
/// </summary>
/// <param name="cache">
/// The app's one cache. Advertiser-wide reports are kept there keyed by advertiser, level, shape and range (not by
/// workspace or token) and tagged with the advertiser, so every workspace connected to an advertiser shares them and a
/// report asked by several at once is read once. A workspace only ever asks for its own advertisers, so it only reads
/// their entries. How long they are kept is decided by the documented lifetimes (<paramref name="lifetimes"/>:
/// <c>TikTok:Cache:TodayLifetime</c> for a range reaching today anywhere, <c>ClosedDaysLifetime</c> otherwise,
/// <c>CampaignsLifetime</c> for the campaign list), the same as the entries built from them: with those at zero every
/// question reads TikTok.
/// </param>
public sealed class ApiMetricSource(TikTokApiClient client, TikTokApiOptions options, TimeProvider time, ReportCache cache, MetricCacheOptions lifetimes) : IMetricSource
{
    /// <summary>TikTok's longest range for a report broken down by day.</summary>
    public const int MaxDaysPerDailyReport = 30;

    /// <summary>TikTok's longest range for a report without a time dimension; longer needs its lifetime query.</summary>
    public const int MaxDaysPerTotalReport = 365;

    private readonly BusinessCalendar _calendar = new(time);

    // The campaign list behind reports is this source's own: its advertisers, read with its token.
    private readonly ApiCampaignsKey _campaignsKey = new(string.Join(',', options.Advertisers), TokenFingerprint(options.AccessToken));

    // The campaigns of the last list read, by id, whoever asked for it (the report cache in front of this source, mostly).
    // A campaign's advertiser and launch day never change, so reports find them here instead of listing again.
    private volatile IReadOnlyDictionary<string, CampaignInfo> _listed = new Dictionary<string, CampaignInfo>();

    public async Task<IReadOnlyList<CampaignInfo>> ListCampaignsAsync(CancellationToken cancellationToken)
    {
        var advertisers = Advertisers();
        // Every advertiser's list is asked at once (the shared limiter paces them): one round trip however many are connected.
        var lists = await Task.WhenAll(advertisers.Select(a => client.GetCampaignsAsync(a, cancellationToken))).ConfigureAwait(false);
        var campaigns = new List<CampaignInfo>();
        foreach (var (advertiser, rows) in advertisers.Zip(lists))
        {
            var details = options.DetailsOf(advertiser);
            foreach (var row in rows)
            {
                var objectiveType = row.Text("objective_type");
                Objective? objective = ObjectiveCatalogue.TryFromTikTok(objectiveType, out var known) ? known : null;
                var created = DayOf(row.Text("create_time")) ?? BusinessCalendar.At(time.GetUtcNow(), details.TimeZone).Today;
                var budget = row.Number("budget");
                campaigns.Add(new CampaignInfo(row.Text("campaign_id"), row.Text("campaign_name"), advertiser, objectiveType, objective,
                    row.Text("operation_status"), budget > 0 ? budget : null, created,
                    Currency: details.Currency,
                    Automated: row.Text("campaign_automation_type") is "SMART_PLUS" or "UPGRADED_SMART_PLUS",
                    SecondaryStatus: row.Text("secondary_status") is { Length: > 0 } secondary ? secondary : null,
                    StatusChangedOn: DayOf(row.Text("modify_time")),
                    TimeZone: details.TimeZone,
                    AdvertiserName: details.Name));
            }
        }

        var listed = new Dictionary<string, CampaignInfo>(StringComparer.Ordinal);
        foreach (var campaign in campaigns)
        {
            listed.TryAdd(campaign.Id, campaign);
        }

        _listed = listed;
        return campaigns;
    }

    public async Task<IReadOnlyList<DailyTotals>> GetDailyAsync(Scope scope, DateRange range, CancellationToken cancellationToken)
    {
        var advertiser = await AdvertiserOf(scope, cancellationToken).ConfigureAwait(false);
        // The windows are asked together, not one after another: a lifetime of a year and more is a dozen windows,
        // and the shared limiter already paces them.
        var windows = await Task.WhenAll(Windows(range).Select(w => Report(advertiser, scope.Level, w, ReportShape.Daily, cancellationToken)))
            .ConfigureAwait(false);
        return windows
            .SelectMany(rows => rows.Where(r => r.Dimension(IdDimension(scope.Level)) == scope.Id))
            .Select(r => new DailyTotals(Day(r.Dimension("stat_time_day")), Counts(r)))
            .OrderBy(d => d.Date)
            .ToArray();
    }

    public async Task<long?> GetReachAsync(Scope scope, DateRange range, CancellationToken cancellationToken)
    {
        var advertiser = await AdvertiserOf(scope, cancellationToken).ConfigureAwait(false);
        var shape = ReportShape.Total;
        if (range.Days > MaxDaysPerTotalReport)
        {
            // Over TikTok's limit only the lifetime query can count unique people, and it is honest only for a range
            // that covers the whole life: from before the campaign started up to today.
            if (scope.Level != ScopeLevel.Campaign || !await CoversLifetime(scope.Id, range, cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            shape = ReportShape.Lifetime;
        }

        var rows = await Report(advertiser, scope.Level, range, shape, cancellationToken).ConfigureAwait(false);
        var row = rows.FirstOrDefault(r => r.Dimension(IdDimension(scope.Level)) == scope.Id);
        return row is null ? 0 : row.Has(ReportMetrics.Reach) ? row.Count(ReportMetrics.Reach) : null;
    }

    public async Task<IReadOnlyList<HourlyTotals>?> GetHourlyAsync(Scope scope, DateOnly day, CancellationToken cancellationToken)
    {
        var advertiser = await AdvertiserOf(scope, cancellationToken).ConfigureAwait(false);
        var range = new DateRange(day, day);
        var (key, query) = ReportQuery(advertiser, scope.Level, range, ReportShape.Hourly);
        var report = await SharedAsync(key,
            async () => HourlyReport.From(await client.GetReportAsync(query, CancellationToken.None).ConfigureAwait(false), IdDimension(scope.Level)), cancellationToken)
            .ConfigureAwait(false);
        return report.Of(scope.Id);
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
        var metrics = reportType == "BASIC"
            ? ReportMetrics.CountsFor(ReportType.Basic).Append(ReportMetrics.Reach).Append(nameField!).ToArray()
            : ReportMetrics.CountsFor(ReportType.Audience);
        var query = new Dictionary<string, string>
        {
            ["advertiser_id"] = advertiser,
            ["service_type"] = "AUCTION",
            ["report_type"] = reportType,
            ["data_level"] = level,
            ["dimensions"] = JsonSerializer.Serialize(dimensions),
            ["metrics"] = JsonSerializer.Serialize(metrics),
            ["filtering"] = JsonSerializer.Serialize(new[] { new { field_name = "campaign_ids", filter_type = "IN", filter_value = JsonSerializer.Serialize(new[] { campaignId }) } }),
        };
        if (range.Days <= MaxDaysPerTotalReport)
        {
            query["start_date"] = Date(range.Start);
            query["end_date"] = Date(range.End);
        }
        else if (reportType == "BASIC" && await CoversLifetime(campaignId, range, cancellationToken).ConfigureAwait(false))
        {
            query["query_lifetime"] = "true";
        }
        else
        {
            throw new MetricSourceException(
                $"TikTok breaks a campaign down by {by.ToString().ToLowerInvariant()} over at most {MaxDaysPerTotalReport} days. Pick a shorter period.");
        }

        // Ad groups carry their own status: one paused inside a running campaign is shown as paused.
        var statusTask = by == BreakdownDimension.AdGroup
            ? client.GetAdGroupsAsync(advertiser, campaignId, cancellationToken)
            : Task.FromResult<IReadOnlyList<ReportRow>>([]);
        var rows = await client.GetReportAsync(query, cancellationToken).ConfigureAwait(false);
        var statuses = (await statusTask.ConfigureAwait(false)).ToDictionary(
            g => g.Text("adgroup_id"),
            g => Campaign.DescribeStatus(CampaignInfo.StatusFrom(g.Text("operation_status"), g.Text("secondary_status")), DayOf(g.Text("modify_time"))));

        return rows
            .Where(r => reportType == "BASIC" || r.Dimension("campaign_id") == campaignId)
            .Select(r => new BreakdownRow(r.Dimension(dimension), nameField is null ? r.Dimension(dimension) : r.Text(nameField),
                new ScopeTotals(Counts(r), reportType == "BASIC" ? r.Count("reach") : null), statuses.GetValueOrDefault(r.Dimension(dimension))))
            .ToArray();
    }

    /// <summary>An advertiser-wide report at one level, shared by every campaign that asks for the same range.</summary>
    private Task<IReadOnlyList<ReportRow>> Report(string advertiser, ScopeLevel level, DateRange range, ReportShape shape, CancellationToken cancellationToken)
    {
        var (key, query) = ReportQuery(advertiser, level, range, shape);
        return SharedAsync(key, () => Checked(shape == ReportShape.Daily, client.GetReportAsync(query, CancellationToken.None)), cancellationToken);
    }

    /// <summary>
    /// An advertiser-wide report from the shared cache. A load another workspace started may fail on that workspace's
    /// token (revoked, no permission): that says nothing about this one's, so it asks again with its own.
    /// </summary>
    private async Task<T> SharedAsync<T>(AdvertiserReportKey key, Func<Task<T>> load, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var mine = false;
            try
            {
                return await cache.GetOrLoad(key, Lifetime(key), [CacheTag.Advertiser(key.Advertiser)], () =>
                {
                    mine = true;
                    return load();
                }, cancellationToken).ConfigureAwait(false);
            }
            catch (TikTokAuthException) when (!mine && attempt < 2)
            {
            }
        }
    }

    private TimeSpan Lifetime(AdvertiserReportKey key) =>
        key.Shape == ReportShape.Lifetime ? lifetimes.TodayLifetime : lifetimes.LifetimeOf(key.Range, _calendar.NowEverywhere());

    private static (AdvertiserReportKey Key, Dictionary<string, string> Query) ReportQuery(string advertiser, ScopeLevel level, DateRange range, ReportShape shape)
    {
        var id = IdDimension(level);
        // A lifetime query is the same whatever range asked for it (one reaching today: it is kept as long as today's figures).
        var key = new AdvertiserReportKey(advertiser, level, shape, shape == ReportShape.Lifetime ? default : range);
        var query = new Dictionary<string, string>
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
            ["dimensions"] = JsonSerializer.Serialize(shape switch
            {
                ReportShape.Daily => new[] { id, "stat_time_day" },
                ReportShape.Hourly => [id, "stat_time_hour"],
                _ => [id],
            }),
            ["metrics"] = JsonSerializer.Serialize(shape switch
            {
                ReportShape.Daily => ReportMetrics.CountsFor(ReportType.Basic),
                ReportShape.Hourly => ReportMetrics.Hourly,
                _ => [ReportMetrics.Reach],
            }),
        };
        if (shape == ReportShape.Lifetime)
        {
            query["query_lifetime"] = "true";
        }
        else
        {
            query["start_date"] = Date(range.Start);
            query["end_date"] = Date(range.End);
        }

        return (key, query);
    }

    /// <summary>Whether a range reaches from the campaign's first day (or before) to today: what TikTok's lifetime query covers.</summary>
    private async Task<bool> CoversLifetime(string campaignId, DateRange range, CancellationToken cancellationToken) =>
        await Listed(campaignId, cancellationToken).ConfigureAwait(false) is { } campaign && range.Start <= campaign.CreatedOn &&
        range.End >= BusinessCalendar.At(time.GetUtcNow(), campaign.TimeZone).Yesterday;

    /// <summary>A campaign as last listed; listed afresh (once for all who ask at the same time) only for an id not seen yet.</summary>
    private async Task<CampaignInfo?> Listed(string campaignId, CancellationToken cancellationToken)
    {
        if (_listed.TryGetValue(campaignId, out var known))
        {
            return known;
        }

        var campaigns = await cache.GetOrLoad(_campaignsKey, lifetimes.CampaignsLifetime, Advertisers().Select(CacheTag.Advertiser).ToArray(),
            () => ListCampaignsAsync(CancellationToken.None), cancellationToken).ConfigureAwait(false);
        return campaigns.FirstOrDefault(c => c.Id == campaignId);
    }

    /// <summary>An advertiser-wide report: one paged series, shared by every workspace and campaign that asks for it.</summary>
    private sealed record AdvertiserReportKey(string Advertiser, ScopeLevel Level, ReportShape Shape, DateRange Range) : CacheKey;

    /// <summary>The campaign list of these advertisers as this token reads them (a fingerprint: a key may be logged, the token never).</summary>
    private sealed record ApiCampaignsKey(string Advertisers, string Token) : CacheKey;

    private static string TokenFingerprint(string? token) =>
        token is null ? "" : Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)))[..16];

    private enum ReportShape
    {
        Daily,
        Hourly,
        Total,
        Lifetime,
    }

    /// <summary>
    /// One day of an advertiser by hour, indexed once for all its campaigns. The hours TikTok has reported are those any
    /// row names: a campaign without a row in one of them delivered nothing in it.
    /// </summary>
    private sealed class HourlyReport(IReadOnlyList<DateTime> hours, Dictionary<string, Dictionary<DateTime, RawTotals>> byScope)
    {
        // A row that cannot be placed on an hour fails the load, as for days: never a silently partial report.
        public static HourlyReport From(IReadOnlyList<ReportRow> rows, string idDimension)
        {
            var byScope = new Dictionary<string, Dictionary<DateTime, RawTotals>>(StringComparer.Ordinal);
            var hours = new SortedSet<DateTime>();
            foreach (var row in rows)
            {
                var text = row.Dimension("stat_time_hour");
                if (!DateTime.TryParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var hour))
                {
                    throw TikTokApiClient.Unreadable($"stat_time_hour '{text}'");
                }

                hours.Add(hour);
                var own = byScope.TryGetValue(row.Dimension(idDimension), out var found) ? found : byScope[row.Dimension(idDimension)] = [];
                own[hour] = own.GetValueOrDefault(hour) + Counts(row);
            }

            return new HourlyReport(hours.ToArray(), byScope);
        }

        public IReadOnlyList<HourlyTotals> Of(string scopeId)
        {
            var own = byScope.GetValueOrDefault(scopeId);
            return hours.Select(hour => new HourlyTotals(hour, own?.GetValueOrDefault(hour) ?? RawTotals.Zero)).ToArray();
        }
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

        return (await Listed(scope.Id, cancellationToken).ConfigureAwait(false))?.AdvertiserId
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

    /// <summary>A row's counts; a metric the row does not carry (not asked, or not sent) is unreported, never 0.</summary>
    internal static RawTotals Counts(ReportRow row)
    {
        var unreported = RawCount.None;
        foreach (var metric in ReportMetrics.All)
        {
            if (!row.Has(metric.TikTokName))
            {
                unreported |= metric.Fills;
            }
        }

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
            PurchaseValue = row.Number("total_complete_payment_rate"),
            // Seconds watched are the average times the views: without the views they are unknown too.
            Unreported = (unreported & RawCount.VideoViews) != 0 ? unreported | RawCount.VideoPlaySeconds : unreported,
        };
    }

    private static string IdDimension(ScopeLevel level) => level switch
    {
        ScopeLevel.Campaign => "campaign_id",
        ScopeLevel.AdGroup => "adgroup_id",
        _ => "ad_id",
    };

    private static DateOnly? DayOf(string timestamp) =>
        DateTime.TryParse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) ? DateOnly.FromDateTime(at) : null;

    // A row that cannot be placed on a day is refused, not dropped: dropping it would be a silently partial report.
    private static DateOnly Day(string statTimeDay) =>
        DateTime.TryParse(statTimeDay, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? DateOnly.FromDateTime(at)
            : throw TikTokApiClient.Unreadable($"stat_time_day '{statTimeDay}'");

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
