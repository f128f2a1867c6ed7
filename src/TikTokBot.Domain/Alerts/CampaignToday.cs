using TikTokBot.Domain.Metrics;

namespace TikTokBot.Domain.Alerts;

/// <summary>Ad credit still to use, as the team entered it.</summary>
public sealed record CreditLeft(decimal Remaining, DateOnly Expiry);

/// <summary>
/// What a scan knows about one campaign: today's figures so far, the full days before today, and the settings the
/// rules need. Everything is in the advertiser's own day and currency; <see cref="LocalNow"/> is the advertiser-local
/// time of the data, passed in so the rules never read a clock.
/// </summary>
public sealed record CampaignToday
{
    public required string CampaignId { get; init; }

    public required string CampaignName { get; init; }

    public required bool Enabled { get; init; }

    /// <summary>Whether the objective is judged on conversions (awareness and video views are not).</summary>
    public required bool Converts { get; init; }

    public required DateTime LocalNow { get; init; }

    public required RawTotals Today { get; init; }

    /// <summary>The full days before today (the 7-day average), oldest first; empty if there is no history.</summary>
    public IReadOnlyList<RawTotals> PreviousDays { get; init; } = [];

    /// <summary>Unique reach over the previous days and today, for the frequency; null when not reported.</summary>
    public long? RecentReach { get; init; }

    public decimal? TargetCostPerResult { get; init; }

    public decimal? DailyBudget { get; init; }

    public CreditLeft? Credit { get; init; }

    /// <summary>The launch (or last significant edit) date, for the learning phase; null when unknown.</summary>
    public DateOnly? LearningSince { get; init; }

    /// <summary>Conversions since <see cref="LearningSince"/>.</summary>
    public long ConversionsSinceLearning { get; init; }

    /// <summary>Impressions per hour for the latest hours of data, oldest first; null when the source has no hourly data.</summary>
    public IReadOnlyList<long>? HourlyImpressions { get; init; }
}
