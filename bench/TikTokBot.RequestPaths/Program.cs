using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TikTokBot.Digests;
using TikTokBot.Requests;
using TikTokBot.Slack.Verification;
using TikTokBot.Storage;
using TikTokBot.TikTok.Calendar;
using static TikTokBot.Requests.ButtonCodec;

// Runs one request path through the real app, warm: the same request once first (JIT, lazy singletons, migrations,
// first-use code), then the coverlet hit counters of the src assemblies are zeroed, the counted request runs to its
// definite end, and the counters are frozen at that moment; coverlet writes them when this process exits.
//   dotnet TikTokBot.RequestPaths.dll summary|fix|digest|idle
//   dotnet TikTokBot.RequestPaths.dll --report <coverlet.json>   (the src files with a line hit, one per line)
internal static class RequestPaths
{
    private const int Repetitions = 3;

    // The digests' subscriptions made so far: unscheduled between repetitions (outside the counted windows), so a
    // subscription's own 09:00 never fires in a later repetition's day.
    private static readonly List<string> Subscriptions = [];

    public static async Task<int> Main(string[] args)
    {
        if (args is ["--report", var report])
        {
            foreach (var (file, lines) in Report.FilesHit(report))
            {
                Console.WriteLine($"{lines}\t{file}");
            }

            return 0;
        }

        var path = args.FirstOrDefault() ?? "";
        if (path is not ("summary" or "fix" or "digest" or "idle"))
        {
            Console.Error.WriteLine("usage: TikTokBot.RequestPaths summary|fix|digest|idle | --report <coverlet.json>");
            return 2;
        }

        var counters = Counters.Find();
        if (counters.Count == 0)
        {
            Console.Error.WriteLine("No coverlet tracker in the src assemblies: run this through bench/paths/run (it instruments them).");
            return 1;
        }

        await using var slack = await FakeSlack.StartAsync();
        var clock = new FixedDateClock(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
        // Disposed by hand below, before the counters are put back: nothing of src may run after that.
        var app = new PathsApp(slack, clock, polling: path == "digest" ? "00:00:00.100" : "01:00:00");
        var client = app.CreateKestrelClient();
        await app.StartAsync();

        // Each path is prepared outside the counted window (the digest's subscription is made there) and then counted.
        Func<Task<Func<Task>>> prepare = path switch
        {
            "summary" => () => Task.FromResult<Func<Task>>(() => Summary(app, client, clock)),
            "fix" => () => Task.FromResult<Func<Task>>(() => Fix(app, client, slack, clock)),
            "digest" => () => PrepareDigest(app, clock, slack),
            _ => () => Task.FromResult<Func<Task>>(() => Task.Delay(TimeSpan.FromSeconds(3))),
        };
        var slackHandlers = path is "summary" or "fix" or "idle";

        // Warm-up: an identical request (the digest: an identical subscription in another channel, since a channel's day is
        // sent once). The idle window is warmed with a summary, so it shows what runs on its own after one.
        await (path == "idle" ? Summary(app, client, clock) : (await prepare())());
        await app.WhenIdleAsync(slackHandlers);
        await UnscheduleDigests(app);

        // The counted request, three times: a line counts when every repetition hit it (PATHS_COMBINE=any: when one
        // did), so work that runs on its own timer now and then (Hangfire's loops, a log flush) does not make a file
        // come and go between runs.
        // The idle control is the other way round: every line any window hit, so it names all that runs on its own.
        var any = path == "idle" || Environment.GetEnvironmentVariable("PATHS_COMBINE") == "any";
        IReadOnlyList<int[]>? frozen = null;
        for (var repetition = 0; repetition < Repetitions; repetition++)
        {
            var counted = await prepare();
            counters.Reset();
            await counted();
            await app.WhenIdleAsync(slackHandlers);
            var hits = counters.Snapshot();
            frozen = frozen is null ? hits : Counters.Combine(frozen, hits, any);
            await UnscheduleDigests(app);
        }

        client.Dispose();
        await app.DisposeAsync();
        counters.Restore(frozen!);
        Console.Error.WriteLine($"{path}: done");
        return 0;
    }

    private static async Task Summary(PathsApp app, HttpClient client, TimeProvider clock)
    {
        var body = "token=t&team_id=T-PATHS&team_domain=paths&channel_id=C-PATHS&user_id=U-PATHS&command=%2Fttmetrics&text=campaign-42" +
                   "&response_url=" + Uri.EscapeDataString(app.HookUrl) + "&trigger_id=1.2.3&api_app_id=A1";
        using var response = await client.SendAsync(Signed("/slack/commands", body, clock));
        var answer = await response.Content.ReadAsStringAsync();
        if (!answer.Contains("Creative fatigue", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The summary did not answer inline with the report: {answer}");
        }
    }

    private static async Task Fix(PathsApp app, HttpClient client, FakeSlack slack, TimeProvider clock)
    {
        var value = ButtonCodec.Encode(new ReportRequest("1800000000000042", Period.Default));
        var payload = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["type"] = "block_actions",
            ["team"] = new { id = "T-PATHS" },
            ["user"] = new { id = "U-PATHS" },
            ["api_app_id"] = "A1",
            ["trigger_id"] = "1.2.3",
            ["response_url"] = app.HookUrl,
            ["container"] = new { type = "message" },
            ["actions"] = new[] { new Dictionary<string, object> { ["action_id"] = ButtonIds.Fix, ["type"] = "button", ["value"] = value } },
        });
        var arrived = slack.NextHook();
        using var response = await client.SendAsync(Signed("/slack/interactions", "payload=" + Uri.EscapeDataString(payload), clock));
        response.EnsureSuccessStatusCode();
        var answer = await arrived.WaitAsync(TimeSpan.FromSeconds(30));
        if (!answer.Contains("Do this first:", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The fix press did not answer with the fixes: {answer}");
        }
    }

    private static async Task UnscheduleDigests(PathsApp app)
    {
        var scheduler = app.Services.GetRequiredService<DigestScheduler>();
        foreach (var id in Subscriptions)
        {
            await scheduler.UnscheduleAsync(PathsApp.Team, id, CancellationToken.None);
        }

        Subscriptions.Clear();
    }

    /// <summary>
    /// Makes a subscription (09:00 UTC, one campaign) the way <c>/ttmetrics subscribe</c> does; the counted part moves
    /// the clock a day on (a subscription's first digest is the first 09:00 after it was made), so Hangfire's recurring
    /// scheduler fires its job as it would in production, and ends when the digest is posted to Slack and no Hangfire
    /// job is waiting or running.
    /// </summary>
    private static async Task<Func<Task>> PrepareDigest(PathsApp app, FixedDateClock clock, FakeSlack slack)
    {
        // Each run its own channel: a channel's digest is sent once a day.
        var channel = "C-DIGEST-" + Interlocked.Increment(ref PathsApp.Digests).ToString(CultureInfo.InvariantCulture);
        var store = app.Services.GetRequiredService<IWorkspaceStorage>().ForTeam(PathsApp.Team);
        var scheduler = app.Services.GetRequiredService<DigestScheduler>();
        var subscription = await store.Subscriptions.SubscribeAsync(
            new SubscriptionDetails(channel, ["1800000000000042"], new TimeOnly(9, 0), "UTC"), "U-PATHS", CancellationToken.None);
        await scheduler.ScheduleAsync(PathsApp.Team, subscription, CancellationToken.None);
        Subscriptions.Add(subscription.Id);
        return async () =>
        {
            var posted = slack.NextPost();
            clock.JumpTo(clock.GetUtcNow().AddDays(1));
            var body = await posted.WaitAsync(TimeSpan.FromSeconds(60));
            if (!body.Contains(channel, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The digest was not posted to {channel}: {body}");
            }
        };
    }

    private static HttpRequestMessage Signed(string path, string body, TimeProvider clock)
    {
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded") };
        request.Headers.Add(SlackSignature.TimestampHeader, timestamp);
        request.Headers.Add(SlackSignature.SignatureHeader, SlackSignature.Sign(PathsApp.SigningSecret, timestamp, Encoding.UTF8.GetBytes(body)));
        return request;
    }
}

/// <summary>The whole app on Kestrel, Slack pointed at <see cref="FakeSlack"/>, the date fixed, the scheduler in memory.</summary>
internal sealed class PathsApp : WebApplicationFactory<Program>
{
    public const string SigningSecret = "paths-signing-secret-0123456789abcdef";
    public const string Team = "T-PATHS";
    public static int Digests;

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("tiktokbot-paths-").FullName;
    private readonly FakeSlack _slack;
    private readonly TimeProvider _clock;
    private readonly string _polling;

    public PathsApp(FakeSlack slack, TimeProvider clock, string polling)
    {
        _polling = polling;
        _slack = slack;
        _clock = clock;
        // Kestrel binds the port the Urls setting names (0: any free one). Not UseKestrel(0): that rewrites the server's
        // addresses after the app has started binding them, a race that sometimes throws (dotnet/aspnetcore#67714).
        UseKestrel();
    }

    public string HookUrl => _slack.HookUrl;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Urls", "http://127.0.0.1:0");
        builder.UseSetting("Slack:SigningSecret", SigningSecret);
        builder.UseSetting("Slack:BotToken", "xoxb-paths");
        builder.UseSetting("Slack:ApiBaseUrl", _slack.ApiBaseUrl);
        builder.UseSetting("Storage:DataDirectory", _dataDirectory);
        builder.UseSetting("Commands:InlineAnswerBudget", "00:00:10");
        builder.UseSetting("Scheduler:Store", "Memory");

        // Outside the digest nothing polls on a timer while a request is counted (the schedulers look once an hour); the
        // digest's job is picked up by Hangfire's polling, as in production, at a tenth of a second.
        builder.UseSetting("Scheduler:PollingInterval", _polling);

        // Caches off: a warm request computes its whole answer, it is not served the warm-up's.
        foreach (var (key, value) in Caches())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.ClearProviders());
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton(_clock)));
    }

    public static IEnumerable<(string Key, string Value)> Caches() => Environment.GetEnvironmentVariable("PATHS_CACHES") == "on"
        ? []
        :
        [
            ("TikTok:Cache:TodayLifetime", "00:00:00"), ("TikTok:Cache:CampaignsLifetime", "00:00:00"),
            ("TikTok:Cache:ClosedDaysLifetime", "00:00:00"), ("Storage:SettingsFreshFor", "00:00:00"),
        ];

    public HttpClient CreateKestrelClient()
    {
        StartServer();
        return CreateClient();
    }

    private IMonitoringApi? _monitoring;

    /// <summary>Waits for the start-up checks of the digest and alert schedules, then clears the recurring jobs they made.</summary>
    public async Task StartAsync()
    {
        await Services.GetServices<IHostedService>().OfType<DigestScheduleSync>().Single().ExecuteTask!;
        await Services.GetServices<IHostedService>().OfType<TikTokBot.Alerts.AlertScheduleSync>().Single().ExecuteTask!;
        var storage = Services.GetRequiredService<JobStorage>();
        _monitoring = storage.GetMonitoringApi();

        // The app's other recurring jobs (the hourly account-history read-ahead, alert scans) go: moving the clock a day
        // for the digest would fire them too, and they are no part of any of the three paths.
        using (var connection = storage.GetConnection())
        {
            var recurring = new RecurringJobManager(storage);
            foreach (var job in connection.GetRecurringJobs())
            {
                recurring.RemoveIfExists(job.Id);
            }
        }
    }

    /// <summary>
    /// The definite end of a request's work: Slack handlers' work after the ack is done (the library's background work
    /// tracker) and no Hangfire job is waiting or running.
    /// </summary>
    public async Task WhenIdleAsync(bool slackHandlers)
    {
        // Waiting on the tracker runs a little of SlackBackgroundWork.cs: only where a Slack handler ran, which tracks itself there anyway.
        if (slackHandlers)
        {
            var tracker = Services.GetServices<IHostedService>().Single(s => s.GetType().Name == "SlackBackgroundWork");
            var whenIdle = tracker.GetType().GetMethod("WhenIdleAsync")!;
            await (Task)whenIdle.Invoke(tracker, [CancellationToken.None])!;
        }

        // Taken once, at start: asking the app's JobStorage (Jobs/AppClockJobStorage.cs) would count in every path.
        var monitoring = _monitoring!;
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (monitoring.EnqueuedCount("default") + monitoring.ProcessingCount() > 0)
        {
            await Task.Delay(20, cts.Token);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        try
        {
            await base.DisposeAsync();
        }
        catch (ArgumentNullException e) when (e.ParamName == "waitHandle")
        {
            // A test host may stop the app twice (dotnet/aspnetcore#40271); Hangfire answers the second stop with this.
        }

        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}

/// <summary>A local Slack on a real socket: the Web API answers ok, and a response_url that hands over what it got.</summary>
internal sealed class FakeSlack : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<TaskCompletionSource<string>> _waiting = new();

    private FakeSlack(WebApplication app) => _app = app;

    public string ApiBaseUrl { get; private set; } = "";

    public string HookUrl { get; private set; } = "";

    private readonly ConcurrentQueue<TaskCompletionSource<string>> _posts = new();

    /// <summary>The next chat.postMessage (its form body).</summary>
    public Task<string> NextPost()
    {
        var next = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        _posts.Enqueue(next);
        return next.Task;
    }

    /// <summary>The next post to the response_url.</summary>
    public Task<string> NextHook()
    {
        var next = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting.Enqueue(next);
        return next.Task;
    }

    public static async Task<FakeSlack> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var slack = new FakeSlack(builder.Build());
        slack._app.MapPost("/api/{method}", async (string method, HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            if (method == "chat.postMessage" && slack._posts.TryDequeue(out var waiting))
            {
                waiting.TrySetResult(body);
            }

            return Results.Text(Answer(method), "application/json");
        });
        slack._app.MapPost("/hook", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            if (slack._waiting.TryDequeue(out var waiting))
            {
                waiting.TrySetResult(body);
            }
        });
        await slack._app.StartAsync();
        var address = slack._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        slack.ApiBaseUrl = address + "/api/";
        slack.HookUrl = address + "/hook";
        return slack;
    }

    private static string Answer(string method) => method switch
    {
        "users.info" => """{"ok":true,"user":{"id":"U-PATHS","team_id":"T-PATHS","is_admin":true,"is_owner":false,"is_primary_owner":false,"is_restricted":false,"is_bot":false,"deleted":false}}""",
        _ => """{"ok":true,"channel":"C1","ts":"1700000000.000200"}""",
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>A fixed date whose time runs on in real time (timers wait for real; nothing depends on today's date).</summary>
internal sealed class FixedDateClock(DateTimeOffset start) : TimeProvider
{
    private (DateTimeOffset At, long Timestamp) _origin = (start, System.GetTimestamp());

    public override DateTimeOffset GetUtcNow()
    {
        var origin = _origin;
        return origin.At + System.GetElapsedTime(origin.Timestamp);
    }

    public void JumpTo(DateTimeOffset at) => _origin = (at, System.GetTimestamp());
}

/// <summary>
/// Coverlet's hit counters, one array per instrumented assembly (the static HitsArray of the tracker type coverlet adds,
/// incremented with Interlocked; written to coverlet's hits file when the process exits).
/// </summary>
internal sealed class Counters(IReadOnlyList<FieldInfo> arrays)
{
    public int Count => arrays.Count;

    public static Counters Find() => new(
        AppDomain.CurrentDomain.GetAssemblies()
            .Concat(new[] { "TikTokBot", "TikTokBot.Domain", "TikTokBot.Slack", "TikTokBot.TikTok" }.Select(name => Assembly.Load(name)))
            .Distinct()
            .Where(a => a.GetName().Name?.StartsWith("TikTokBot", StringComparison.Ordinal) == true && a.GetName().Name != "TikTokBot.RequestPaths")
            .SelectMany(a => a.GetTypes())
            .Where(t => t.Namespace?.StartsWith("Coverlet.Core.Instrumentation.Tracker", StringComparison.Ordinal) == true)
            .Select(t => t.GetField("HitsArray", BindingFlags.Public | BindingFlags.Static))
            .OfType<FieldInfo>()
            .ToList());

    public void Reset()
    {
        foreach (var field in arrays)
        {
            Array.Clear((int[])field.GetValue(null)!);
        }
    }

    /// <summary>Per line: the fewest hits of the two (a line every window hit), or with <paramref name="any"/> the most.</summary>
    public static IReadOnlyList<int[]> Combine(IReadOnlyList<int[]> kept, IReadOnlyList<int[]> next, bool any) =>
        kept.Zip(next, (a, b) => a.Zip(b, (x, y) => any ? Math.Max(x, y) : Math.Min(x, y)).ToArray()).ToList();

    public IReadOnlyList<int[]> Snapshot() => arrays.Select(field => ((int[])field.GetValue(null)!).ToArray()).ToList();

    public void Restore(IReadOnlyList<int[]> snapshot)
    {
        for (var i = 0; i < arrays.Count; i++)
        {
            var live = (int[])arrays[i].GetValue(null)!;
            snapshot[i].CopyTo(live, 0);
        }
    }
}

/// <summary>Reads coverlet's JSON report: module, then source file, then class, then method, then Lines (line: hits).</summary>
internal static class Report
{
    public static IReadOnlyList<(string File, int Lines)> FilesHit(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var files = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var module in json.RootElement.EnumerateObject())
        {
            foreach (var file in module.Value.EnumerateObject())
            {
                var lines = file.Value.EnumerateObject()
                    .SelectMany(type => type.Value.EnumerateObject())
                    .SelectMany(method => method.Value.GetProperty("Lines").EnumerateObject())
                    .Where(line => line.Value.GetInt32() > 0)
                    .Select(line => line.Name)
                    .Distinct()
                    .Count();
                // Source generators' output (obj/) is not a file anyone wrote or can move.
                if (lines > 0 && !file.Name.Replace('\\', '/').Contains("/obj/", StringComparison.Ordinal))
                {
                    var relative = Relative(file.Name);
                    files[relative] = files.GetValueOrDefault(relative) + lines;
                }
            }
        }

        return files.Select(f => (f.Key, f.Value)).ToList();
    }

    // The path from src/ on, the way the README names files.
    private static string Relative(string file)
    {
        var normalised = file.Replace('\\', '/');
        var at = normalised.LastIndexOf("/src/", StringComparison.Ordinal);
        return at >= 0 ? normalised[(at + 1)..] : normalised;
    }
}
