using TikTokBot.Accounts;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using TikTokBot.Configuration;
using TikTokBot.Digests;
using TikTokBot.Slack;
using TikTokBot.Storage;
using TikTokBot.Storage.Migrations;
using TikTokBot.TikTok.Calendar;
using TikTokBot.TikTok.Sources;
using TikTokBot.Jobs;
using static TikTokBot.Digests.DigestSender;

// Digest delivery at scale: subscriptions spread over workspaces that share channel ids (as Slack Connect channels
// are shared), so each channel receives several digests and Slack's per-channel pace sets a floor on the total time.
// Usage: dotnet run -c Release --project bench/TikTokBot.DigestLoad -- [subscriptions] [channels] [concurrency]
// Sends every digest twice (see step 2); DIGESTLOAD_PAUSE_BEFORE_SEND=1 waits for a line on stdin before sending.
var subscriptionCount = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var channelCount = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000;
var concurrency = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : new SchedulerOptions().WorkerCount;
var teams = (subscriptionCount + channelCount - 1) / channelCount;

await using var slack = await FakeSlack.StartAsync();
var dataDirectory = Directory.CreateTempSubdirectory("tiktokbot-digestload-").FullName;
var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Slack:BotToken"] = "xoxb-digest-load",
    ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl,
    ["Storage:DataDirectory"] = dataDirectory,
    ["Scheduler:Store"] = "Memory",
    ["Logging:LogLevel:Default"] = "Warning",
}).Build();
var services = new ServiceCollection()
    .AddSingleton<IConfiguration>(configuration)
    .AddLogging(logging => logging.AddConfiguration(configuration.GetSection("Logging")).AddSimpleConsole());
services.AddDiagnosisOptions(configuration).AddMetricSource(configuration).AddSlackApp(configuration).AddStorage(configuration).AddJobs(configuration).AddDigests(configuration).AddAccounts(configuration);
await using var provider = (ServiceProvider)new DefaultServiceProviderFactory().CreateServiceProvider(services);
await provider.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None);

var storage = provider.GetRequiredService<IWorkspaceStorage>();
var setup = Stopwatch.StartNew();
var due = new List<DigestDue>(subscriptionCount);
var now = DateTimeOffset.UtcNow;
for (var i = 0; i < subscriptionCount; i++)
{
    // Round-robin over channels, as digests due at one minute arrive in no particular channel order.
    var team = $"T{i / channelCount:D3}";
    var subscription = await storage.ForTeam(team).Subscriptions.SubscribeAsync(
        new SubscriptionDetails($"C{i % channelCount:D4}", [], new TimeOnly(9, 0), "UTC"), "U0BENCH", CancellationToken.None);
    due.Add(new DigestDue(team, subscription.Id, DateOnly.FromDateTime(now.UtcDateTime), now));
}

Console.WriteLine($"setup: {subscriptionCount:N0} subscriptions in {teams} workspaces over {channelCount:N0} channels, {setup.Elapsed.TotalSeconds:F1} s");
var days = BusinessCalendar.At(now, TimeZoneInfo.Utc);

// 1. Building every digest (figures, judgements, Block Kit), without posting: the shared cache means one read per campaign and range.
GC.Collect();
// The machine is shared: CPU seconds of this process and bytes allocated compare runs better than wall time alone.
using var process = Process.GetCurrentProcess();
var cpuBefore = process.TotalProcessorTime;
var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
var build = Stopwatch.StartNew();
var parts = 0L;
await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (d, ct) =>
{
    await using var scope = provider.CreateAsyncScope();
    var builder = scope.ServiceProvider.GetRequiredService<DigestBuilder>();
    var digests = await builder.BuildAsync(d.TeamId, null, days, ct);
    Interlocked.Add(ref parts, DigestView.Messages(digests, days.Yesterday).Count);
});
build.Stop();
var buildAllocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
process.Refresh();
var buildCpu = process.TotalProcessorTime - cpuBefore;

// 2. Sending every digest through the real sender: claim, build, post (paced per channel), record. The first send runs
// in a process that has not run the sender yet (the figure reported since issue 7: the runtime compiles the claim, the
// post and the record while it sends); the second sends the same subscriptions again, for the day before, once Slack's
// pace has let every channel post again: what an instance that has been running does every morning.
if (Environment.GetEnvironmentVariable("DIGESTLOAD_PAUSE_BEFORE_SEND") is "1")
{
    // For a profiler to attach to the send step alone (bench/profile-digests): go on at the next line on stdin.
    Console.WriteLine($"ready to send: pid {Environment.ProcessId}");
    Console.ReadLine();
}

