namespace TikTokBot.Domain.Metrics;

/// <summary>A closed range of calendar days in the ad account's time zone, both ends included.</summary>
public readonly record struct DateRange
{
    public DateRange(DateOnly start, DateOnly end)
    {
        if (end < start)
        {
            throw new ArgumentException($"A date range cannot end ({end:yyyy-MM-dd}) before it starts ({start:yyyy-MM-dd}).", nameof(end));
        }

        Start = start;
        End = end;
    }

    public DateOnly Start { get; }

    public DateOnly End { get; }

    public int Days => End.DayNumber - Start.DayNumber + 1;

    public bool Contains(DateOnly day) => day >= Start && day <= End;

    /// <summary>The period of equal length that ends the day before this one starts: the fair comparison.</summary>
    public DateRange Previous() => new(Start.AddDays(-Days), Start.AddDays(-1));

    /// <summary>The <paramref name="days"/> days that end on <paramref name="lastDay"/>.</summary>
    public static DateRange Ending(DateOnly lastDay, int days) =>
        days < 1 ? throw new ArgumentOutOfRangeException(nameof(days), days, "A range has at least one day.")
                 : new DateRange(lastDay.AddDays(1 - days), lastDay);

    public override string ToString() => Start == End ? $"{Start:yyyy-MM-dd}" : $"{Start:yyyy-MM-dd}..{End:yyyy-MM-dd}";
}
