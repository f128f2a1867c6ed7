using Hangfire;
using Hangfire.Common;

namespace TikTokBot.Checkins;

/// <summary>
/// At start-up: the recaps' schedules made from the subscriptions table now, and again every hour on the app's clock
/// (recurring job <c>checkins:recap-schedules</c>), so a subscription made or removed since is followed within the hour.
/// </summary>
internal sealed class RecapSchedule(IRecurringJobManager recurring, RecapScheduler scheduler, ILogger<RecapSchedule> logger)
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
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A store out of reach at start must not stop the app; the schedules are made at the next start or hour.
            logger.LogError(e, "The check-in recaps could not be scheduled at start ({Failure})", e.GetType().Name);
        }
    }
}
