using Hangfire;
using TikTokBot.Accounts;
using TikTokBot.Storage;
using static TikTokBot.Reports.AccountHistory;
using static TikTokBot.Accounts.WorkspaceSources;

namespace TikTokBot.Reports;

/// <summary>
/// Reads every workspace source's account history ahead of the questions (DOMAIN.md section 8, item 5): at start, when a
/// workspace connects advertisers, and every hour through Hangfire, which reads again only for a source one of whose
/// advertisers has closed a day since (the history's key is each advertiser time zone's yesterday). The same question then
/// gets the same answer a second later, and after a restart the history comes back from storage.
/// </summary>
internal sealed class AccountHistoryReadAhead(
    IWorkspaceStorage storage, IWorkspaceSources sources, IBackgroundJobClient jobs,
    Microsoft.Extensions.Options.IOptions<ReportOptions> options, ILogger<AccountHistoryReadAhead> logger, AccountHistories histories,
    CampaignHourHistories hours)
    : IAdvertiserConnectedListener
{
    public const string RecurringJobId = "account-history:read-ahead";

    /// <summary>Minute 5 of every hour: after the hour an advertiser's day closes in any whole-hour time zone.</summary>
    public const string Cron = "5 * * * *";

    /// <summary>Every workspace's source once (workspaces reading the same source share its history).</summary>
    [JobDisplayName("Account history read-ahead")]
    [AutomaticRetry(Attempts = 0)]
    public async Task ReadAllAsync(CancellationToken ct)
    {
        var read = new HashSet<string>(StringComparer.Ordinal);
        // The deployment's own source (its static token or CSV, or the demo data) even before any workspace has installed.
        if (sources.DeploymentSource is { } deployment && read.Add(deployment.Name))
        {
            await ReadAsync(deployment, ct);
        }

        foreach (var teamId in await storage.ListTeamsAsync(ct))
        {
            await ReadTeamAsync(teamId, read, ct);
        }
    }

    [JobDisplayName("Account history read-ahead {0}")]
    [AutomaticRetry(Attempts = 0)]
    public Task ReadTeamAsync(string teamId, CancellationToken ct) =>
        ReadTeamAsync(teamId, new HashSet<string>(StringComparer.Ordinal), ct);

    /// <summary>A connect starts the new source's read as a Hangfire job (any instance may run it), not on the callback's request.</summary>
    public void Connected(string teamId)
    {
        if (options.Value.ReadHistoryAhead)
        {
            jobs.Enqueue<AccountHistoryReadAhead>(r => r.ReadTeamAsync(teamId, CancellationToken.None));
        }
    }

    private async Task ReadTeamAsync(string teamId, HashSet<string> read, CancellationToken ct)
    {
        WorkspaceSource source;
        try
        {
            source = await sources.SourceForAsync(teamId, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "Workspace {Team} has no source to read ahead ({Failure})", teamId, e.GetType().Name);
            return;
        }

        if (read.Add(source.Name))
        {
            await ReadAsync(source, ct);
        }

        await ReadHoursAsync(teamId, source, ct);
    }

    /// <summary>
    /// For a workspace with alerts on: the hours its campaigns' usual ranges are drawn from (issue 33), kept beside the
    /// history. Only the days never kept are read, so a second workspace on the same source reads nothing.
    /// </summary>
    private async Task ReadHoursAsync(string teamId, WorkspaceSource source, CancellationToken ct)
    {
        try
        {
            if ((await storage.ForTeam(teamId).AlertSubscriptions.ListAsync(ct)).Count > 0)
            {
                using (TikTok.Quota.TikTokCallScope.Enter(TikTok.Quota.TikTokCallPriority.HistoryReadAhead))
                {
                    await hours.ReadAheadAsync(source, ct);
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // The scan reads what is missing itself; the read-ahead only spares it the wait.
            logger.LogWarning(e, "Campaign hours of {Source} could not be read ahead ({Failure})", source.Name.Split(':')[0], e.GetType().Name);
        }
    }

    private async Task ReadAsync(WorkspaceSource source, CancellationToken ct)
    {
        try
        {
            var history = await histories.For(source).ReadAheadAsync(ct);
            logger.LogInformation("Account history of {Source} read ahead: {Campaigns} campaigns", source.Name.Split(':')[0], history.Count);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // One source out of reach must not keep the others from being read; its replies read it when asked.
            logger.LogWarning(e, "Account history of {Source} could not be read ahead ({Failure})", source.Name.Split(':')[0], e.GetType().Name);
        }
    }
}
