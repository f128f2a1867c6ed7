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
public sealed class FakeTikTokApi : IAsyncDisposable
{
    public const string Token = "test-access-token";

    private readonly WebApplication _app;
    private readonly DemoMetricSource _demo;
    private int _rateLimitedLeft;

    private FakeTikTokApi(WebApplication app, DemoMetricSource demo)
    {
        _app = app;
        _demo = demo;
    }

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The write endpoints, every write recorded (<see cref="FakeTikTokWrites"/>).</summary>
    public FakeTikTokWrites Writes { get; private set; } = null!;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>The fake's own page size cap, so a few campaigns already span several pages.</summary>
    public int MaxRowsPerPage { get; set; } = 20;

    public TimeSpan Delay { get; set; }

    /// <summary>When set, every request is refused with this code and message.</summary>
    public (int Code, string Message)? Refuse { get; set; }

    /// <summary>When it returns text for a request (its path and page), that text is the whole answer: broken JSON, a missing page.</summary>
    public Func<string, int, string?>? RawAnswer { get; set; }

    public void RateLimitNext(int requests) => Interlocked.Exchange(ref _rateLimitedLeft, requests);

    public static async Task<FakeTikTokApi> StartAsync(DateOnly today)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeTikTokApi(app, new DemoMetricSource(new NoonClock(today)));
        app.MapGet("/open_api/v1.3/{**path}", fake.Handle);
        (fake.Writes = new FakeTikTokWrites(fake._demo, token => token == Token)).Map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUrl = new Uri(address.TrimEnd('/') + "/open_api/v1.3/");
        return fake;
    }

    public IEnumerable<RecordedRequest> Reports => Requests.Where(r => r.Path.StartsWith("report/", StringComparison.Ordinal));

    private async Task<IResult> Handle(string path, HttpRequest request)
    {
        var query = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
        Requests.Enqueue(new RecordedRequest(path, query, request.Headers["Access-Token"].ToString()));
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay);
        }

        if (request.Headers["Access-Token"] != Token)
        {
            return Envelope(40105, "Access token is invalid or has expired.", null);
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
            rows = path switch
            {
                "campaign/get/" => await Campaigns(),
                "report/integrated/get/" => await Report(query),
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

    private async Task<List<JsonNode>> Campaigns() =>
        (await _demo.ListCampaignsAsync(CancellationToken.None)).Select(c => (JsonNode)new JsonObject
        {
            ["campaign_id"] = c.Id,
            ["campaign_name"] = c.Name,
            ["advertiser_id"] = c.AdvertiserId,
            ["objective_type"] = c.ObjectiveType,
            ["budget"] = c.Budget,
            ["budget_mode"] = "BUDGET_MODE_DAY",
            ["operation_status"] = c.Status,
            ["create_time"] = c.CreatedOn.ToString("yyyy-MM-dd' 00:00:00'", CultureInfo.InvariantCulture),
            ["campaign_automation_type"] = c.Automated ? "SMART_PLUS" : "MANUAL",
        }).ToList();

    private async Task<List<JsonNode>> Report(Dictionary<string, string> query)
    {
        var dimensions = JsonSerializer.Deserialize<string[]>(query["dimensions"])!;
        var range = new DateRange(DateOnly.Parse(query["start_date"], CultureInfo.InvariantCulture), DateOnly.Parse(query["end_date"], CultureInfo.InvariantCulture));
        var only = query.TryGetValue("filtering", out var filtering)
            ? JsonSerializer.Deserialize<string[]>(JsonDocument.Parse(filtering).RootElement.EnumerateArray()
                .Single(f => f.GetProperty("field_name").GetString() == "campaign_ids").GetProperty("filter_value").GetString()!)
            : null;
        var rows = new List<JsonNode>();
        foreach (var campaign in await _demo.ListCampaignsAsync(CancellationToken.None))
        {
            if (only is not null && !only.Contains(campaign.Id))
            {
                continue;
            }

            if (query.GetValueOrDefault("report_type") == "AUDIENCE")
            {
                var by = dimensions[1] switch { "age" => BreakdownDimension.Age, "gender" => BreakdownDimension.Gender, "placement" => BreakdownDimension.Placement, _ => BreakdownDimension.Device };
                foreach (var row in await _demo.GetBreakdownAsync(campaign.Id, by, range, CancellationToken.None))
                {
                    rows.Add(Row(new() { ["campaign_id"] = campaign.Id, [dimensions[1]] = row.Key }, row.Totals.Counts, null));
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
                if (dimensions.Contains("stat_time_day"))
                {
                    foreach (var day in await _demo.GetDailyAsync(scope, range, CancellationToken.None))
                    {
                        rows.Add(Row(new() { [idField] = scope.Id, ["stat_time_day"] = day.Date.ToString("yyyy-MM-dd' 00:00:00'", CultureInfo.InvariantCulture) }, day.Counts, null));
                    }
                }
                else
                {
                    var reach = await _demo.GetReachAsync(scope, range, CancellationToken.None);
                    var daily = await _demo.GetDailyAsync(scope, range, CancellationToken.None);
                    var row = Row(new() { [idField] = scope.Id }, RawTotals.Sum(daily.Select(d => d.Counts)), reach);
                    if (name is not null)
                    {
                        row["metrics"]![idField == "adgroup_id" ? "adgroup_name" : "ad_name"] = name;
                    }

                    rows.Add(row);
                }
            }
        }

        return rows;
    }

    // Real TikTok mixes strings, numbers and nulls; so does the fake, on purpose.
    private static JsonNode Row(Dictionary<string, string> dimensions, RawTotals c, long? reach)
    {
        var average = c.VideoViews == 0 ? 0m : c.VideoPlaySeconds / c.VideoViews;
        var metrics = new JsonObject
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
            ["total_complete_payment_value"] = c.PurchaseValue == 0 ? "-" : c.PurchaseValue.ToString(CultureInfo.InvariantCulture),
            ["secondary_goal_result"] = null,
        };
        if (reach is { } r)
        {
            metrics["reach"] = r.ToString(CultureInfo.InvariantCulture);
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

public sealed record RecordedRequest(string Path, IReadOnlyDictionary<string, string> Query, string AccessToken);

/// <summary>A clock pinned to noon UTC of a given day.</summary>
public sealed class NoonClock(DateOnly day) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
}
