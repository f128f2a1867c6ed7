using Hangfire;
using Hangfire.Common;
using Hangfire.Storage;
using Microsoft.Extensions.Options;
using TikTokBot.Domain.Alerts;

namespace TikTokBot.Alerts;

/// <summary>
/// One Hangfire recurring job per workspace with alerts on (<c>alerts:&lt;team&gt;</c>), every <c>Alerts:ScanEvery</c>.
/// A copy of our <c>alert_subscriptions</c> table, rebuilt at every start (<see cref="AlertScheduleSync"/>).
/// </summary>
internal sealed class AlertScheduler
{
    private const string Prefix = "alerts:";
    private readonly JobStorage _storage;
    private readonly IRecurringJobManagerV2 _recurring;
    private readonly string _cron;

    public AlertScheduler(JobStorage storage, IRecurringJobManagerV2 recurring, IOptions<AlertOptions> options)
    {
        _storage = storage;
        _cron = Cron(options.Value.ScanEvery);
        _recurring = recurring;
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
