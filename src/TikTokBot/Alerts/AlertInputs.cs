using TikTokBot.Domain.Alerts;
using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Objectives;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.Alerts;

/// <summary>Turns what the metric source reports for a campaign into the alert rules' input.</summary>
public static class AlertInputs
{
    /// <summary>The range a scan reads: the averaged full days and today.</summary>
    public static DateRange Range(DateOnly today, AlertOptions options) => new(today.AddDays(-options.AverageDays), today);

    /// <param name="days">The campaign's daily rows over <see cref="Range"/>; a missing day counts as no delivery.</param>
    /// <param name="localNow">The advertiser-local time of the data.</param>
    public static CampaignToday From(
        CampaignInfo campaign, IReadOnlyList<DailyTotals> days, long? reach, DateTime localNow, decimal? target, CreditLeft? credit, AlertOptions options)
    {
        var today = DateOnly.FromDateTime(localNow);
        var byDate = days.ToDictionary(d => d.Date, d => d.Counts);
        var previous = Enumerable.Range(1, options.AverageDays)
            .Select(back => today.AddDays(-options.AverageDays - 1 + back))
            .Where(date => date >= campaign.CreatedOn)
            .Select(date => byDate.GetValueOrDefault(date))
            .ToArray();
        var profile = campaign.Objective is { } objective ? ObjectiveCatalogue.Profile(objective) : null;
        return new CampaignToday
        {
            CampaignId = campaign.Id,
            CampaignName = campaign.Name,
            Enabled = campaign.DeliveryStatus == Domain.Campaigns.CampaignStatus.Enabled,
            Converts = profile?.Converts ?? false,
            LocalNow = localNow,
            Today = byDate.GetValueOrDefault(today),
            PreviousDays = previous,
            RecentReach = reach,
            TargetCostPerResult = target,
            DailyBudget = campaign.Budget,
            Credit = credit,
        };
    }
}
