using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TikTokBot.Domain.Metrics;
using TikTokBot.TikTok.Demo;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.Testing;

/// <summary>
/// A local stand-in for the TikTok API for Business on a real Kestrel socket. It serves the demo data set in
/// TikTok's wire format (the <c>code/message/request_id/data</c> envelope, string and number metric values,
/// nulls, page_info) and can be told to misbehave: 40100 bursts, refused tokens, slow answers.
/// </summary>
public sealed partial class FakeTikTokApi : IAsyncDisposable
{
    public const string Token = "test-access-token";

    private readonly WebApplication _app;
    private readonly DemoMetricSource _demo;
    private readonly DateOnly _today;
    private readonly ConcurrentDictionary<string, (string Operation, string Secondary, DateOnly Since)> _statuses = new();
    private int _rateLimitedLeft;

    private FakeTikTokApi(WebApplication app, DemoMetricSource demo, DateOnly today)
    {
        _app = app;
        _demo = demo;
        _today = today;
        Accounts = new FakeTikTokAccounts(Requests);
    }

    /// <summary>Advertiser OAuth: per-token advertisers, auth codes, revocation.</summary>
    public FakeTikTokAccounts Accounts { get; }

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The write endpoints, every write recorded (<see cref="FakeTikTokWrites"/>).</summary>
    public FakeTikTokWrites Writes { get; private set; } = null!;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Report and status requests received, told on each arrival.</summary>
    public ArrivalCount Arrivals { get; } = new();

    /// <summary>The fake's own page size cap, so a few campaigns already span several pages.</summary>
    public int MaxRowsPerPage { get; set; } = 20;

    public TimeSpan Delay { get; set; }

    /// <summary>When set, every request is refused with this code and message.</summary>
    public (int Code, string Message)? Refuse { get; set; }

    /// <summary>When it returns text for a request (its path and page), that text is the whole answer: broken JSON, a missing page.</summary>
    public Func<string, int, string?>? RawAnswer { get; set; }

    /// <summary>
    /// When it returns text for a request that passed TikTok's checks, that text is the answer: responses recorded
    /// from the live API, replayed for the request they answered.
    /// </summary>
    public Func<RecordedRequest, string?>? Replay { get; set; }

    public void RateLimitNext(int requests) => Interlocked.Exchange(ref _rateLimitedLeft, requests);

    /// <summary>
    /// TikTok's quota per developer app, as TikTok enforces it: when set, a request arriving when this many already
    /// arrived in the second before it (whatever token or instance sent them) is answered 40100, HTTP 200, no headers.
    /// </summary>
    public int? AppQuotaPerSecond { get; set; }

    /// <summary>Requests answered 40100 for going over <see cref="AppQuotaPerSecond"/>.</summary>
    public int OverQuota => Volatile.Read(ref _overQuota);

    /// <summary>The most requests that arrived within any one second (sliding), counted while a quota is set.</summary>
    public int MostInOneSecond { get; private set; }

    private readonly Queue<long> _arrivals = new();
    private int _overQuota;

    // The fake's own wall clock: it plays TikTok's servers, which count real seconds whatever the app under test believes.
    private bool OverAppQuota()
    {
        if (AppQuotaPerSecond is not { } limit)
        {
            return false;
        }

        lock (_arrivals)
        {
            var now = System.Diagnostics.Stopwatch.GetTimestamp();
            var secondAgo = now - System.Diagnostics.Stopwatch.Frequency;
            while (_arrivals.TryPeek(out var first) && first <= secondAgo)
            {
                _arrivals.Dequeue();
            }

            _arrivals.Enqueue(now);
            MostInOneSecond = Math.Max(MostInOneSecond, _arrivals.Count);
            if (_arrivals.Count <= limit)
            {
                return false;
            }
        }

        Interlocked.Increment(ref _overQuota);
        return true;
    }

    /// <summary>
    /// Turns a demo campaign off (DISABLE) or deletes it from <paramref name="since"/>: it delivers nothing from that day.
    /// Given an ad group id, sets that ad group's status as <c>adgroup/get</c> reports it.
    /// </summary>
    public void SetStatus(string campaignId, string operationStatus, string secondaryStatus, DateOnly since) =>
        _statuses[campaignId] = (operationStatus, secondaryStatus, since);

