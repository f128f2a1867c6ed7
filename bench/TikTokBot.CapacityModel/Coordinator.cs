using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Npgsql;
using TikTokBot.Storage;
using TikTokBot.Testing;

namespace TikTokBot.CapacityModel;

/// <summary>
/// A run: for each instance count, a fresh PostgreSQL database (migrated by the app's own migrator), a fresh fake TikTok
/// answering 40100 over the tier's rate for the whole app (as TikTok does), and that many instance processes started
/// together; PostgreSQL's connections counted every second while they run. Prints a Markdown table of the figures.
/// </summary>
internal static class Coordinator
{
    public static IConfiguration Configuration(string tiktok, string postgres, string dataDirectory, Arguments a) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            // The app's defaults (TikTok:Quota:ArrivalSlack, SendWithin) unless the run says otherwise (bench/README.md).
            ["TikTok:Quota:ArrivalSlack"] = Milliseconds(a, "arrival-slack-ms"),
            ["TikTok:Quota:SendWithin"] = Milliseconds(a, "send-within-ms"),
            ["TikTok:Source"] = "Api",
            ["TikTok:AccessToken"] = FakeTikTokApi.Token,
            ["TikTok:AdvertiserIds"] = Instance.AdvertiserId(0),
            ["TikTok:ApiBaseUrl"] = tiktok,
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = postgres,
            ["Storage:DataDirectory"] = dataDirectory,
            ["Logging:LogLevel:Default"] = "Warning",
        }.Where(setting => setting.Value is not null)).Build();

    private static string? Milliseconds(Arguments a, string name) =>
        a.Text(name, "") is { Length: > 0 } ms ? TimeSpan.FromMilliseconds(double.Parse(ms, CultureInfo.InvariantCulture)).ToString("c", CultureInfo.InvariantCulture) : null;

    public static async Task<int> RunAsync(Arguments a)
    {
        var server = a.Text("postgres", Environment.GetEnvironmentVariable("TIKTOKBOT_TEST_POSTGRES") ?? "");
        if (server.Length == 0)
        {
            Console.Error.WriteLine("The capacity model needs PostgreSQL: set TIKTOKBOT_TEST_POSTGRES (source .ci/postgres.sh) or pass --postgres.");
            return 2;
        }

        var w = Workload.From(a);
        var seconds = a.Number("seconds", 120);
        var rows = new List<string>();
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"[capacity] {w.Workspaces:N0} workspaces, {w.Advertisers:N0} advertisers, a {seconds:0} s slice: one zone of {w.Zones}'s 09:00 digests, hourly scans, {w.SummariesPerWorkspacePerDay} summaries per workspace per day, {w.PerSecond}/s, arrival slack {a.Text("arrival-slack-ms", "the default")} ms, send within {a.Text("send-within-ms", "the default")} ms, load {File.ReadAllText("/proc/loadavg").Trim()}"));
        foreach (var instances in a.Text("instances", "1,2,3").Split(',').Select(int.Parse))
        {
            rows.Add(await RunOnceAsync(a, server, w, instances, seconds));
        }

        Console.WriteLine("| Instances | TikTok calls | Most in one second | Answered 40100 | Turns renewed | Digests read | Last digest read at | Floor (calls / background rate) | Summaries | p50 | p99 | Max | Failures | Peak memory per instance | PostgreSQL connections (most) | Load average (1, 5 min) at the end |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        rows.ForEach(Console.WriteLine);
        return 0;
    }

    private static async Task<string> RunOnceAsync(Arguments a, string server, Workload w, int instances, double seconds)
    {
        var name = $"capacity_{instances}_{Guid.NewGuid():N}";
        await ExecuteAsync(server, $"CREATE DATABASE {name};");
        var database = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        await using var tiktok = await FakeTikTokApi.StartAsync(DateOnly.FromDateTime(DateTime.UtcNow));
        tiktok.AppQuotaPerSecond = w.PerSecond;
        tiktok.Delay = TimeSpan.FromMilliseconds(a.Number("delay-ms", 200));
        tiktok.MaxRowsPerPage = 1_000;
        try
        {
            var data = Directory.CreateTempSubdirectory("tiktokbot-capacity-").FullName;
            var configuration = Configuration(tiktok.BaseUrl.ToString(), database, data, a);
            var services = new ServiceCollection().AddSingleton(configuration).AddLogging();
            services.AddStorage(configuration);
            await using (var provider = services.BuildServiceProvider())
            {
                await provider.PrepareStorageAsync(default);
            }

            var children = Enumerable.Range(0, instances).Select(i => Start(a, i, instances, tiktok.BaseUrl.ToString(), database)).ToArray();
            foreach (var child in children)
            {
                while (await child.StandardOutput.ReadLineAsync() is { } line && line != "ready")
                {
                }
            }

            Console.Error.WriteLine($"[capacity] {instances} instance(s) ready; running");
            var clock = Stopwatch.StartNew();
            foreach (var child in children)
            {
                await child.StandardInput.WriteLineAsync();
                await child.StandardInput.FlushAsync();
            }

            var outputs = children.Select(c => c.StandardOutput.ReadToEndAsync()).ToArray();
            var mostConnections = 0;
            while (!children.All(c => c.HasExited))
            {
                mostConnections = Math.Max(mostConnections, await ConnectionsAsync(server, name));
                await Task.Delay(1_000);
            }

            var figures = (await Task.WhenAll(outputs))
                .Select(o => o.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(l => l.StartsWith('{')))
                .Select(l => l is null ? null : JsonSerializer.Deserialize<InstanceFigures>(l)).ToArray();
            Directory.Delete(data, recursive: true);
            if (figures.Any(f => f is null))
            {
                return $"| {instances} | an instance printed no figures (exit codes {string.Join(", ", children.Select(c => c.ExitCode))}) |";
            }

            var summaries = figures.SelectMany(f => f!.SummarySeconds).Order().ToArray();
            var digests = figures.Sum(f => f!.Digests);
            var done = figures.Sum(f => f!.DigestsDone);
            var failures = figures.Sum(f => f!.Failures);
            foreach (var failure in figures.SelectMany(f => f!.FirstFailures).Distinct())
            {
                Console.Error.WriteLine($"[capacity] failure: {failure}");
            }

            // The digests' calls at the background rate (the person's share kept): the least time the zone's 09:00 could take.
            var digestCalls = w.Workspaces / w.Zones * Workload.CallsPerDigest;
            var floor = digestCalls / (w.PerSecond * 0.9);
            var c = CultureInfo.InvariantCulture;
            Console.Error.WriteLine($"[capacity] {instances} instance(s) done in {clock.Elapsed.TotalSeconds:0} s");
            return string.Create(c,
                $"| {instances} | {tiktok.Requests.Count:N0} | {tiktok.MostInOneSecond} | {tiktok.OverQuota} | {figures.Sum(f => f!.Renewed):N0} | {done:N0} of {digests:N0} | {figures.Max(f => f!.LastDigestSeconds):0} s | {floor:0} s | {summaries.Length} | {Percentile(summaries, 0.5):0.00} s | {Percentile(summaries, 0.99):0.00} s | {(summaries.Length == 0 ? 0 : summaries[^1]):0.00} s | {failures} | {figures.Max(f => f!.PeakWorkingSetMb):0} MB | {mostConnections} | {string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(2))} |");
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE);");
        }
    }

    private static Process Start(Arguments a, int index, int of, string tiktok, string postgres)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(Coordinator).Assembly.Location);
        }

        foreach (var arg in new[] { "instance", "--index", index.ToString(CultureInfo.InvariantCulture), "--of", of.ToString(CultureInfo.InvariantCulture), "--tiktok", tiktok, "--postgres", postgres }
            .Concat(a.Pass("advertisers", "workspaces", "seconds", "zones", "summaries-per-workspace-per-day", "per-second", "arrival-slack-ms", "send-within-ms")))
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static async Task<int> ConnectionsAsync(string server, string database)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = @name;", connection);
        command.Parameters.AddWithValue("name", database);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
