using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using TikTokBot.Accounts;
using TikTokBot.Alerts;
using TikTokBot.Configuration;
using TikTokBot.Digests;
using TikTokBot.Storage;
using TikTokBot.Storage.Migrations;
using TikTokBot.TikTok.Sources;
using TikTokBot.Jobs;

// One workspace's alert scan over many campaigns and advertisers, against a synthetic TikTok API on loopback that speaks
// the wire format (paged campaign/get and report/integrated/get). Counts TikTok requests per scan, time and memory.
// Usage: dotnet run -c Release --project bench/TikTokBot.AlertScan -- [campaigns] [advertisers] [maxRequestsPerSecond]
var campaignCount = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000;
var advertiserCount = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50;
var requestsPerSecond = args.Length > 2 ? args[2] : "10";
const string Team = "T0ALERTBENCH";

await using var tiktok = await SyntheticTikTok.StartAsync(campaignCount, advertiserCount);
await using var slack = await FakeSlack.StartAsync();
var dataDirectory = Directory.CreateTempSubdirectory("tiktokbot-alertscan-").FullName;
var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Slack:BotToken"] = "xoxb-alert-bench",
    ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl,
    ["Storage:DataDirectory"] = dataDirectory,
    ["Scheduler:Store"] = "Memory",
    ["TikTok:Source"] = "Api",
    ["TikTok:AccessToken"] = SyntheticTikTok.Token,
    ["TikTok:AdvertiserIds"] = string.Join(',', tiktok.Advertisers),
    ["TikTok:ApiBaseUrl"] = tiktok.BaseUrl,
    ["TikTok:MaxRequestsPerSecond"] = requestsPerSecond,
    ["Logging:LogLevel:Default"] = "Warning",
}).Build();
var services = new ServiceCollection()
    .AddSingleton<IConfiguration>(configuration)
    .AddLogging(logging => logging.AddConfiguration(configuration.GetSection("Logging")).AddSimpleConsole());
services.AddDiagnosisOptions(configuration).AddMetricSource(configuration).AddSlackApp(configuration).AddStorage(configuration).AddJobs(configuration).AddDigests(configuration)
    .AddAccounts(configuration).AddAlerts(configuration);
await using var provider = (ServiceProvider)new DefaultServiceProviderFactory().CreateServiceProvider(services);
await provider.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None);
await provider.GetRequiredService<IWorkspaceStorage>().ForTeam(Team).AlertSubscriptions.SubscribeAsync(
    new AlertSubscriptionDetails("C0BENCH", [], null, null, "UTC"), "U0BENCH", CancellationToken.None);

