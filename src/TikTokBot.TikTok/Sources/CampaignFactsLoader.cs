using TikTokBot.Domain.Campaigns;
using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Objectives;

namespace TikTokBot.TikTok.Sources;

/// <summary>Gathers what the engine reads about one campaign and period, in three calls to the source. It keeps nothing: caching is the report cache's.</summary>
public sealed class CampaignFactsLoader(IMetricSource source)
{
    /// <summary>How far back "ever" reaches for campaigns older than this: enough to tell whether tracking ever worked.</summary>
    public const int HistoryDays = 90;

    public async Task<CampaignFacts> LoadAsync(CampaignInfo campaign, DateRange period, SuccessCriteria? criteria, CancellationToken cancellationToken)
    {
        var previous = period.Previous();
        // A previous period wholly before the campaign existed (a lifetime report) is not asked for.
        var hadPrevious = previous.End >= campaign.CreatedOn;
        var historyStart = DateOnly.FromDayNumber(Math.Min(
            hadPrevious ? Math.Max(previous.Start.DayNumber, campaign.CreatedOn.DayNumber) : period.Start.DayNumber,
            Math.Max(campaign.CreatedOn.DayNumber, period.End.DayNumber - HistoryDays + 1)));
        var scope = Scope.Campaign(campaign.Id);

        // Reach is asked for each period as a whole: it cannot be derived from the daily rows.
        var dailyTask = source.GetDailyAsync(scope, new DateRange(historyStart, period.End), cancellationToken);
        var reachTask = source.GetReachAsync(scope, period, cancellationToken);
        var previousReachTask = hadPrevious ? source.GetReachAsync(scope, previous, cancellationToken) : Task.FromResult<long?>(null);
        var history = await dailyTask.ConfigureAwait(false);
        var reach = await reachTask.ConfigureAwait(false);
        var previousReach = await previousReachTask.ConfigureAwait(false);
        return Build(campaign, period, criteria, history, reach, previousReach);
    }

    private static CampaignFacts Build(
        CampaignInfo campaign, DateRange period, SuccessCriteria? criteria, IReadOnlyList<DailyTotals> history, long? reach, long? previousReach)
    {
        var previous = period.Previous();

        RawTotals.Accumulator current = default, before = default, lifetime = default;
        var inPeriod = new List<DailyTotals>(period.Days);
        foreach (var day in history)
        {
            if (period.Contains(day.Date))
            {
                current.Add(day.Counts);
                inPeriod.Add(day);
            }
            else if (previous.Contains(day.Date))
            {
                before.Add(day.Counts);
            }

            if (day.Date >= campaign.CreatedOn && day.Date <= period.End)
            {
                lifetime.Add(day.Counts);
            }
        }

        return new CampaignFacts
        {
            // An objective TikTok has not documented is read without conversion judgements rather than judged on the wrong ones.
            Campaign = new Campaign(campaign.Id, campaign.Name, campaign.Objective ?? Objective.Awareness, campaign.CreatedOn,
                campaign.Automated, campaign.Budget, campaign.OptimisesForPurchase, campaign.Currency, campaign.DeliveryStatus, campaign.StatusChangedOn),
            Period = period,
            Current = new ScopeTotals(current.Total, reach),
            Previous = previous.End >= campaign.CreatedOn ? new ScopeTotals(before.Total, previousReach) : null,
            Daily = inPeriod,
            Criteria = criteria,
            LifetimeConversions = lifetime.Total.Conversions,
            LifetimeSpend = lifetime.Total.Spend,
        };
    }
}
