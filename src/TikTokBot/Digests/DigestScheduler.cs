using System.Globalization;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using TikTokBot.Storage;
using TikTokBot.Jobs;

namespace TikTokBot.Digests;

/// <summary>
/// Keeps one Hangfire recurring job per subscription (<c>digest:&lt;team&gt;:&lt;channel&gt;</c>), a daily cron in the
/// subscription's own time zone, and schedules one-off attempts. The recurring jobs are a copy of our subscriptions
/// table, rebuilt at every start (<see cref="DigestScheduleSync"/>), so a store that forgets them loses nothing.
/// </summary>
internal sealed class DigestScheduler
{
    private const string Prefix = "digest:";
    private readonly RecurringJobs _recurring;
    private readonly IWorkspaceStorage _workspaces;
    private readonly TimeProvider _time;
    private readonly BackgroundJobClient _jobs;

    public DigestScheduler(RecurringJobs recurring, JobStorage storage, IJobFilterProvider filters, IWorkspaceStorage workspaces, TimeProvider time)
    {
        _recurring = recurring;
        _workspaces = workspaces;
        _time = time;
        _jobs = new BackgroundJobClient(storage, filters);
    }

    public static string RecurringJobId(string teamId, string channelId) => $"{Prefix}{teamId}:{channelId}";

    /// <summary>Creates or replaces the subscription's recurring job; returns its next firing.</summary>
    public Task<DateTimeOffset?> ScheduleAsync(string teamId, ChannelSubscription subscription, CancellationToken ct)
    {
        // A firing missed while no instance ran is made once, on time for the latest missed day; the start-up check of our
        // tables makes it too, whatever the store remembers, and the claim keeps it single.
        var id = RecurringJobId(teamId, subscription.ChannelId);
        _recurring.Schedule(id, Job.FromExpression<DigestJob>(job => job.SendDueAsync(teamId, subscription.Id, null, CancellationToken.None)),
            DigestCalendar.Cron(subscription.LocalTime), subscription.TimeZone);
        return Task.FromResult(_recurring.NextFiring(id));
    }

    /// <summary>Schedules the subscription unless the same schedule is there already; true when it added or changed one.</summary>
    public async Task<bool> EnsureScheduledAsync(string teamId, ChannelSubscription subscription, CancellationToken ct)
    {
        if (_recurring.IsScheduled(RecurringJobId(teamId, subscription.ChannelId), DigestCalendar.Cron(subscription.LocalTime), subscription.TimeZone, subscription.Id))
        {
            return false;
        }

        await ScheduleAsync(teamId, subscription, ct);
        return true;
    }

    public async Task<bool> UnscheduleAsync(string teamId, string subscriptionId, CancellationToken ct)
    {
        var channelId = await _workspaces.ForTeam(teamId).Subscriptions.FindChannelAsync(subscriptionId, ct);
        if (channelId is null || !_recurring.Exists(RecurringJobId(teamId, channelId)))
        {
            return false;
        }

        _recurring.Remove(RecurringJobId(teamId, channelId));
        return true;
    }

    public async Task<DateTimeOffset?> NextFiringAsync(string teamId, string subscriptionId, CancellationToken ct)
    {
        var channelId = await _workspaces.ForTeam(teamId).Subscriptions.FindChannelAsync(subscriptionId, ct);
        return channelId is null ? null : _recurring.NextFiring(RecurringJobId(teamId, channelId));
    }

    /// <summary>One more attempt at one local date at <paramref name="at"/> (at once when that has passed).</summary>
    public Task ScheduleRetryAsync(string teamId, string subscriptionId, DateOnly localDate, DateTimeOffset at, CancellationToken ct)
    {
        var date = localDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var job = Job.FromExpression<DigestJob>(digest => digest.RetryAsync(teamId, subscriptionId, date, CancellationToken.None));

        // Hangfire's delayed jobs wait by the machine's clock, so the wait is handed over as a span from now.
        var wait = at - _time.GetUtcNow();
        _jobs.Create(job, wait > TimeSpan.Zero ? new ScheduledState(wait) : new EnqueuedState());
        return Task.CompletedTask;
    }

    /// <summary>Runs the subscription's due digest now, as a firing of its recurring job would.</summary>
    public void TriggerNow(string teamId, string channelId) => _recurring.Trigger(RecurringJobId(teamId, channelId));

    /// <summary>Every digest recurring job id the store holds.</summary>
    internal IReadOnlyList<string> RecurringJobIds() => _recurring.IdsUnder(Prefix);

    internal void Remove(string recurringJobId) => _recurring.Remove(recurringJobId);
}
