using TikTokBot.Domain.Alerts;
using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Objectives;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.Alerts;

/// <summary>Turns what the metric source reports for a campaign into the alert rules' input.</summary>
internal static class AlertInputs
{
    /// <summary>The range a scan reads: the averaged full days and today.</summary>
    public static DateRange Range(DateOnly today, AlertOptions options) => new(today.AddDays(-options.AverageDays), today);

    /// <param name="days">The campaign's daily rows over <see cref="Range"/>; a missing day counts as no delivery.</param>
    /// <param name="localNow">The advertiser-local time of the data.</param>
    /// <param name="hours">Today's hours as the source reported them (null: it has none); an hour still running is left out.</param>
    public static CampaignToday From(
        CampaignInfo campaign, IReadOnlyList<DailyTotals> days, long? reach, DateTime localNow, decimal? target, CreditLeft? credit, AlertOptions options,
        IReadOnlyList<HourlyTotals>? hours = null)
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
            HourlyImpressions = HoursOfData(hours, localNow),
        };
    }

    /// <summary>
    /// Impressions of the hours the source reported, oldest first. An hour still running counts only once it shows delivery:
    /// a few minutes without impressions say nothing, but impressions in them say the campaign delivers.
    /// </summary>
    private static long[]? HoursOfData(IReadOnlyList<HourlyTotals>? hours, DateTime localNow) =>
        hours?.Where(h => h.Hour.AddHours(1) <= localNow || (h.Hour <= localNow && h.Counts.Impressions > 0))
            .OrderBy(h => h.Hour)
            .Select(h => h.Counts.Impressions)
            .ToArray();
}
