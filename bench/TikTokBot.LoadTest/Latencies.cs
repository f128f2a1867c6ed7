using System.Diagnostics;

namespace TikTokBot.LoadTest;

/// <summary>Percentiles of a set of latencies, in milliseconds (nearest rank).</summary>
internal sealed record LatencySummary(int Count, double P50, double P99, double P999, double Max)
{
    public static LatencySummary Of(IEnumerable<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        if (sorted.Length == 0)
        {
            return new LatencySummary(0, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        double Rank(double percent) => sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new LatencySummary(sorted.Length, Round(Rank(50)), Round(Rank(99)), Round(Rank(99.9)), Round(sorted[^1]));
    }

    public static double Milliseconds(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;

    private static double Round(double value) => Math.Round(value, 3);
}
