using System.Globalization;
using Quartz;
using TikTokBot.Storage;

namespace TikTokBot.Digests;

/// <summary>
/// Keeps one Quartz job per subscription, fired by a daily cron trigger in the subscription's own time zone (Quartz
/// moves a time that does not exist on a spring-forward day to the first valid minute, and fires a repeated
/// fall-back time once). A firing missed while no instance ran is made once on start, and sent marked as late.
/// </summary>
public sealed class DigestScheduler(ISchedulerFactory schedulers, TimeProvider time)
{
    private const string Group = "digests";
    private const string RetryGroup = "digest-retries";

    public static JobKey JobKeyFor(string teamId, string subscriptionId) => new($"{teamId}/{subscriptionId}", Group);

    public static TriggerKey DailyTriggerKeyFor(string teamId, string subscriptionId) => new($"{teamId}/{subscriptionId}", Group);

    /// <summary>Creates or replaces the subscription's schedule; returns its next firing.</summary>
    public async Task<DateTimeOffset?> ScheduleAsync(string teamId, ChannelSubscription subscription, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        var job = JobBuilder.Create<DigestJob>()
            .WithIdentity(JobKeyFor(teamId, subscription.Id))
            .UsingJobData(DigestJob.TeamKey, teamId)
            .UsingJobData(DigestJob.SubscriptionKey, subscription.Id)
            .StoreDurably()
            .RequestRecovery()
            .Build();
        await scheduler.ScheduleJob(job, [DailyTrigger(teamId, subscription)], new ScheduleJobOptions { Replace = true }, ct);
        return await NextFiringAsync(teamId, subscription.Id, ct);
    }

    /// <summary>Schedules the subscription unless the same schedule is there already (so a restart keeps a missed firing to make up).</summary>
    public async Task<bool> EnsureScheduledAsync(string teamId, ChannelSubscription subscription, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        if (await scheduler.GetTrigger(DailyTriggerKeyFor(teamId, subscription.Id), ct) is ICronTrigger existing &&
            existing.CronExpressionString == DigestCalendar.Cron(subscription.LocalTime) && existing.TimeZone.Id == subscription.TimeZone)
        {
            return false;
        }

        await ScheduleAsync(teamId, subscription, ct);
        return true;
    }

    public async Task<bool> UnscheduleAsync(string teamId, string subscriptionId, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        return await scheduler.DeleteJob(JobKeyFor(teamId, subscriptionId), ct);
    }

    public async Task<DateTimeOffset?> NextFiringAsync(string teamId, string subscriptionId, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        return (await scheduler.GetTrigger(DailyTriggerKeyFor(teamId, subscriptionId), ct))?.NextFireTimeUtc;
    }

    /// <summary>A one-off trigger for another attempt at one local date, kept in the same store so it survives a restart.</summary>
    public async Task ScheduleRetryAsync(string teamId, string subscriptionId, DateOnly localDate, DateTimeOffset dueAt, DateTimeOffset at, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        var date = localDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var trigger = TriggerBuilder.Create(time)
            .WithIdentity($"{teamId}/{subscriptionId}/{date}/{at.ToUnixTimeMilliseconds()}", RetryGroup)
            .ForJob(JobKeyFor(teamId, subscriptionId))
            .UsingJobData(DigestJob.LocalDateKey, date)
            .UsingJobData(DigestJob.DueAtKey, dueAt.ToString("O", CultureInfo.InvariantCulture))
            .StartAt(at)
            .Build();
        await scheduler.ScheduleJob(trigger, default, ct);
    }

    private ITrigger DailyTrigger(string teamId, ChannelSubscription subscription)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(subscription.TimeZone);
        return TriggerBuilder.Create(time)
            .WithIdentity(DailyTriggerKeyFor(teamId, subscription.Id))
            .ForJob(JobKeyFor(teamId, subscription.Id))
            .WithCronSchedule(DigestCalendar.Cron(subscription.LocalTime), cron => cron
                .InTimeZone(zone)
                .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .StartAt(time.GetUtcNow())
            .Build();
    }
}

/// <summary>At start-up: every active subscription of every workspace has its schedule, and none is left for a paused one.</summary>
public sealed class DigestScheduleSync(IWorkspaceStorage storage, DigestScheduler scheduler, ILogger<DigestScheduleSync> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var added = 0;
        foreach (var teamId in await storage.ListTeamsAsync(stoppingToken))
        {
            foreach (var subscription in await storage.ForTeam(teamId).Subscriptions.ListAsync(stoppingToken))
            {
                if (subscription.IsPaused)
                {
                    await scheduler.UnscheduleAsync(teamId, subscription.Id, stoppingToken);
                }
                else if (await scheduler.EnsureScheduledAsync(teamId, subscription, stoppingToken))
                {
                    added++;
                }
            }
        }

        logger.LogInformation("Digest schedules checked; {Added} added or changed", added);
    }
}