var slackOptions = new SlackOptions();
var first = await SendAllAsync(due);
await Task.Delay(slackOptions.PostMessageInterval * slackOptions.PostMessageBurst + TimeSpan.FromSeconds(1));
var second = await SendAllAsync(due.Select(d => d with { LocalDate = d.LocalDate!.Value.AddDays(-1), Now = d.Now.AddDays(-1) }).ToList());

var perChannel = (double)subscriptionCount / channelCount;
var floor = TimeSpan.FromTicks((long)(Math.Max(0, Math.Ceiling(perChannel * parts / subscriptionCount) - slackOptions.PostMessageBurst) * slackOptions.PostMessageInterval.Ticks));
var peak = process.PeakWorkingSet64;
Console.WriteLine(JsonSerializer.Serialize(new
{
    subscriptions = subscriptionCount,
    channels = channelCount,
    workspaces = teams,
    concurrency,
    messages = parts,
    buildSeconds = Math.Round(build.Elapsed.TotalSeconds, 2),
    buildMillisecondsPerDigest = Math.Round(build.Elapsed.TotalMilliseconds / subscriptionCount, 3),
    buildAllocatedMegabytes = Math.Round(buildAllocated / 1048576.0, 1),
    buildCpuSeconds = Math.Round(buildCpu.TotalSeconds, 2),
    sendSeconds = Math.Round(first.Elapsed.TotalSeconds, 2),
    sendCpuSeconds = Math.Round(first.Cpu.TotalSeconds, 2),
    sendCpuMillisecondsPerDigest = Math.Round(first.Cpu.TotalMilliseconds / subscriptionCount, 3),
    sendAllocatedMegabytes = Math.Round(first.Allocated / 1048576.0, 1),
    paceFloorSeconds = floor.TotalSeconds,
    sendOverFloor = floor > TimeSpan.Zero ? Math.Round(first.Elapsed / floor, 2) : (double?)null,
    warmSendSeconds = Math.Round(second.Elapsed.TotalSeconds, 2),
    warmSendCpuSeconds = Math.Round(second.Cpu.TotalSeconds, 2),
    warmSendCpuMillisecondsPerDigest = Math.Round(second.Cpu.TotalMilliseconds / subscriptionCount, 3),
    warmSendAllocatedMegabytes = Math.Round(second.Allocated / 1048576.0, 1),
    warmSendOverFloor = floor > TimeSpan.Zero ? Math.Round(second.Elapsed / floor, 2) : (double?)null,
    posted = first.Posted,
    delivered = first.Delivered,
    failed = first.Failed,
    warmPosted = second.Posted,
    warmDelivered = second.Delivered,
    warmFailed = second.Failed,
    peakWorkingSetMegabytes = Math.Round(peak / 1048576.0, 1),
}, new JsonSerializerOptions { WriteIndented = true }));
Directory.Delete(dataDirectory, recursive: true);
return first.Posted == parts && first.Delivered == subscriptionCount && second.Delivered == subscriptionCount ? 0 : 1;

// One send of every digest: wall time, CPU seconds of the process, bytes allocated, and what came of each.
async Task<SendRun> SendAllAsync(IReadOnlyList<DigestDue> digests)
{
    process.Refresh();
    var cpuAtStart = process.TotalProcessorTime;
    var allocatedAtStart = GC.GetTotalAllocatedBytes(precise: true);
    var postedAtStart = slack.Posted;
    var clock = Stopwatch.StartNew();
    var outcomes = new ConcurrentDictionary<DigestOutcome, int>();
    await Parallel.ForEachAsync(digests, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (d, ct) =>
    {
        await using var scope = provider.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<DigestSender>().SendAsync(d, ct);
        outcomes.AddOrUpdate(result.Outcome, 1, (_, n) => n + 1);
    });
    clock.Stop();
    process.Refresh();
    return new SendRun(clock.Elapsed, process.TotalProcessorTime - cpuAtStart, GC.GetTotalAllocatedBytes(precise: true) - allocatedAtStart,
        slack.Posted - postedAtStart, outcomes.GetValueOrDefault(DigestOutcome.Delivered), outcomes.GetValueOrDefault(DigestOutcome.Failed));
}

internal sealed record SendRun(TimeSpan Elapsed, TimeSpan Cpu, long Allocated, long Posted, int Delivered, int Failed);

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
        await app.StartAsync();
        slack.ApiBaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/api/";
        return slack;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
