using TikTokBot.Domain.Metrics;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.Reports;

/// <summary>A campaign's breakdown over a resolved range.</summary>
internal sealed record CampaignBreakdown(CampaignInfo Campaign, BreakdownDimension By, DateRange Range, IReadOnlyList<BreakdownRow> Rows)
{
    /// <summary>When the rows were read, for the freshness line; null when not known.</summary>
    public DateTimeOffset? ReadAt { get; init; }

    /// <summary>By age, gender, placement or device: TikTok's audience reports, hours behind the basic ones.</summary>
    public bool Audience => By is not (BreakdownDimension.AdGroup or BreakdownDimension.Ad);

    /// <summary>The freshness line of these rows; null for closed days of a basic breakdown.</summary>
    public string? FreshnessLine => ReadAt is { } readAt ? Freshness.Line(readAt, Campaign.TimeZone, Range, Audience) : null;
}
