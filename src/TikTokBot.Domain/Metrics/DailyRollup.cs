namespace TikTokBot.Domain.Metrics;

public static class DailyRollup
{
    /// <summary>
    /// Sums rows of many scopes (ad groups, ads) into one row per day, oldest first. Each day's reach is
    /// dropped: the reach of the parent scope must be asked of the source, never added up.
    /// </summary>
    public static DailyTotals[] ByDay(ReadOnlySpan<DailyTotals> rows)
    {
        if (rows.IsEmpty)
        {
            return [];
        }

        var first = rows[0].Date.DayNumber;
        var last = first;
        foreach (ref readonly var row in rows)
        {
            first = Math.Min(first, row.Date.DayNumber);
            last = Math.Max(last, row.Date.DayNumber);
        }

        var days = new RawTotals.Accumulator[last - first + 1];
        var seen = new bool[days.Length];
        foreach (ref readonly var row in rows)
        {
            var index = row.Date.DayNumber - first;
            days[index].Add(row.Counts);
            seen[index] = true;
        }

        return Collect(days, seen, first);
    }

    /// <summary>
    /// The same for the rows that fall in <paramref name="range"/>, read as they come: no buffer of the rows, whose
    /// size (ad groups x days of wide structs) put it on the large-object heap for a few ad groups over a month.
    /// </summary>
    public static DailyTotals[] ByDay(IEnumerable<DailyTotals> rows, DateRange range)
    {
        var days = new RawTotals.Accumulator[range.Days];
        var seen = new bool[days.Length];
        foreach (var row in rows)
        {
            if (range.Contains(row.Date))
            {
                var index = row.Date.DayNumber - range.Start.DayNumber;
                days[index].Add(row.Counts);
                seen[index] = true;
            }
        }

        return Collect(days, seen, range.Start.DayNumber);
    }

    private static DailyTotals[] Collect(RawTotals.Accumulator[] days, bool[] seen, int first)
    {
        var result = new List<DailyTotals>(days.Length);
        for (var i = 0; i < days.Length; i++)
        {
            if (seen[i])
            {
                result.Add(new DailyTotals(DateOnly.FromDayNumber(first + i), days[i].Total));
            }
        }

        return [.. result];
    }
}
