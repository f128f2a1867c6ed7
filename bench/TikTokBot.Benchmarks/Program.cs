using BenchmarkDotNet.Running;

namespace TikTokBot.Benchmarks;

// Not top-level statements: their implicit Program class would clash with the app's, which the app benchmarks host.
public static class BenchmarkProgram
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
}