    public static async Task<FakeTikTokApi> StartAsync(DateOnly today)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeTikTokApi(app, new DemoMetricSource(new NoonClock(today)), today);
        app.MapGet("/open_api/v1.3/{**path}", fake.Handle);
        fake.MapReportTasks(app);
        fake.Accounts.Map(app);
        (fake.Writes = new FakeTikTokWrites(fake._demo, token => token == Token || fake.Accounts.Serves(token))).Map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUrl = new Uri(address.TrimEnd('/') + "/open_api/v1.3/");
        return fake;
    }

    public IEnumerable<RecordedRequest> Reports => Requests.Where(r => r.Path.StartsWith("report/", StringComparison.Ordinal));

    private async Task<IResult> Handle(string path, HttpRequest request)
    {
        var query = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
        var recorded = new RecordedRequest(path, query, request.Headers["Access-Token"].ToString());
        Requests.Enqueue(recorded);
        Arrivals.Add();
        if (OverAppQuota())
        {
            return Envelope(40100, "Requests made too frequently. Please try again later.", null);
        }

        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay);
        }

        if (request.Headers["Access-Token"] != Token && !Accounts.Serves(request.Headers["Access-Token"].ToString()))
        {
            return Envelope(40105, "Access token is invalid or has expired.", null);
        }

        // A token issued through OAuth reads only the advertisers it was issued for, and only their campaigns.
        var advertiser = request.Headers["Access-Token"] == Token ? null : Accounts.Reads(request.Headers["Access-Token"].ToString(), query.GetValueOrDefault("advertiser_id"));
        if (advertiser is null && request.Headers["Access-Token"] != Token && path is "campaign/get/" or "adgroup/get/" or "report/integrated/get/")
        {
            return Envelope(40001, "No permission to operate advertiser.", null);
        }

        if (Refuse is { } refusal)
        {
            return Envelope(refusal.Code, refusal.Message, null);
        }

        if (Interlocked.Decrement(ref _rateLimitedLeft) >= 0)
        {
            return Envelope(40100, "Requests made too frequently. Please try again later.", null);
        }

        if (Writes.Answer(path, query) is { } written)
        {
            return written;
        }

        if (RawAnswer?.Invoke(path, int.Parse(query.GetValueOrDefault("page", "1"), CultureInfo.InvariantCulture)) is { } raw)
        {
            return Results.Text(raw, "application/json");
        }

        List<JsonNode>? rows;
        try
        {
            if (ReportRules.Refusal(path, query) is { } refused)
            {
                return Envelope(40002, refused, null);
            }

            if (Replay?.Invoke(recorded) is { } replayed)
            {
                return Results.Text(replayed, "application/json");
            }

            rows = path switch
            {
                "campaign/get/" => await Campaigns(advertiser),
                "adgroup/get/" => await AdGroups(query),
                "report/integrated/get/" => await Report(query, advertiser),
                _ => null,
            };
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or FormatException)
        {
            return Envelope(40002, $"Invalid request: {e.Message}", null);
        }

        if (rows is null)
        {
            return Envelope(40002, $"Unknown path {path}", null);
        }

        var page = int.Parse(query.GetValueOrDefault("page", "1"), CultureInfo.InvariantCulture);
        var size = Math.Min(MaxRowsPerPage, int.Parse(query.GetValueOrDefault("page_size", "10"), CultureInfo.InvariantCulture));
        var totalPages = Math.Max(1, (rows.Count + size - 1) / size);
        var data = new JsonObject
        {
            ["list"] = new JsonArray(rows.Skip((page - 1) * size).Take(size).Select(r => r.DeepClone()).ToArray()),
            ["page_info"] = new JsonObject { ["page"] = page, ["page_size"] = size, ["total_page"] = totalPages, ["total_number"] = rows.Count },
        };
        return Envelope(0, "OK", data);
    }

    private async Task<IEnumerable<CampaignInfo>> DemoCampaigns(FakeAdvertiser? advertiser) =>
        (await _demo.ListCampaignsAsync(CancellationToken.None)).Where(c => advertiser?.CampaignIds is not { } ids || ids.Contains(c.Id));

    private async Task<List<JsonNode>> Campaigns(FakeAdvertiser? advertiser) =>
        (await DemoCampaigns(advertiser)).Select(c =>
        {
            var status = _statuses.TryGetValue(c.Id, out var set) ? set : ("ENABLE", "CAMPAIGN_STATUS_ENABLE", c.CreatedOn);
            return (JsonNode)new JsonObject
            {
                ["campaign_id"] = c.Id,
                ["campaign_name"] = advertiser is null ? c.Name : $"{advertiser.Name} · {c.Name}",
                ["advertiser_id"] = advertiser?.AdvertiserId ?? c.AdvertiserId,
                ["objective_type"] = c.ObjectiveType,
                ["budget"] = c.Budget,
                ["budget_mode"] = "BUDGET_MODE_DAY",
                ["operation_status"] = status.Item1,
                ["secondary_status"] = status.Item2,
                ["create_time"] = c.CreatedOn.ToString("yyyy-MM-dd' 00:00:00'", CultureInfo.InvariantCulture),
                ["modify_time"] = status.Item3.ToString("yyyy-MM-dd' 09:30:00'", CultureInfo.InvariantCulture),
                ["campaign_automation_type"] = c.Automated ? "SMART_PLUS" : "MANUAL",
            };
        }).ToList();

    private async Task<List<JsonNode>> AdGroups(Dictionary<string, string> query)
    {
        var campaigns = JsonDocument.Parse(query["filtering"]).RootElement.GetProperty("campaign_ids").EnumerateArray().Select(c => c.GetString()!).ToArray();
        var range = new DateRange(_today.AddDays(-60), _today);
        var rows = new List<JsonNode>();
        foreach (var campaign in campaigns)
        {
            var campaignOff = _statuses.TryGetValue(campaign, out var c) && c.Operation == "DISABLE";
            foreach (var group in await _demo.GetBreakdownAsync(campaign, BreakdownDimension.AdGroup, range, CancellationToken.None))
            {
                var own = _statuses.TryGetValue(group.Key, out var set) ? set : ("ENABLE", campaignOff ? "ADGROUP_STATUS_CAMPAIGN_DISABLE" : "ADGROUP_STATUS_DELIVERY_OK", _today.AddDays(-30));
                rows.Add(new JsonObject
                {
                    ["adgroup_id"] = group.Key,
                    ["adgroup_name"] = group.Name,
                    ["campaign_id"] = campaign,
                    ["operation_status"] = own.Item1,
                    ["secondary_status"] = own.Item2,
                    ["modify_time"] = own.Item3.ToString("yyyy-MM-dd' 09:30:00'", CultureInfo.InvariantCulture),
                });
            }
        }

        return rows;
    }

    // A campaign turned off delivers nothing from the day it was turned off.
    private DateOnly? OffSince(string campaignId) =>
        _statuses.TryGetValue(campaignId, out var status) && status.Operation == "DISABLE" ? status.Since : null;

    private async Task<List<JsonNode>> Report(Dictionary<string, string> query, FakeAdvertiser? advertiser)
    {
        var dimensions = JsonSerializer.Deserialize<string[]>(query["dimensions"])!;
        var metrics = query.TryGetValue("metrics", out var asked) ? JsonSerializer.Deserialize<string[]>(asked)! : ["spend", "impressions"];
        var lifetime = query.GetValueOrDefault("query_lifetime") == "true";
        var only = query.TryGetValue("filtering", out var filtering)
            ? JsonSerializer.Deserialize<string[]>(JsonDocument.Parse(filtering).RootElement.EnumerateArray()
                .Single(f => f.GetProperty("field_name").GetString() == "campaign_ids").GetProperty("filter_value").GetString()!)
            : null;
        var rows = new List<JsonNode>();
        foreach (var campaign in await DemoCampaigns(advertiser))
        {
            if (only is not null && !only.Contains(campaign.Id))
            {
                continue;
            }

            var range = lifetime
                ? new DateRange(campaign.CreatedOn, _today)
                : new DateRange(DateOnly.Parse(query["start_date"], CultureInfo.InvariantCulture), DateOnly.Parse(query["end_date"], CultureInfo.InvariantCulture));
            if (OffSince(campaign.Id) is { } off)
            {
                if (off <= range.Start)
                {
                    continue;
                }

                range = new DateRange(range.Start, off.AddDays(-1) < range.End ? off.AddDays(-1) : range.End);
            }

            if (query.GetValueOrDefault("report_type") == "AUDIENCE")
            {
                var by = dimensions[1] switch { "age" => BreakdownDimension.Age, "gender" => BreakdownDimension.Gender, "placement" => BreakdownDimension.Placement, _ => BreakdownDimension.Device };
                foreach (var row in await _demo.GetBreakdownAsync(campaign.Id, by, range, CancellationToken.None))
                {
                    rows.Add(Row(new() { ["campaign_id"] = campaign.Id, [dimensions[1]] = row.Key }, row.Totals.Counts, null, metrics));
                }

                continue;
            }

            var scopes = query["data_level"] switch
            {
                "AUCTION_CAMPAIGN" => [("campaign_id", Scope.Campaign(campaign.Id), (string?)null)],
                "AUCTION_ADGROUP" => (await _demo.GetBreakdownAsync(campaign.Id, BreakdownDimension.AdGroup, range, CancellationToken.None))
                    .Select(g => ("adgroup_id", new Scope(ScopeLevel.AdGroup, g.Key), (string?)g.Name)).ToArray(),
                _ => (await _demo.GetBreakdownAsync(campaign.Id, BreakdownDimension.Ad, range, CancellationToken.None))
                    .Select(a => ("ad_id", new Scope(ScopeLevel.Ad, a.Key), (string?)a.Name)).ToArray(),
            };
            foreach (var (idField, scope, name) in scopes)
            {
                if (dimensions.Contains("stat_time_hour"))
                {
                    // The demo's hours so far (to noon), and no row for an hour in which the scope delivered nothing: the reader must not need one.
                    foreach (var hour in await _demo.GetHourlyAsync(scope, range.Start, CancellationToken.None) ?? [])
                    {
                        if (hour.Counts.Impressions > 0 || hour.Counts.Spend > 0)
                        {
                            rows.Add(Row(new() { [idField] = scope.Id, ["stat_time_hour"] = hour.Hour.ToString("yyyy-MM-dd HH':00:00'", CultureInfo.InvariantCulture) }, hour.Counts, null, metrics));
                        }
                    }
                }
                else if (dimensions.Contains("stat_time_day"))
                {
                    foreach (var day in await _demo.GetDailyAsync(scope, range, CancellationToken.None))
                    {
                        rows.Add(Row(new() { [idField] = scope.Id, ["stat_time_day"] = day.Date.ToString("yyyy-MM-dd' 00:00:00'", CultureInfo.InvariantCulture) }, day.Counts, null, metrics));
                    }
                }
                else
                {
                    var reach = await _demo.GetReachAsync(scope, range, CancellationToken.None);
                    var daily = await _demo.GetDailyAsync(scope, range, CancellationToken.None);
                    var names = name is null ? null : new Dictionary<string, string> { [idField == "adgroup_id" ? "adgroup_name" : "ad_name"] = name };
                    rows.Add(Row(new() { [idField] = scope.Id }, RawTotals.Sum(daily.Select(d => d.Counts)), reach, metrics, names));
                }
            }
        }

        return rows;
    }

    // Real TikTok mixes strings, numbers and nulls, and sends exactly the metrics asked for; so does the fake.
    private static JsonNode Row(Dictionary<string, string> dimensions, RawTotals c, long? reach, string[] asked, Dictionary<string, string>? names = null)
    {
        var average = c.VideoViews == 0 ? 0m : c.VideoPlaySeconds / c.VideoViews;
        var all = new Dictionary<string, JsonNode?>
        {
            ["spend"] = c.Spend.ToString("0.00", CultureInfo.InvariantCulture),
            ["impressions"] = c.Impressions.ToString(CultureInfo.InvariantCulture),
            ["clicks"] = c.DestinationClicks.ToString(CultureInfo.InvariantCulture),
            ["engagements"] = c.AllClicks,
            ["conversion"] = c.Conversions.ToString(CultureInfo.InvariantCulture),
            ["real_time_conversion"] = c.RealTimeConversions.ToString(CultureInfo.InvariantCulture),
            ["video_play_actions"] = c.VideoViews,
            ["video_watched_2s"] = c.VideoViews2s,
            ["video_watched_6s"] = c.VideoViews6s.ToString(CultureInfo.InvariantCulture),
            ["video_views_p25"] = c.VideoViewsP25,
            ["video_views_p50"] = c.VideoViewsP50,
            ["video_views_p75"] = c.VideoViewsP75,
            ["video_views_p100"] = c.VideoViewsP100,
            ["average_video_play"] = average,
            ["total_complete_payment_rate"] = c.PurchaseValue == 0 ? "-" : c.PurchaseValue.ToString(CultureInfo.InvariantCulture),
            ["secondary_goal_result"] = null,
            ["reach"] = reach?.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (field, value) in names ?? [])
        {
            all[field] = value;
        }

        var metrics = new JsonObject();
        foreach (var name in asked)
        {
            if (all.TryGetValue(name, out var value) && (name != "reach" || reach is not null))
            {
                metrics[name] = value?.DeepClone();
            }
        }

        return new JsonObject
        {
            ["dimensions"] = new JsonObject(dimensions.Select(d => KeyValuePair.Create(d.Key, (JsonNode?)d.Value))),
            ["metrics"] = metrics,
        };
    }

    private static IResult Envelope(int code, string message, JsonNode? data) => Results.Text(
        new JsonObject { ["code"] = code, ["message"] = message, ["request_id"] = Guid.NewGuid().ToString("N"), ["data"] = data ?? new JsonObject() }.ToJsonString(),
        "application/json");

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>
/// What the live <c>report/integrated/get</c> refuses (code 40002), so the fake cannot agree with a client the real API
/// would turn away. Metric names per report type are v1.3's published lists (TikTok's metrics reference, the official
/// SDK docs, Airbyte's source-tiktok-marketing), kept apart from the client's own table on purpose.
/// </summary>
internal static class ReportRules
{
    private static readonly string[] Counts =
    [
        "spend", "cpc", "cpm", "impressions", "clicks", "ctr", "reach", "cost_per_1000_reached", "conversion", "cost_per_conversion",
        "conversion_rate", "conversion_rate_v2", "real_time_conversion", "real_time_cost_per_conversion", "real_time_conversion_rate",
        "real_time_conversion_rate_v2", "result", "cost_per_result", "result_rate", "real_time_result", "real_time_cost_per_result",
        "real_time_result_rate",
    ];

