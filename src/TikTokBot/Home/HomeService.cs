using TikTokBot.Reports;
using TikTokBot.TikTok.Calendar;

namespace TikTokBot.Home;

/// <summary>The Home tab's content: every campaign's overview of the last 7 closed days, from Reports.</summary>
public sealed class HomeService(ReportService reports)
{
    public Task<IReadOnlyList<CampaignOverview>> OverviewsAsync(string teamId, CancellationToken ct) =>
        reports.OverviewsAsync(teamId, null, Period.Default, reports.Days(teamId), ct);
}
