using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Objectives;

namespace TikTokBot.Domain.Campaigns;

/// <summary>A campaign as the bot knows it.</summary>
/// <param name="LaunchedOn">Launch date, or the date of the last significant edit, which restarts learning.</param>
/// <param name="Automated">Smart+ / automated campaigns learn for about a week, manual ones for about three days.</param>
/// <param name="OptimisesForPurchase">A purchase event has its own, lower CVR benchmark.</param>
public sealed record Campaign(
    string Id,
    string Name,
    Objective Objective,
    DateOnly LaunchedOn,
    bool Automated = false,
    decimal? DailyBudget = null,
    bool OptimisesForPurchase = false,
    string Currency = "USD")
{
    public ObjectiveProfile Profile => ObjectiveCatalogue.Profile(Objective);
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