    private static readonly HashSet<string> Audience = [.. Counts, "campaign_name", "adgroup_name", "ad_name"];

    private static readonly HashSet<string> Basic =
    [
        .. Audience, "frequency", "cash_spend", "voucher_spend", "engagements", "engagement_rate", "video_play_actions", "video_watched_2s",
        "video_watched_6s", "average_video_play", "average_video_play_per_user", "video_views_p25", "video_views_p50", "video_views_p75",
        "video_views_p100", "engaged_view", "profile_visits", "likes", "comments", "shares", "follows", "clicks_on_music_disc",
        "app_install", "real_time_app_install", "real_time_app_install_cost", "cost_per_app_install", "complete_payment",
        "cost_per_complete_payment", "complete_payment_rate", "value_per_complete_payment", "total_complete_payment_rate",
        "complete_payment_roas", "total_purchase_value", "objective_type", "budget", "currency",
    ];

    private static readonly Dictionary<string, string> IdOfLevel = new()
    {
        ["AUCTION_ADVERTISER"] = "advertiser_id",
        ["AUCTION_CAMPAIGN"] = "campaign_id",
        ["AUCTION_ADGROUP"] = "adgroup_id",
        ["AUCTION_AD"] = "ad_id",
    };

    private static readonly HashSet<string> AudienceDimensions = ["age", "gender", "country_code", "platform", "placement", "language", "ac", "interest_category"];

