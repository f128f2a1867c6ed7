using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Objectives;

namespace TikTokBot.Domain.Campaigns;

/// <summary>A campaign as the bot knows it.</summary>
/// <param name="LaunchedOn">Launch date, or the date of the last significant edit, which restarts learning.</param>
/// <param name="Automated">Smart+ / automated campaigns learn for about a week, manual ones for about three days.</param>
/// <param name="OptimisesForPurchase">A purchase event has its own, lower CVR benchmark.</param>
/// <param name="Status">Whether the campaign can deliver at all; a paused or deleted one gets no delivery advice.</param>
/// <param name="StatusSince">The first day of the current status, when the source says; days from then on were not enabled.</param>
public sealed record Campaign(
    string Id,
    string Name,
    Objective Objective,
    DateOnly LaunchedOn,
    bool Automated = false,
    decimal? DailyBudget = null,
    bool OptimisesForPurchase = false,
    string Currency = "USD",
    CampaignStatus Status = CampaignStatus.Enabled,
    DateOnly? StatusSince = null)
{
    public ObjectiveProfile Profile => ObjectiveCatalogue.Profile(Objective);

    public bool Enabled => Status == CampaignStatus.Enabled;

    /// <summary>"paused since 19 Nov 2026", "deleted", or null while enabled: what a person reads next to the name.</summary>
    public string? StatusLabel => DescribeStatus(Status, StatusSince);

    public static string? DescribeStatus(CampaignStatus status, DateOnly? since) => status switch
    {
        CampaignStatus.Enabled => null,
        _ when since is { } day => $"{status.ToString().ToLowerInvariant()} since {day.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}",
        _ => status.ToString().ToLowerInvariant(),
    };

    /// <summary>
    /// The days of the period the campaign was live and enabled: from launch, and, for a campaign no longer enabled,
    /// up to the day before its status changed (all of the period when that day is unknown).
    /// </summary>
    public int EnabledDays(DateRange period)
    {
        var first = Math.Max(period.Start.DayNumber, LaunchedOn.DayNumber);
        var last = !Enabled && StatusSince is { } since ? Math.Min(period.End.DayNumber, since.DayNumber - 1) : period.End.DayNumber;
        return Math.Max(0, last - first + 1);
    }
}

/// <summary>Whether a campaign can deliver: TikTok's operation and secondary status, reduced to what the advice depends on.</summary>
public enum CampaignStatus
{
    Enabled,

    /// <summary>Turned off by the advertiser (operation status DISABLE); it can be turned on again.</summary>
    Paused,

    Deleted,
}

/// <summary>
/// Everything the summary and the diagnosis read about one campaign and one period. It is assembled by the
/// app from a metric source; nothing here fetches or knows the time of day.
/// </summary>
public sealed record CampaignFacts
{
    public required Campaign Campaign { get; init; }

    public required DateRange Period { get; init; }

    /// <summary>The period's totals, with the reach the source reported for the whole period.</summary>
    public required ScopeTotals Current { get; init; }

    /// <summary>The previous period of equal length (<see cref="DateRange.Previous"/>), when known.</summary>
    public ScopeTotals? Previous { get; init; }

    /// <summary>The current period day by day, oldest first: trends, sparklines and real-time movement.</summary>
    public IReadOnlyList<DailyTotals> Daily { get; init; } = [];

    public SuccessCriteria? Criteria { get; init; }

    /// <summary>Conversions since launch, when known; decides whether tracking was ever set up.</summary>
    public long? LifetimeConversions { get; init; }

    /// <summary>Gross spend since launch, when known; the learning phase needs enough of it before judging.</summary>
    public decimal? LifetimeSpend { get; init; }

    /// <summary>The day the budget was last raised, when known: real-time CVR is watched closely after it.</summary>
    public DateOnly? BudgetRaisedOn { get; init; }

    public ObjectiveProfile Profile => Campaign.Profile;
}
