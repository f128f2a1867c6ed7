using TikTokBot.Reports;
using TikTokBot.Storage;
using TikTokBot.TikTok.Calendar;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.Home;

/// <summary>The Home tab's content: every campaign's overview of the last 7 closed days, from Reports.</summary>
internal sealed class HomeService(ReportService reports, IWorkspaceStorage storage)
{
    public Task<IReadOnlyList<CampaignOverview>> OverviewsAsync(string teamId, CancellationToken ct) =>
        reports.OverviewsAsync(teamId, null, Period.Default, ct);

    /// <summary>
    /// The overviews with the workspace's notice (demo data, a refused token). A source that cannot be read gives its
    /// reason in place of the campaigns: the tab still says what to do.
    /// </summary>
    public async Task<HomePage> PageAsync(string teamId, CancellationToken ct)
    {
        try
        {
            var overviews = await OverviewsAsync(teamId, ct);
            return new HomePage(overviews, (await reports.SourceAsync(teamId, ct)).Notice, await storage.ForTeam(teamId).Fixes.ListInProgressAsync(null, null, ct));
        }
        catch (MetricSourceException e)
        {
            return new HomePage([], e.Message);
        }
    }
}
