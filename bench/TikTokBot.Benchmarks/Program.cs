using BenchmarkDotNet.Running;

namespace TikTokBot.Benchmarks;

// Not top-level statements: their implicit Program class would clash with the app's, which the app benchmarks host.
public static class BenchmarkProgram
{
    public static int Main(string[] args)
    {
        if (args is ["alloc-breakdown", ..])
        {
            return App.AllocBreakdown.RunAsync().GetAwaiter().GetResult();
        }

        if (args is ["cpu-per-request", ..])
        {
            return App.CpuPerRequest.RunAsync(args).GetAwaiter().GetResult();
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
        return 0;
    }
}
