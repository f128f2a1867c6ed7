using Hangfire;
using Hangfire.Common;

namespace TikTokBot.Reports;

/// <summary>At start: the hourly read-ahead is scheduled, and every source's history is read (or brought back from storage) now.</summary>
internal sealed class AccountHistoryReadAheadStart(
    AccountHistoryReadAhead readAhead, IRecurringJobManager recurring, Microsoft.Extensions.Options.IOptions<ReportOptions> options,
    ILogger<AccountHistoryReadAheadStart> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.ReadHistoryAhead)
        {
            return;
        }

        try
        {
            recurring.AddOrUpdate(AccountHistoryReadAhead.RecurringJobId, Job.FromExpression<AccountHistoryReadAhead>(r => r.ReadAllAsync(CancellationToken.None)),
                    AccountHistoryReadAhead.Cron, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc, MisfireHandling = MisfireHandlingMode.Relaxed });
            await readAhead.ReadAllAsync(stoppingToken);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            // A background service that throws stops the whole host: a database or scheduler out of reach at start must
            // only postpone the read (replies wait for it when asked; the hourly job reads it once the store is back).
            logger.LogWarning(e, "The account histories could not be read ahead at start ({Failure}); they are read when asked", e.GetType().Name);
        }
    }
}
