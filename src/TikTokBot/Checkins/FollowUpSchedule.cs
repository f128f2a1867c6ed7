using Hangfire;
using Hangfire.Common;

namespace TikTokBot.Checkins;

/// <summary>At start-up: the one recurring follow-up job (<c>checkins:follow-ups</c>), every hour on the app's clock.</summary>
internal sealed class FollowUpSchedule(IRecurringJobManager recurring, ILogger<FollowUpSchedule> logger) : IHostedService
{
    public const string RecurringJobId = "checkins:follow-ups";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            recurring.AddOrUpdate(RecurringJobId, Job.FromExpression<FollowUpJob>(job => job.RunAsync(CancellationToken.None)), "0 * * * *",
                    new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc, MisfireHandling = MisfireHandlingMode.Relaxed });
        }
        catch (Exception e)
        {
            // A job store out of reach at start must not stop the app; the schedule is added at the next start.
            logger.LogError(e, "The check-in follow-ups could not be scheduled at start ({Failure})", e.GetType().Name);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
