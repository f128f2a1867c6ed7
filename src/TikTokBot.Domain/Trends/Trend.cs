using TikTokBot.Domain.Metrics;

namespace TikTokBot.Domain.Trends;

/// <summary>Configuration <c>Diagnosis:Trends</c>.</summary>
public sealed class TrendOptions
{
    /// <summary>Project default: a change smaller than this, in percent, reads as flat.</summary>
    public decimal FlatWithinPercent { get; set; } = 1m;
}

public enum TrendDirection
{
    NoData,
    Flat,
    Up,
    Down,
}

/// <summary>A metric against the previous period of equal length, and its daily shape.</summary>
/// <param name="ChangePercent">Percent change from the previous period; null when there is nothing to compare with.</param>
/// <param name="IsImprovement">Whether the move is good news for this metric; null when flat, neutral or unknown.</param>
public sealed record Trend(TrendDirection Direction, decimal? ChangePercent, bool? IsImprovement, string Sparkline)
{
    public static Trend Compare(MetricId metric, decimal? current, decimal? previous, string sparkline, TrendOptions options)
    {
        if (current is not { } now || previous is not { } before || before == 0)
        {
            return new(TrendDirection.NoData, null, null, sparkline);
        }

        var change = (now - before) / Math.Abs(before) * 100m;
        if (Math.Abs(change) < options.FlatWithinPercent)
        {
            return new(TrendDirection.Flat, change, null, sparkline);
        }

        var direction = change > 0 ? TrendDirection.Up : TrendDirection.Down;
        bool? better = MetricCatalogue.Get(metric).Better switch
        {
            BetterDirection.Higher => direction == TrendDirection.Up,
            BetterDirection.Lower => direction == TrendDirection.Down,
            _ => null,
        };
        return new(direction, change, better, sparkline);
    }
}

/// <summary>Draws daily values as a row of block characters, lowest to highest; a day with no data is a middle dot.</summary>
public static class Sparkline
{
    private const string Levels = "▁▂▃▄▅▆▇█";
    private const char Missing = '·';

    public static string Draw(ReadOnlySpan<decimal?> values)
    {
        if (values.IsEmpty)
        {
            return string.Empty;
        }

        decimal? min = null, max = null;
        foreach (var value in values)
        {
            if (value is { } v)
            {
                min = min is { } lo && lo <= v ? lo : v;
                max = max is { } hi && hi >= v ? hi : v;
            }
        }

        var chars = values.Length <= 256 ? stackalloc char[values.Length] : new char[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            chars[i] = values[i] switch
            {
                null => Missing,
                { } v when max == min => Levels[Levels.Length / 2],
                { } v => Levels[(int)Math.Round((v - min!.Value) / (max!.Value - min.Value) * (Levels.Length - 1))],
            };
        }

        return new string(chars);
    }
}
