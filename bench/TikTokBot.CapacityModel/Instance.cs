using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using TikTokBot.Domain.Metrics;
using TikTokBot.Storage;
using TikTokBot.Testing;
using TikTokBot.TikTok.Api;
using TikTokBot.TikTok.Caching;
using TikTokBot.TikTok.Demo;
using TikTokBot.TikTok.Quota;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.CapacityModel;

/// <summary>
/// One instance of a run, in a process of its own: the app's TikTok read stack as the host registers it
/// (<c>AddMetricSource</c>, <c>AddStorage</c> on PostgreSQL: the shared quota ledgers, the report cache, the client), reading
/// for each advertiser through a source of its own as a workspace's connection does. Its share of the slice: the
/// workspaces whose index falls to it (as Hangfire gives each job to one server). Prints "ready", waits for a line on
/// stdin, runs, and prints its figures as one JSON line.
/// </summary>
internal static class Instance
{
    private const int DigestWorkers = 20;

    public static async Task<int> RunAsync(Arguments a)
    {
        var w = Workload.From(a);
        var (index, of, seconds) = (a.Whole("index", 0), a.Whole("of", 1), a.Number("seconds", 120));
        var summariesPerSecond = w.Workspaces * w.SummariesPerWorkspacePerDay / 86_400 / of;
        var data = Directory.CreateTempSubdirectory("tiktokbot-capacity-").FullName;
        var configuration = Coordinator.Configuration(a.Text("tiktok", ""), a.Text("postgres", ""), data, a);
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddMetrics()
            .AddLogging(logging => logging.AddConfiguration(configuration.GetSection("Logging")).AddSimpleConsole());
        services.AddMetricSource(configuration).AddStorage(configuration);
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<TikTokApiClient>();
        var cache = provider.GetRequiredService<ReportCache>();
        var baseOptions = new TikTokApiOptions { ApiBaseUrl = new Uri(a.Text("tiktok", "")), AccessToken = FakeTikTokApi.Token };
        var sources = new ConcurrentDictionary<int, ApiMetricSource>();
        ApiMetricSource Source(int advertiser) => sources.GetOrAdd(advertiser, id =>
        {
            var options = baseOptions.For(FakeTikTokApi.Token, [(AdvertiserId(id), AdvertiserAccountDetails.Unknown)]);
            return new ApiMetricSource(client.WithToken(FakeTikTokApi.Token), options, TimeProvider.System, cache, new MetricCacheOptions());
        });

        var campaigns = (await new DemoMetricSource(TimeProvider.System).ListCampaignsAsync(default)).Select(c => c.Id).ToArray();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var week = DateRange.Ending(today.AddDays(-1), 7);
        var threeDays = DateRange.Ending(today, 3);
        var history = DateRange.Ending(today.AddDays(-1), 90);

        // Turns that expired before their call reached the socket (TikTok:Quota:SendWithin) and were taken again.
        var renewed = 0L;
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == TikTokQuota.MeterName && instrument.Name == "tiktokbot.tiktok.quota.renewed")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref renewed, value));
        listener.Start();

        Console.WriteLine("ready");
        await Console.In.ReadLineAsync();
        var start = Stopwatch.StartNew();
        var work = new List<Task>();
        var failures = new ConcurrentQueue<string>();
        var digestsDone = new ConcurrentBag<double>();
        var summaries = new ConcurrentBag<double>();
        var (scansDone, readAheadDone) = (0, 0);

        async Task Guard(Func<Task> run)
        {
            try
            {
                await run();
            }
            catch (Exception e) when (e is MetricSourceException or HttpRequestException or OperationCanceledException)
            {
                failures.Enqueue($"{e.GetType().Name}: {e.Message}");
            }
        }

        // 1. One time zone's 09:00: its workspaces' digests, due at once, read by the instance's digest workers.
        var gate = new SemaphoreSlim(DigestWorkers);
        var burst = Enumerable.Range(0, w.Workspaces).Where(ws => ws % w.Zones == 0 && ws % of == index).ToArray();
        foreach (var workspace in burst)
        {
            work.Add(Task.Run(() => Guard(async () =>
            {
                await gate.WaitAsync();
                try
                {
                    using var _ = TikTokCallScope.Enter(TikTokCallPriority.Digest);
                    var source = Source(workspace % w.Advertisers);
                    var listed = await source.ListCampaignsAsync(default);
                    foreach (var campaign in listed)
                    {
                        await source.GetDailyAsync(Scope.Campaign(campaign.Id), week, default);
                    }

                    digestsDone.Add(start.Elapsed.TotalSeconds);
                }
                finally
                {
                    gate.Release();
                }
            })));
        }

        // 2. Alert scans every hour, this instance's advertisers spread evenly over the hour; the history read-ahead once a day.
        var owned = Enumerable.Range(0, w.Advertisers).Where(ad => ad % of == index).ToArray();
        var scheduled = new List<(double At, Func<Task> Run)>();
        for (var k = 0; k < owned.Length && k * 3600.0 / owned.Length < seconds; k++)
        {
            var advertiser = owned[k];
            scheduled.Add((k * 3600.0 / owned.Length, () => Guard(async () =>
            {
                using var _ = TikTokCallScope.Enter(TikTokCallPriority.AlertScan);
                var source = Source(advertiser);
                var scope = Scope.Campaign(campaigns[0]);
                await Task.WhenAll(source.GetHourlyAsync(scope, today, default), source.GetDailyAsync(scope, threeDays, default));
                Interlocked.Increment(ref scansDone);
            })));
        }

        for (var k = 0; k < owned.Length && k * 86_400.0 / owned.Length < seconds; k++)
        {
            var advertiser = owned[k];
            scheduled.Add((k * 86_400.0 / owned.Length, () => Guard(async () =>
            {
                using var _ = TikTokCallScope.Enter(TikTokCallPriority.HistoryReadAhead);
                await Source(advertiser).GetDailyAsync(Scope.Campaign(campaigns[0]), history, default);
                Interlocked.Increment(ref readAheadDone);
            })));
        }

        // 3. A steady stream of summaries from people: an open loop, each timed from the moment it was due.
        var random = new Random(index);
        for (var k = 0; k / summariesPerSecond < seconds; k++)
        {
            var due = k / summariesPerSecond;
            var workspace = random.Next(w.Workspaces);
            var campaign = campaigns[random.Next(campaigns.Length)];
            scheduled.Add((due, () => Guard(async () =>
            {
                var source = Source(workspace % w.Advertisers);
                var scope = Scope.Campaign(campaign);
                await Task.WhenAll(source.GetDailyAsync(scope, week, default), source.GetReachAsync(scope, week, default));
                summaries.Add(start.Elapsed.TotalSeconds - due);
            })));
        }

        foreach (var (at, run) in scheduled.OrderBy(s => s.At))
        {
            var wait = TimeSpan.FromSeconds(at) - start.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            work.Add(Task.Run(run));
        }

        var all = Task.WhenAll(work);
        await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(seconds + 300)));
        var drained = all.IsCompleted;
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        Console.WriteLine(JsonSerializer.Serialize(new InstanceFigures(
            index, burst.Length, digestsDone.Count, digestsDone.IsEmpty ? 0 : digestsDone.Max(), scansDone, readAheadDone,
            summaries.Order().ToArray(), failures.Count, failures.Take(5).ToArray(), drained, start.Elapsed.TotalSeconds,
            process.PeakWorkingSet64 / 1048576.0, GC.GetTotalMemory(false) / 1048576.0, Interlocked.Read(ref renewed))));
        Directory.Delete(data, recursive: true);
        return 0;
    }

    public static string AdvertiserId(int index) => (7_100_000_000_000_000L + index).ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>What one instance measured: its digests and when the last was read, scans, summaries' latencies, failures, memory.</summary>
internal sealed record InstanceFigures(
    int Index, int Digests, int DigestsDone, double LastDigestSeconds, int Scans, int ReadAheads, double[] SummarySeconds, int Failures,
    string[] FirstFailures, bool Drained, double Seconds, double PeakWorkingSetMb, double ManagedHeapMb, long Renewed);
