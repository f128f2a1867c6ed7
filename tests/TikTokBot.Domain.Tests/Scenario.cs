using TikTokBot.Domain;
using TikTokBot.Domain.Campaigns;
using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Objectives;

namespace TikTokBot.Domain.Tests;

/// <summary>
/// A healthy website-conversions campaign, week of 2026-11-14..20, that each test bends in one direction.
/// Impressions 100,000, reach 40,000 (frequency 2.5), spend $800 (CPM $8.00), 1,000 destination clicks
/// (CTR 1.00%, CPC $0.80), 2,000 clicks in all (destination share 50%), 25 conversions (CVR 2.50% of clicks,
/// 0.025% of impressions, CPA $32.00), 24 real-time conversions (real-time CPA $33.33); target CPA $40, minimum 20.
/// </summary>
internal static class Scenario
{
    public static readonly DateRange Week = new(new DateOnly(2026, 11, 14), new DateOnly(2026, 11, 20));

    public static readonly RawTotals Healthy = new()
    {
        Impressions = 100_000,
        Spend = 800m,
        DestinationClicks = 1_000,
        AllClicks = 2_000,
        Conversions = 25,
        RealTimeConversions = 24,
    };

    public static readonly CampaignEngine Engine = new(new DiagnosisOptions());

    public static CampaignFacts Facts(
        RawTotals? current = null,
        long? reach = 40_000,
        Objective objective = Objective.WebsiteConversions,
        RawTotals? previous = null,
        long? previousReach = 40_000,
        SuccessCriteria? criteria = null,
        bool noCriteria = false,
        decimal? dailyBudget = null,
        DateOnly? launchedOn = null,
        bool purchase = false,
        long? lifetimeConversions = null,
        IReadOnlyList<DailyTotals>? daily = null,
        DateRange? period = null,
        DateOnly? budgetRaisedOn = null) => new()
        {
            Campaign = new Campaign("1800000000000042", "Spring launch", objective, launchedOn ?? new DateOnly(2026, 10, 1),
                DailyBudget: dailyBudget, OptimisesForPurchase: purchase),
            Period = period ?? Week,
            Current = new ScopeTotals(current ?? Healthy, reach),
            Previous = new ScopeTotals(previous ?? Healthy, previousReach),
            Criteria = noCriteria ? null : criteria ?? new SuccessCriteria(40m, 20),
            LifetimeConversions = lifetimeConversions,
            Daily = daily ?? [],
            BudgetRaisedOn = budgetRaisedOn,
        };

    public static IReadOnlyList<string> RuleIds(CampaignFacts facts) =>
        Engine.Diagnose(facts).Findings.Select(f => f.RuleId).ToArray();
}
