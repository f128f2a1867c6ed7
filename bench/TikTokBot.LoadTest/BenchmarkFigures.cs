using System.Text;

namespace TikTokBot.LoadTest;

/// <summary>The in-process figures: BenchmarkDotNet's JSON reports of the scale and request-path benchmarks.</summary>
internal static class BenchmarkFigures
{
    public static void Write(StringBuilder text, string folder)
    {
        if (!Directory.Exists(folder))
        {
            text.AppendLine("(no BenchmarkDotNet results in this run)");
        }
    }
}
