using TikTokBot.Domain.Metrics;

namespace TikTokBot.TikTok.Api;

/// <summary>The <c>report_type</c> values of <c>report/integrated/get</c> that TikTokBot asks for.</summary>
[Flags]
public enum ReportType
{
    /// <summary>Campaign, ad group and ad reports, by day or over a range.</summary>
    Basic = 1,

    /// <summary>Breakdowns by age, gender, placement or platform; accepts fewer metrics than BASIC.</summary>
    Audience = 2,
}

/// <summary>One metric TikTokBot reads: its v1.3 field name, the count it fills, and the report types that accept it.</summary>
public sealed record ReportMetric(string TikTokName, RawCount Fills, ReportType ValidFor);

/// <summary>
/// Every metric name TikTokBot sends to the TikTok API for Business v1.3, with the report types that accept it.
/// TikTok refuses a whole report (40002 "Invalid metric fields") for one name it does not know for that report type,
/// so each report asks only for what its type accepts and the rest is "no data". Names are from TikTok's v1.3
/// metric lists as published by the official SDK docs and the connectors that run against the live API (Airbyte's
/// source-tiktok-marketing asks AUDIENCE reports for no video metrics).
/// </summary>
public static class ReportMetrics
{
    public static IReadOnlyList<ReportMetric> All { get; } =
    [
        new("spend", RawCount.Spend, ReportType.Basic | ReportType.Audience),
        new("impressions", RawCount.Impressions, ReportType.Basic | ReportType.Audience),
        new("clicks", RawCount.DestinationClicks, ReportType.Basic | ReportType.Audience),
        new("conversion", RawCount.Conversions, ReportType.Basic | ReportType.Audience),
        new("real_time_conversion", RawCount.RealTimeConversions, ReportType.Basic | ReportType.Audience),
        new("engagements", RawCount.AllClicks, ReportType.Basic),
        new("video_play_actions", RawCount.VideoViews, ReportType.Basic),
        new("video_watched_2s", RawCount.VideoViews2s, ReportType.Basic),
        new("video_watched_6s", RawCount.VideoViews6s, ReportType.Basic),
        new("video_views_p25", RawCount.VideoViewsP25, ReportType.Basic),
        new("video_views_p50", RawCount.VideoViewsP50, ReportType.Basic),
        new("video_views_p75", RawCount.VideoViewsP75, ReportType.Basic),
        new("video_views_p100", RawCount.VideoViewsP100, ReportType.Basic),
        // Seconds per view; turned into a total with the views, so it needs them too.
        new("average_video_play", RawCount.VideoPlaySeconds, ReportType.Basic),
        // Despite the name, the total value of web purchases; v1.3 has no total_complete_payment_value.
        new("total_complete_payment_rate", RawCount.PurchaseValue, ReportType.Basic),
    ];

    /// <summary>Unique people: asked only without a time dimension, where TikTok counts them over the whole range.</summary>
    public const string Reach = "reach";

    /// <summary>
    /// What the hourly series asks (24 rows a campaign a day): whether and how much a campaign delivered in an hour, and the
    /// clicks and conversions the alerts' baselines judge a tracking break on (real-time conversions count in the hour they
    /// happen, so the latest hour is not short of conversions still to be credited to its clicks).
    /// </summary>
    public static readonly string[] Hourly = ["impressions", "spend", "clicks", "conversion", "real_time_conversion"];

    /// <summary>The names of the counts a report type accepts, in table order.</summary>
    public static string[] CountsFor(ReportType type) => All.Where(m => m.ValidFor.HasFlag(type)).Select(m => m.TikTokName).ToArray();

    /// <summary>The counts a report type cannot give: "no data" in whatever is built from its rows.</summary>
    public static RawCount NotIn(ReportType type) =>
        All.Where(m => !m.ValidFor.HasFlag(type)).Aggregate(RawCount.None, (gaps, m) => gaps | m.Fills);

    /// <summary>Attribute and reach names, valid in both report types at the levels TikTokBot uses them.</summary>
    public static bool IsKnown(ReportType type, string name) =>
        name is Reach || All.Any(m => m.TikTokName == name && m.ValidFor.HasFlag(type)) ||
        (type == ReportType.Basic && name is "adgroup_name" or "ad_name" or "campaign_name");
}
