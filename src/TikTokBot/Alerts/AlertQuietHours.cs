using TikTokBot.Storage;

namespace TikTokBot.Alerts;

/// <summary>Whether a channel's quiet hours hold alerts now, read on the channel's own clock (so through daylight-saving changes).</summary>
internal static class AlertQuietHours
{
    public static bool IsQuiet(AlertSubscriptionDetails details, DateTimeOffset now)
    {
        if (details.QuietFrom is not { } from || details.QuietTo is not { } to || from == to)
        {
            return false;
        }

        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(details.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        // 20:00-08:00 wraps past midnight; 12:00-14:00 does not.
        return from < to ? local >= from && local < to : local >= from || local < to;
    }
}
