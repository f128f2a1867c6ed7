using Hangfire;
using Hangfire.Common;
using Hangfire.Storage;
using Microsoft.Extensions.Options;
using TikTokBot.Domain.Alerts;
using TikTokBot.Storage;
using TikTokBot.TikTok.Quota;

namespace TikTokBot.Alerts;

/// <summary>
/// One Hangfire recurring job per workspace with alerts on (<c>alerts:&lt;team&gt;</c>), every <c>Alerts:ScanEvery</c>.
/// A copy of our <c>alert_subscriptions</c> table, rebuilt at every start (<see cref="AlertScheduleSync"/>).
/// </summary>
internal sealed class AlertScheduler
{
    private const string Prefix = "alerts:";
    private readonly JobStorage _storage;
    private readonly RecurringJobManager _recurring;
    private readonly string _cron;

    public AlertScheduler(JobStorage storage, IJobFilterProvider filters, IOptions<AlertOptions> options, TimeProvider time)
    {
        _storage = storage;
        _cron = Cron(options.Value.ScanEvery);
        // The app's clock, as the digests': a test's fake time moves the scans too.
        _recurring = new RecurringJobManager(storage, filters, new DefaultTimeZoneResolver(), () => time.GetUtcNow().UtcDateTime);
    }

    public static string RecurringJobId(string teamId) => $"{Prefix}{teamId}";

    /// <summary>A cron for the interval: minutes that divide an hour, or hours that divide a day (Hangfire runs on crons).</summary>
    public static string Cron(TimeSpan every)
    {
        var minutes = (int)every.TotalMinutes;
        if (every != TimeSpan.FromMinutes(minutes) || minutes <= 0)
        {
            throw new InvalidOperationException($"Alerts:ScanEvery must be whole minutes, not {every}.");
        }

        if (minutes < 60 && 60 % minutes == 0)
        {
            return minutes == 1 ? "* * * * *" : $"*/{minutes} * * * *";
        }

        if (minutes % 60 == 0 && 24 % (minutes / 60) == 0)
        {
            return minutes == 60 ? "0 * * * *" : $"0 */{minutes / 60} * * *";
        }

        throw new InvalidOperationException($"Alerts:ScanEvery must divide an hour (e.g. 00:15:00) or a day (e.g. 02:00:00), not {every}.");
    }

    /// <summary>Adds the workspace's scan unless it is there with the same interval; true when it added or changed it.</summary>
    public bool EnsureScheduled(string teamId)
    {
        if (Find(RecurringJobId(teamId)) is { Cron: var cron } && cron == _cron)
        {
            return false;
        }

        _recurring.AddOrUpdate(RecurringJobId(teamId), Job.FromExpression<AlertJob>(job => job.ScanAsync(teamId, CancellationToken.None)), _cron,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc, MisfireHandling = MisfireHandlingMode.Relaxed });
        return true;
    }

    public void Unschedule(string teamId) => _recurring.RemoveIfExists(RecurringJobId(teamId));

    public DateTimeOffset? NextScan(string teamId) =>
        Find(RecurringJobId(teamId))?.NextExecution is { } next ? new DateTimeOffset(next, TimeSpan.Zero) : null;

    /// <summary>Runs the workspace's scan now, as a firing of its recurring job would.</summary>
    public void TriggerNow(string teamId) => _recurring.TriggerJob(RecurringJobId(teamId));

    internal IReadOnlyList<string> RecurringJobIds()
    {
        using var connection = _storage.GetConnection();
        return connection.GetRecurringJobs().Select(job => job.Id).Where(id => id.StartsWith(Prefix, StringComparison.Ordinal)).ToList();
    }

    private RecurringJobDto? Find(string id)
    {
        using var connection = _storage.GetConnection();
        return connection.GetRecurringJobs([id]).FirstOrDefault(job => !job.Removed);
    }
}

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
