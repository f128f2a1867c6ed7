namespace TikTokBot.Digests;

/// <summary>Local dates and times of a daily digest in its subscription's time zone.</summary>
public static class DigestCalendar
{
    /// <summary>
    /// The local date a firing is for: the date it was due, unless it fired more than a day late (the app was down for
    /// days), when only the latest missed day is sent, not a stale one.
    /// </summary>
    public static DateOnly LocalDateDue(DateTimeOffset dueAt, DateTimeOffset firedAt, TimeOnly localTime, TimeZoneInfo zone)
    {
        if (firedAt - dueAt < TimeSpan.FromDays(1))
        {
            return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(dueAt, zone).DateTime);
        }

        var firedLocal = TimeZoneInfo.ConvertTime(firedAt, zone).DateTime;
        var date = DateOnly.FromDateTime(firedLocal);
        return TimeOnly.FromDateTime(firedLocal) >= localTime ? date : date.AddDays(-1);
    }

    /// <summary>The Quartz cron expression of a daily time: seconds, minutes, hours, any day.</summary>
    public static string Cron(TimeOnly localTime) => $"0 {localTime.Minute} {localTime.Hour} ? * *";

    public static string Describe(TimeSpan span) =>
        span.TotalHours >= 1 ? $"{(int)span.TotalHours} h {span.Minutes} min" : $"{Math.Max(1, (int)span.TotalMinutes)} min";
}