    /// <summary>The message of TikTok's 40002 for a request it would refuse, or null for one it accepts.</summary>
    public static string? Refusal(string path, IReadOnlyDictionary<string, string> query)
    {
        if (query.TryGetValue("page_size", out var size) && (!int.TryParse(size, CultureInfo.InvariantCulture, out var pageSize) || pageSize is < 1 or > 1000))
        {
            return "page_size: Must be greater than or equal to 1 and less than or equal to 1000.";
        }

        return path == "report/integrated/get/" ? ReportRefusal(query) : null;
    }

    private static string? ReportRefusal(IReadOnlyDictionary<string, string> query)
    {
        var type = query.GetValueOrDefault("report_type");
        if (type is not ("BASIC" or "AUDIENCE"))
        {
            return $"report_type: Invalid enum value '{type}'.";
        }

        var level = query.GetValueOrDefault("data_level") ?? "";
        if (!IdOfLevel.TryGetValue(level, out var levelId))
        {
            return $"data_level: Invalid enum value '{level}'.";
        }

        var dimensions = JsonSerializer.Deserialize<string[]>(query.GetValueOrDefault("dimensions") ?? "null") ?? [];
        var metrics = query.TryGetValue("metrics", out var m) ? JsonSerializer.Deserialize<string[]>(m) ?? [] : [];
        var accepted = type == "BASIC" ? Basic : Audience;
        var unknown = metrics.Where(name => !accepted.Contains(name) || !AttributeFitsLevel(name, level)).ToArray();
        if (unknown.Length > 0)
        {
            return $"Invalid metric fields: {JsonSerializer.Serialize(unknown)}.";
        }

        var times = dimensions.Where(d => d is "stat_time_day" or "stat_time_hour").ToArray();
        var ids = dimensions.Where(d => IdOfLevel.ContainsValue(d)).ToArray();
        var audience = dimensions.Where(AudienceDimensions.Contains).ToArray();
        var strays = dimensions.Except(times).Except(ids).Except(audience).ToArray();
        if (dimensions.Length == 0 || strays.Length > 0 || times.Length > 1 || ids.Length > 1 || ids.Any(id => id != levelId) ||
            (type == "BASIC" && audience.Length > 0) || (type == "AUDIENCE" && audience.Length == 0))
        {
            return $"Invalid dimension combination for {type} report at {level}: {JsonSerializer.Serialize(dimensions)}.";
        }

        if (query.GetValueOrDefault("query_lifetime") == "true")
        {
            return type != "BASIC" || times.Length > 0
                ? "query_lifetime is only supported by BASIC reports without a time dimension."
                : null;
        }

        if (!DateOnly.TryParseExact(query.GetValueOrDefault("start_date"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start) ||
            !DateOnly.TryParseExact(query.GetValueOrDefault("end_date"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end) || end < start)
        {
            return "start_date and end_date: required in the format YYYY-MM-DD, with start_date not after end_date.";
        }

        var days = end.DayNumber - start.DayNumber + 1;
        var limit = times.FirstOrDefault() switch { "stat_time_day" => 30, "stat_time_hour" => 1, _ => 365 };
        if (days > limit)
        {
            return times.Length == 0
                ? $"The time range cannot exceed {limit} days without a time dimension; use query_lifetime for the whole life."
                : $"The time range cannot exceed {limit} days when {times[0]} is a dimension.";
        }

        if (query.TryGetValue("filtering", out var filtering))
        {
            foreach (var filter in JsonDocument.Parse(filtering).RootElement.EnumerateArray())
            {
                var values = filter.TryGetProperty("filter_value", out var v) && v.ValueKind == JsonValueKind.String
                    ? JsonSerializer.Deserialize<string[]>(v.GetString()!) ?? []
                    : [];
                if (values.Length > 100)
                {
                    return $"filtering: at most 100 values for {filter.GetProperty("field_name").GetString()}, got {values.Length}.";
                }
            }
        }

        return null;
    }

    // Names are reported only at their own level and below: no ad group name in a campaign report.
    private static bool AttributeFitsLevel(string name, string level) => name switch
    {
        "adgroup_name" => level is "AUCTION_ADGROUP" or "AUCTION_AD",
        "ad_name" => level is "AUCTION_AD",
        "campaign_name" => level is not "AUCTION_ADVERTISER",
        _ => true,
    };
}

public sealed record RecordedRequest(string Path, IReadOnlyDictionary<string, string> Query, string AccessToken);

/// <summary>A clock pinned to noon UTC of a given day.</summary>
public sealed class NoonClock(DateOnly day) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
}
