using Hangfire;
using Hangfire.Common;

namespace TikTokBot.Checkins;

/// <summary>
/// At start-up: the recaps' schedules made from the subscriptions table now, and again every hour on the app's clock
/// (recurring job <c>checkins:recap-schedules</c>), so a subscription made or removed since is followed within the hour;
/// and each channel's latest recap, if its firing fell while no instance ran, made at once.
/// </summary>
internal sealed class RecapSchedule(IRecurringJobManager recurring, RecapScheduler scheduler, RecapJob recaps, TimeProvider time, ILogger<RecapSchedule> logger)
    : BackgroundService
{
    public const string RecurringJobId = "checkins:recap-schedules";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            recurring.AddOrUpdate(RecurringJobId, Job.FromExpression<RecapScheduler>(s => s.RunAsync(CancellationToken.None)), "30 * * * *",
                    new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc, MisfireHandling = MisfireHandlingMode.Relaxed });
            var (changed, removed) = await scheduler.SyncAsync(stoppingToken);
            logger.LogInformation("Check-in recap schedules checked: {Changed} added or changed, {Removed} removed", changed, removed);

            // A recap whose firing fell while no instance ran is posted now, once: the week's claim keeps a firing the
            // scheduler's store remembers (PostgreSQL) from posting it again.
            var now = time.GetUtcNow();
            foreach (var (teamId, subscriptionId, firing) in await scheduler.MissedFiringsAsync(now, stoppingToken))
            {
                if (await recaps.SendAsync(teamId, subscriptionId, firing, stoppingToken))
                {
                    logger.LogInformation("Recap {SubscriptionId} of the firing at {Firing:u} missed while no instance ran: made at start", subscriptionId, firing);
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A store out of reach at start must not stop the app; the schedules are made at the next start or hour.
            logger.LogError(e, "The check-in recaps could not be scheduled at start ({Failure})", e.GetType().Name);
        }
    }
}
