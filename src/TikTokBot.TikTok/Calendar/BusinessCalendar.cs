using TikTokBot.Domain.Metrics;

namespace TikTokBot.TikTok.Calendar;

/// <summary>
/// The one place that turns the clock into business days. "Today" is the date in the advertiser's time zone (UTC until
/// accounts carry their own zone, so the zone is a parameter), and every named period resolves against it: a reply, the
/// Home tab, a digest and the cache all agree on which day yesterday is.
/// </summary>
public sealed class BusinessCalendar(TimeProvider time)
{
    /// <summary>The business days as they stand now in <paramref name="zone"/>.</summary>
    public BusinessDays Now(TimeZoneInfo zone) => At(time.GetUtcNow(), zone);

    /// <summary>The business days now, in UTC (every source today).</summary>
    public BusinessDays Now() => Now(TimeZoneInfo.Utc);

    /// <summary>The business days as they stood at <paramref name="instant"/> in <paramref name="zone"/>.</summary>
    public static BusinessDays At(DateTimeOffset instant, TimeZoneInfo zone) =>
        new(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime));
}

/// <summary>Today, yesterday and the closed days before them, from one date.</summary>
public readonly record struct BusinessDays(DateOnly Today)
{
    public DateOnly Yesterday => Today.AddDays(-1);

    /// <summary>The last <paramref name="days"/> closed days: they end yesterday, as today's figures are still moving.</summary>
    public DateRange LastClosedDays(int days) => DateRange.Ending(Yesterday, days);

    /// <summary>Whether a range reaches today, whose figures keep changing.</summary>
    public bool IsOpen(DateRange range) => range.End >= Today;

    public DateRange Resolve(Period period, DateOnly launchedOn) => period.Kind switch
    {
        PeriodKind.Today => new DateRange(Today, Today),
        PeriodKind.Yesterday => new DateRange(Yesterday, Yesterday),
        PeriodKind.LastDays => LastClosedDays(period.Days),
        PeriodKind.Lifetime => new DateRange(launchedOn < Today ? launchedOn : Today, Today),
        _ => period.Range!.Value,
    };
}
