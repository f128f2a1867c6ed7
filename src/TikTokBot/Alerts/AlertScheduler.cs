using Hangfire;
using Hangfire.Common;
using Microsoft.Extensions.Options;
using TikTokBot.Domain.Alerts;
using TikTokBot.Jobs;

namespace TikTokBot.Alerts;

/// <summary>
/// One Hangfire recurring job per workspace with alerts on (<c>alerts:&lt;team&gt;</c>), every <c>Alerts:ScanEvery</c>.
/// A copy of our <c>alert_subscriptions</c> table, rebuilt at every start (<see cref="AlertScheduleSync"/>).
/// </summary>
internal sealed class AlertScheduler
{
    private const string Prefix = "alerts:";
    private readonly RecurringJobs _jobs;
    private readonly string _cron;

    public AlertScheduler(RecurringJobs jobs, IOptions<AlertOptions> options)
    {
        _jobs = jobs;
        _cron = Cron(options.Value.ScanEvery);
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
        if (_jobs.IsScheduled(RecurringJobId(teamId), _cron, TimeZoneInfo.Utc.Id))
        {
            return false;
        }

        _jobs.Schedule(RecurringJobId(teamId), Job.FromExpression<AlertJob>(job => job.ScanAsync(teamId, CancellationToken.None)), _cron, TimeZoneInfo.Utc.Id);
        return true;
    }

    public void Unschedule(string teamId) => _jobs.Remove(RecurringJobId(teamId));

    public DateTimeOffset? NextScan(string teamId) => _jobs.NextFiring(RecurringJobId(teamId));

    /// <summary>Runs the workspace's scan now, as a firing of its recurring job would.</summary>
    public void TriggerNow(string teamId) => _jobs.Trigger(RecurringJobId(teamId));

    internal IReadOnlyList<string> RecurringJobIds() => _jobs.IdsUnder(Prefix);
}
