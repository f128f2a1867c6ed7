using Hangfire;
using TikTokBot.Storage;
using TikTokBot.TikTok.Quota;

namespace TikTokBot.Alerts;

/// <summary>What Hangfire runs: one workspace's scan. Running it twice, by hand or on two instances, tells nothing twice (the claims).</summary>
internal sealed class AlertJob(AlertScanner scanner, AlertScheduler scheduler, IWorkspaceStorage storage)
{
    [JobDisplayName("Alert scan {0}")]
    public async Task ScanAsync(string teamId, CancellationToken ct)
    {
        if ((await storage.ForTeam(teamId).AlertSubscriptions.ListAsync(ct)).Count == 0)
        {
            scheduler.Unschedule(teamId);
            return;
        }

        // A failed read is logged by the scanner and waits for the next scan; there is nothing to retry sooner.
        // Its TikTok calls stand behind people's and digests' (a person asking `alerts check now` is not in this scope).
        using var priority = TikTokCallScope.Enter(TikTokCallPriority.AlertScan);
        await scanner.ScanAsync(teamId, evenUnsubscribed: false, ct);
    }
}
