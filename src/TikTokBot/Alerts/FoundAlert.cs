using TikTokBot.Domain.Alerts;
using TikTokBot.Domain.Alerts.Baselines;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.Alerts;

/// <summary>A rule that fired on a campaign in a scan, on the advertiser's local day.</summary>
/// <param name="Silenced">Snoozed or muted: found, but told to no channel.</param>
/// <param name="Severity">Critical posts at once, warnings are grouped per scan, info waits for the digest.</param>
/// <param name="ReadAt">When the scan read the figures, for the freshness line.</param>
/// <param name="TimeZone">The advertiser's time zone, in which the alert's hours are written.</param>
internal sealed record FoundAlert(
    Alert Alert, CampaignInfo Campaign, DateOnly LocalDate, bool Silenced, string? AdGroupToPause = null,
    AlertSeverity Severity = AlertSeverity.Warning, DateTimeOffset? ReadAt = null, string TimeZone = "UTC");
