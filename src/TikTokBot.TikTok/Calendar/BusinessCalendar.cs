using System.Collections.Concurrent;
using TikTokBot.Domain.Metrics;

namespace TikTokBot.TikTok.Calendar;

/// <summary>
/// The one place that turns the clock into business days. "Today" is the date in the advertiser's time zone (a campaign
/// carries its advertiser's), and every named period resolves against it: a reply, the Home tab, a digest and the cache
/// all agree on which day yesterday is for that advertiser.
/// </summary>
public sealed class BusinessCalendar(TimeProvider time)
{
    /// <summary>The business days as they stand now in <paramref name="zone"/>.</summary>
    public BusinessDays Now(TimeZoneInfo zone) => At(time.GetUtcNow(), zone);

    /// <summary>The business days now, in UTC.</summary>
    public BusinessDays Now() => Now(TimeZoneInfo.Utc);

    /// <summary>The business days now in the advertiser's time zone (an IANA id such as America/Los_Angeles).</summary>
    public BusinessDays Now(string? timeZone) => Now(ZoneOf(timeZone));

    /// <summary>The instant the calendar reads: days are taken from it in each advertiser's zone.</summary>
    public DateTimeOffset Instant => time.GetUtcNow();

    /// <summary>
    /// The business days now in the zone whose day starts last (UTC-12): a range they call closed is closed for every
    /// advertiser on earth, so figures of any advertiser's "today" are never kept as if final.
    /// </summary>
    public BusinessDays NowEverywhere() => Now(LastZone);

    /// <summary>The business days as they stood at <paramref name="instant"/> in <paramref name="zone"/>.</summary>
    public static BusinessDays At(DateTimeOffset instant, TimeZoneInfo zone) =>
        new(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime));

    /// <summary>The business days as they stood at <paramref name="instant"/> in the advertiser's time zone.</summary>
    public static BusinessDays At(DateTimeOffset instant, string? timeZone) => At(instant, ZoneOf(timeZone));

    /// <summary>
    /// The zone of an IANA id as TikTok names it; UTC for none. An id this machine does not know is read as UTC rather
    /// than failing every report of the advertiser.
    /// </summary>
    public static TimeZoneInfo ZoneOf(string? timeZone) =>
        string.IsNullOrWhiteSpace(timeZone) ? TimeZoneInfo.Utc : Zones.GetOrAdd(timeZone.Trim(), static id =>
            TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc);

    /// <summary>Whether the advertiser's days are UTC's (none named, or an unknown zone read as UTC).</summary>
    public static bool IsUtc(string? timeZone) => ZoneOf(timeZone) is var zone && zone.BaseUtcOffset == TimeSpan.Zero && !zone.SupportsDaylightSavingTime;

    // Static: the system's time zones by id, as the system defines them for the whole process: at most one entry per zone
    // id an advertiser or channel names (a few hundred exist), each the same whoever asks.
    private static readonly ConcurrentDictionary<string, TimeZoneInfo> Zones = new(StringComparer.OrdinalIgnoreCase);

    private static readonly TimeZoneInfo LastZone = TimeZoneInfo.CreateCustomTimeZone("UTC-12", TimeSpan.FromHours(-12), "UTC-12", "UTC-12");
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
