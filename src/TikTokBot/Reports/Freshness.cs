using System.Globalization;
using TikTokBot.Domain.Metrics;
using TikTokBot.TikTok.Calendar;

namespace TikTokBot.Reports;

/// <summary>
/// The one line every reply, digest and alert built from today's or yesterday's figures carries: when they were read, in
/// the advertiser's time zone, and what may still change (platform-facts-3: basic reports lag about 10 minutes, audience
/// breakdowns 6 to 12 hours, and conversions are credited to the day of the click or impression, so yesterday still grows).
/// Views call it; none writes its own.
/// </summary>
internal static class Freshness
{
    /// <summary>
    /// The context line for figures over <paramref name="range"/> read at <paramref name="readAt"/>; null when the range
    /// ended before yesterday (closed days do not move) and is no audience breakdown.
    /// </summary>
    /// <param name="timeZone">The advertiser's IANA time zone; its today and yesterday decide.</param>
    /// <param name="audienceBreakdown">A breakdown by age, gender or placement: TikTok's audience reports run hours behind.</param>
    public static string? Line(DateTimeOffset readAt, string? timeZone, DateRange range, bool audienceBreakdown = false)
    {
        var zone = BusinessCalendar.ZoneOf(timeZone);
        var days = BusinessCalendar.At(readAt, zone);
        var today = range.End >= days.Today;
        var yesterday = range.Start <= days.Yesterday && range.End >= days.Yesterday;
        if (!today && !yesterday && !audienceBreakdown)
        {
            return null;
        }

        var local = TimeZoneInfo.ConvertTime(readAt, zone);
        var parts = new List<string> { string.Create(CultureInfo.InvariantCulture, $"Read {local:HH:mm} {ZoneName(zone)}") };
        if (today)
        {
            parts.Add("the latest hours may still grow (TikTok reports about 10 minutes behind)");
        }

        if (yesterday || today)
        {
            parts.Add(YesterdayGrows);
        }

        if (audienceBreakdown)
        {
            parts.Add("a breakdown by age, gender or placement can be 6-12 hours behind");
        }

        return string.Join("; ", parts) + ".";
    }

    private const string YesterdayGrows = "yesterday's conversions may still grow (credited to the day of the click or impression)";

    /// <summary>
    /// The line for figures kept over closed days through yesterday in each advertiser's zone (the account's history, read
    /// once after each day closes, behind <c>trends</c>): no read time of its own, but yesterday is in it and still grows.
    /// </summary>
    public static string ThroughYesterday() => "Closed days through yesterday in each advertiser's time zone, read after that day closed; " + YesterdayGrows + ".";

    /// <summary>The first line of several overviews' (a list, the Home tab), or null when none has one.</summary>
    public static string? First(IEnumerable<string?> lines) => lines.FirstOrDefault(l => l is not null);

    /// <summary>The line for figures of one advertiser-local day (an alert's or a scan's today).</summary>
    public static string? Line(DateTimeOffset readAt, string? timeZone, DateOnly day) => Line(readAt, timeZone, new DateRange(day, day));

    private static string ZoneName(TimeZoneInfo zone) => zone.Id is "Etc/UTC" or "UTC" or "Etc/GMT" ? "UTC" : zone.Id;
}
