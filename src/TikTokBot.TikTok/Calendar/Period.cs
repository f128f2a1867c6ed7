using System.Globalization;
using TikTokBot.Domain.Metrics;

namespace TikTokBot.TikTok.Calendar;

public enum PeriodKind
{
    Today,
    Yesterday,
    LastDays,
    Lifetime,
    Range,
}

/// <summary>
/// A period as a person names it (<c>yesterday</c>, <c>7d</c>, <c>2026-11-01..2026-11-20</c>); <see cref="BusinessDays.Resolve"/>
/// turns it into dates. <see cref="ToString"/> and <see cref="TryParse"/> are each other's inverse.
/// </summary>
public sealed record Period(PeriodKind Kind, int Days = 0, DateRange? Range = null)
{
    public static readonly Period Default = new(PeriodKind.LastDays, 7);

    /// <summary>The day counts a person may type as <c>Nd</c>.</summary>
    public static readonly IReadOnlyList<int> DayCounts = [7, 14, 30];

    /// <summary>A range covers at most this many days.</summary>
    public const int MaxRangeDays = 366;

    public override string ToString() => Kind switch
    {
        PeriodKind.Today => "today",
        PeriodKind.Yesterday => "yesterday",
        PeriodKind.LastDays => $"{Days}d",
        PeriodKind.Lifetime => "lifetime",
        // Always start..end, even for one day, so that it parses back.
        _ => $"{Range!.Value.Start:yyyy-MM-dd}..{Range.Value.End:yyyy-MM-dd}",
    };

    /// <summary>
    /// Reads one word as a period. False with a null <paramref name="problem"/> when the word is no period at all; false
    /// with a problem when it is a range written wrongly.
    /// </summary>
    public static bool TryParse(string word, out Period period, out string? problem)
    {
        problem = null;
        period = Default;
        switch (word.ToLowerInvariant())
        {
            case "today":
                period = new Period(PeriodKind.Today);
                return true;
            case "yesterday":
                period = new Period(PeriodKind.Yesterday);
                return true;
            case "lifetime":
                period = new Period(PeriodKind.Lifetime);
                return true;
        }

        if (word.Length > 1 && word[^1] is 'd' or 'D' &&
            int.TryParse(word[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var days) && DayCounts.Contains(days))
        {
            period = new Period(PeriodKind.LastDays, days);
            return true;
        }

        if (!word.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        if (TryParseRange(word, out var range, out problem))
        {
            period = new Period(PeriodKind.Range, Range: range);
            return true;
        }

        return false;
    }

    /// <summary>2026-11-01..2026-11-20 (a single day may be written 2026-11-01..2026-11-01), at most a year.</summary>
    public static bool TryParseRange(string word, out DateRange range, out string? problem)
    {
        range = default;
        var parts = word.Split("..");
        if (parts.Length != 2 ||
            !DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start) ||
            !DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end))
        {
            problem = $"`{word}` is not a date range; write it as 2026-11-01..2026-11-20.";
            return false;
        }

        if (end < start)
        {
            problem = $"The range {word} ends before it starts.";
            return false;
        }

        if (end.DayNumber - start.DayNumber >= MaxRangeDays)
        {
            problem = "A range can cover at most a year.";
            return false;
        }

        range = new DateRange(start, end);
        problem = null;
        return true;
    }
}
