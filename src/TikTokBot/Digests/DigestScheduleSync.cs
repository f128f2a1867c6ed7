using Microsoft.Extensions.Options;
using TikTokBot.Storage;
using TikTokBot.Jobs;

namespace TikTokBot.Digests;

/// <summary>
/// At start-up, from our own tables: every active subscription has its recurring job and no other digest job is left;
/// each subscription's latest due day that was not delivered is sent now (marked late), and a pending retry is
/// scheduled again. So memory storage, which starts empty, loses nothing, and a persistent store cannot drift.
/// </summary>
internal sealed class DigestScheduleSync(
    IWorkspaceStorage storage, DigestScheduler scheduler, IOptions<SchedulerOptions> scheduling, TimeProvider time, ILogger<DigestScheduleSync> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.Equals(scheduling.Value.Store, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            logger.LogWarning(
                "Scheduler:Store=Sqlite was the Quartz.NET store and is gone; the scheduler runs in memory, which loses nothing because our own tables know what is due. Set Scheduler:Store to Memory (or Postgres for several instances) to silence this");
        }

        var kept = new HashSet<string>(StringComparer.Ordinal);
        var (added, caughtUp, resumed) = (0, 0, 0);
        foreach (var teamId in await storage.ListTeamsAsync(stoppingToken))
        {
            var store = storage.ForTeam(teamId);
            foreach (var subscription in await store.Subscriptions.ListAsync(stoppingToken))
            {
                if (subscription.IsPaused)
                {
                    continue;
                }

                kept.Add(DigestScheduler.RecurringJobId(teamId, subscription.ChannelId));
                if (await scheduler.EnsureScheduledAsync(teamId, subscription, stoppingToken))
                {
                    added++;
                }

                switch (await CatchUpAsync(store, subscription, stoppingToken))
                {
                    case CatchUp.SentNow:
                        caughtUp++;
                        break;
                    case CatchUp.RetryResumed:
                        resumed++;
                        break;
                }
            }
        }

        var removed = 0;
        foreach (var stale in scheduler.RecurringJobIds().Where(id => !kept.Contains(id)))
        {
            scheduler.Remove(stale);
            removed++;
        }

        logger.LogInformation(
            "Digest schedules checked: {Added} added or changed, {Removed} removed, {CaughtUp} missed digests sent now, {Resumed} retries resumed",
            added, removed, caughtUp, resumed);
    }

    private async Task<CatchUp> CatchUpAsync(IWorkspaceStore store, ChannelSubscription subscription, CancellationToken ct)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(subscription.TimeZone);
        var now = time.GetUtcNow();
        if (DigestCalendar.LatestDue(subscription.LocalTime, zone, now, subscription.SubscribedAt) is not { } dueAt)
        {
            return CatchUp.Nothing;
        }

        var day = DigestCalendar.LocalDate(dueAt, zone);
        switch (await store.Deliveries.FindAsync(subscription.Id, day, ct))
        {
            case null or { State: DeliveryState.Claimed }:
                // Never sent, or claimed by a sender that may have died: the attempt takes over once the lease allows.
                await scheduler.ScheduleRetryAsync(store.TeamId, subscription.Id, day, now, ct);
                return CatchUp.SentNow;
            case { State: DeliveryState.Failed, NextAttemptAt: { } at }:
                await scheduler.ScheduleRetryAsync(store.TeamId, subscription.Id, day, at, ct);
                return CatchUp.RetryResumed;
            default:
                return CatchUp.Nothing;
        }
    }

    private enum CatchUp
    {
        Nothing,
        SentNow,
        RetryResumed,
    }
}
