using Cronos;
using TikTokBot.Jobs;

namespace TikTokBot.Digests;

/// <summary>
/// Local dates and times of a daily digest in its subscription's time zone, computed with Cronos, the library Hangfire
/// computes its recurring occurrences with: on a spring-forward day a time that does not exist comes at the first
/// minute that does, and a time repeated on a fall-back night comes once, at the first.
/// </summary>
internal static class DigestCalendar
{
    /// <summary>The cron expression of a daily time (minutes, hours, any day), as Hangfire's recurring job keeps it.</summary>
    public static string Cron(TimeOnly localTime) => $"{localTime.Minute} {localTime.Hour} * * *";

    /// <summary>The latest time the digest was due at or before <paramref name="at"/>; null when that is before <paramref name="notBefore"/>.</summary>
    public static DateTimeOffset? LatestDue(TimeOnly localTime, TimeZoneInfo zone, DateTimeOffset at, DateTimeOffset notBefore)
    {
        // A daily time comes at least once in any 49 hours, whatever the clock changes.
        return RecurringJobs.LatestOccurrence(Cron(localTime), zone, at.AddHours(-49), at) is { } due && due >= notBefore ? due : null;
    }

    /// <summary>The time the digest of <paramref name="localDate"/> was due.</summary>
    public static DateTimeOffset DueOn(DateOnly localDate, TimeOnly localTime, TimeZoneInfo zone)
    {
        var startOfDay = TimeZoneInfo.ConvertTimeToUtc(localDate.ToDateTime(TimeOnly.MinValue), zone);
        var due = CronExpression.Parse(Cron(localTime)).GetNextOccurrence(startOfDay, zone, inclusive: true)
            ?? throw new InvalidOperationException($"No occurrence of {localTime} after {localDate} in {zone.Id}.");
        return new DateTimeOffset(due, TimeSpan.Zero);
    }

    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    public static string Describe(TimeSpan span) =>
        span.TotalHours >= 1 ? $"{(int)span.TotalHours} h {span.Minutes} min" : $"{Math.Max(1, (int)span.TotalMinutes)} min";
}