var runs = new List<object>();
foreach (var name in new[] { "first scan (cold: campaign lists and reports read)", "second scan (reports kept for TikTok:Cache:TodayLifetime; nothing new to tell)" })
{
    tiktok.Requests.Clear();
    GC.Collect();
    var allocated = GC.GetTotalAllocatedBytes(precise: true);
    var clock = Stopwatch.StartNew();
    using var scope = provider.CreateScope();
    var result = await scope.ServiceProvider.GetRequiredService<AlertScanner>().ScanAsync(Team, evenUnsubscribed: false, CancellationToken.None);
    clock.Stop();
    var reports = tiktok.Requests.Where(r => r.Path == "report").ToArray();
    runs.Add(new
    {
        name,
        complete = result.Complete,
        campaignsRead = result.CampaignsRead,
        alertsFound = result.Found.Count,
        posted = result.Posted,
        capped = result.Capped,
        seconds = Math.Round(clock.Elapsed.TotalSeconds, 2),
        tiktokRequests = tiktok.Requests.Count,
        campaignListRequests = tiktok.Requests.Count(r => r.Path == "campaign"),
        reportRequests = reports.Length,
        reportSeries = reports.Select(r => r.Series).Distinct().Count(),
        allocatedMegabytes = Math.Round((GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576.0, 1),
    });
}

Console.WriteLine(JsonSerializer.Serialize(new
{
    campaigns = campaignCount,
    advertisers = advertiserCount,
    floorSeriesPerScan = advertiserCount,
    maxRequestsPerSecond = requestsPerSecond,
    processorCount = Environment.ProcessorCount,
    runs,
    slackMessages = slack.Posted,
    peakWorkingSetMegabytes = Math.Round(Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0, 1),
}, new JsonSerializerOptions { WriteIndented = true }));
Directory.Delete(dataDirectory, recursive: true);
return 0;

/// <param name="Series">The report asked, page left out: one series is every page of one query.</param>
internal sealed record SyntheticRequest(string Path, string Series);

/// <summary>
/// A TikTok API for Business on loopback with <c>campaigns</c> campaigns spread over <c>advertisers</c> advertisers: paged
/// campaign lists and BASIC reports at campaign level, daily, hourly or over the range. One campaign in ten is over-exposed
/// (frequency about 5), so the scan has alerts to tell.
/// </summary>
internal sealed class SyntheticTikTok : IAsyncDisposable
{
    public const string Token = "bench-token";
    private const int PageLimit = 1000;
    private readonly WebApplication _app;
    private readonly Dictionary<string, string[]> _campaigns;

    private SyntheticTikTok(WebApplication app, Dictionary<string, string[]> campaigns)
    {
        _app = app;
        _campaigns = campaigns;
    }

    public string BaseUrl { get; private set; } = "";

    public IReadOnlyList<string> Advertisers => _campaigns.Keys.ToArray();

    public ConcurrentQueue<SyntheticRequest> Requests { get; } = new();

    public static async Task<SyntheticTikTok> StartAsync(int campaigns, int advertisers)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var ids = Enumerable.Range(0, advertisers).ToDictionary(
            a => $"71000000000{a:D5}",
            a => Enumerable.Range(0, campaigns).Where(c => c % advertisers == a).Select(c => $"19000000{c:D8}").ToArray());
        var fake = new SyntheticTikTok(app, ids);
        app.MapGet("/open_api/v1.3/campaign/get/", (HttpRequest request) => fake.Campaigns(request));
        app.MapGet("/open_api/v1.3/report/integrated/get/", (HttpRequest request) => fake.Report(request));
        await app.StartAsync();
        fake.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/open_api/v1.3/";
        return fake;
    }

    private IResult Campaigns(HttpRequest request)
    {
        var advertiser = request.Query["advertiser_id"].ToString();
        Requests.Enqueue(new SyntheticRequest("campaign", advertiser));
        var created = DateTime.UtcNow.Date.AddDays(-60).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var rows = _campaigns.GetValueOrDefault(advertiser, []).Select(id => (JsonNode)new JsonObject
        {
            ["campaign_id"] = id,
            ["campaign_name"] = $"campaign {id}",
            ["objective_type"] = "WEB_CONVERSIONS",
            ["budget"] = 1000,
            ["operation_status"] = "ENABLE",
            ["secondary_status"] = "CAMPAIGN_STATUS_ENABLE",
            ["create_time"] = created,
            ["modify_time"] = created,
        }).ToList();
        return Page(request, rows);
    }

    private IResult Report(HttpRequest request)
    {
        var query = request.Query;
        var advertiser = query["advertiser_id"].ToString();
        Requests.Enqueue(new SyntheticRequest("report", string.Join('&', query.Where(q => q.Key != "page").OrderBy(q => q.Key).Select(q => $"{q.Key}={q.Value}"))));
        var daily = query["dimensions"].ToString().Contains("stat_time_day", StringComparison.Ordinal);
        var hourly = query["dimensions"].ToString().Contains("stat_time_hour", StringComparison.Ordinal);
        var metrics = JsonSerializer.Deserialize<string[]>(query["metrics"].ToString())!;
        var start = DateOnly.Parse(query["start_date"].ToString(), CultureInfo.InvariantCulture);
        var end = DateOnly.Parse(query["end_date"].ToString(), CultureInfo.InvariantCulture);
        var rows = new List<JsonNode>();
        foreach (var (id, index) in _campaigns.GetValueOrDefault(advertiser, []).Select((id, i) => (id, i)))
        {
            var days = end.DayNumber - start.DayNumber + 1;
            if (daily)
            {
                for (var day = start; day <= end; day = day.AddDays(1))
                {
                    rows.Add(Row(id, "stat_time_day", day.ToString("yyyy-MM-dd' 00:00:00'", CultureInfo.InvariantCulture), metrics, 1));
                }
            }
            else if (hourly)
            {
                // Every campaign delivers in every hour reported so far, the one running included.
                for (var hour = 0; hour <= DateTime.UtcNow.Hour; hour++)
                {
                    rows.Add(Row(id, "stat_time_hour", start.ToString($"yyyy-MM-dd' {hour:D2}:00:00'", CultureInfo.InvariantCulture), metrics, 1));
                }
            }
            else
            {
                // Unique people over the range: a tenth of the campaigns reach few people again and again.
                var reach = 10_000L * days / (index % 10 == 0 ? 5 : 2);
                rows.Add(new JsonObject { ["dimensions"] = new JsonObject { ["campaign_id"] = id }, ["metrics"] = new JsonObject { ["reach"] = reach.ToString(CultureInfo.InvariantCulture) } });
            }
        }

        return Page(request, rows);
    }

    private static JsonNode Row(string id, string timeDimension, string time, string[] asked, int scale)
    {
        var all = new Dictionary<string, string>
        {
            ["spend"] = (50m * scale).ToString("0.00", CultureInfo.InvariantCulture),
            ["impressions"] = (10_000 * scale).ToString(CultureInfo.InvariantCulture),
            ["clicks"] = (100 * scale).ToString(CultureInfo.InvariantCulture),
            ["engagements"] = (250 * scale).ToString(CultureInfo.InvariantCulture),
            ["conversion"] = (2 * scale).ToString(CultureInfo.InvariantCulture),
            ["real_time_conversion"] = (2 * scale).ToString(CultureInfo.InvariantCulture),
        };
        var metrics = new JsonObject();
        foreach (var name in asked)
        {
            metrics[name] = all.GetValueOrDefault(name, "0");
        }

        return new JsonObject
        {
            ["dimensions"] = new JsonObject { ["campaign_id"] = id, [timeDimension] = time },
            ["metrics"] = metrics,
        };
    }

    private static IResult Page(HttpRequest request, List<JsonNode> rows)
    {
        var page = int.TryParse(request.Query["page"], CultureInfo.InvariantCulture, out var p) ? p : 1;
        var size = Math.Min(PageLimit, int.TryParse(request.Query["page_size"], CultureInfo.InvariantCulture, out var s) ? s : 10);
        var data = new JsonObject
        {
            ["list"] = new JsonArray(rows.Skip((page - 1) * size).Take(size).ToArray()),
            ["page_info"] = new JsonObject { ["page"] = page, ["page_size"] = size, ["total_page"] = Math.Max(1, (rows.Count + size - 1) / size), ["total_number"] = rows.Count },
        };
        return Results.Text(new JsonObject { ["code"] = 0, ["message"] = "OK", ["request_id"] = "bench", ["data"] = data }.ToJsonString(), "application/json");
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}

/// <summary>A Slack Web API on loopback that accepts every chat.postMessage and counts them.</summary>
internal sealed class FakeSlack : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _posted;

    private FakeSlack(WebApplication app) => _app = app;

    public string ApiBaseUrl { get; private set; } = "";

    public long Posted => Interlocked.Read(ref _posted);

    public static async Task<FakeSlack> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var slack = new FakeSlack(app);
        app.MapPost("/api/chat.postMessage", () =>
        {
            var ts = Interlocked.Increment(ref slack._posted);
            return Results.Text($"{{\"ok\":true,\"ts\":\"1700000000.{ts:D6}\"}}", "application/json");
        });
        app.MapPost("/api/{method}", () => Results.Text("{\"ok\":true}", "application/json"));
        await app.StartAsync();
        slack.ApiBaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/api/";
        return slack;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
