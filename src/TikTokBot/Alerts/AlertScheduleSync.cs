using TikTokBot.Storage;

namespace TikTokBot.Alerts;

/// <summary>At start-up, from our own tables: every workspace with alerts on has its scan, and no other scan is left.</summary>
internal sealed class AlertScheduleSync(IWorkspaceStorage storage, AlertScheduler scheduler, ILogger<AlertScheduleSync> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await SyncAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // A database out of reach at start must not stop the app: the schedules a persistent store holds still fire,
            // and `alerts on` schedules the workspace again.
            logger.LogError(e, "Alert scans could not be checked at start ({Failure}); they are checked again at the next start", e.GetType().Name);
        }
    }

    private async Task SyncAsync(CancellationToken ct)
    {
        var kept = new HashSet<string>(StringComparer.Ordinal);
        var added = 0;
        foreach (var teamId in await storage.ListTeamsAsync(ct))
        {
            if ((await storage.ForTeam(teamId).AlertSubscriptions.ListAsync(ct)).Count == 0)
            {
                continue;
            }

            kept.Add(AlertScheduler.RecurringJobId(teamId));
            added += scheduler.EnsureScheduled(teamId) ? 1 : 0;
        }

        var stale = scheduler.RecurringJobIds().Where(id => !kept.Contains(id)).ToList();
        stale.ForEach(id => scheduler.Unschedule(id[(id.IndexOf(':', StringComparison.Ordinal) + 1)..]));
        logger.LogInformation("Alert scans checked: {Added} added or changed, {Removed} removed", added, stale.Count);
    }
}
