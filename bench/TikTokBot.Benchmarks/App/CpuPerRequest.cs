using System.Diagnostics;
using System.Globalization;

namespace TikTokBot.Benchmarks.App;

/// <summary>
/// <c>dotnet TikTokBot.Benchmarks.dll cpu-per-request [requests] [rounds]</c>: the signed cached summary of
/// <see cref="SlashCommandPathBenchmarks"/> sent one after another, reporting per request the process's CPU time (user +
/// system, every thread: the test server's both sides and the app's background loops) and the bytes allocated. On a shared
/// machine CPU time moves far less than wall time, which also counts the time spent waiting for a core, so two builds
/// compared round after round (base, change, base, change...) show a change of a few percent.
/// </summary>
public static class CpuPerRequest
{
    public static async Task<int> RunAsync(string[] args)
    {
        var requests = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20_000;
        var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
        var bench = new SlashCommandPathBenchmarks();
        bench.Setup();
        try
        {
            for (var i = 0; i < requests; i++)
            {
                await bench.CachedSummaryThroughTheApp();
            }

            var process = Process.GetCurrentProcess();
            var cpu = new List<double>();
            var wall = new List<double>();
            var bytes = new List<double>();
            for (var round = 0; round < rounds; round++)
            {
                process.Refresh();
                var cpuBefore = process.TotalProcessorTime;
                var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
                var started = Stopwatch.GetTimestamp();
                for (var i = 0; i < requests; i++)
                {
                    await bench.CachedSummaryThroughTheApp();
                }

                var elapsed = Stopwatch.GetElapsedTime(started);
                process.Refresh();
                cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMicroseconds / requests);
                wall.Add(elapsed.TotalMicroseconds / requests);
                bytes.Add((GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / (double)requests);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"cpu-per-request: {requests} requests x {rounds} rounds; CPU us/request median {Median(cpu):F1} (min {cpu.Min():F1}), wall us/request median {Median(wall):F1}, allocated B/request median {Median(bytes):F0}"));
            return 0;
        }
        finally
        {
            bench.Cleanup();
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
