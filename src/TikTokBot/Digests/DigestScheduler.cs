using System.Globalization;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Hangfire.Storage;
using TikTokBot.Storage;

namespace TikTokBot.Digests;

/// <summary>
/// Keeps one Hangfire recurring job per subscription (<c>digest:&lt;team&gt;:&lt;channel&gt;</c>), a daily cron in the
/// subscription's own time zone, and schedules one-off attempts. The recurring jobs are a copy of our subscriptions
/// table, rebuilt at every start (<see cref="DigestScheduleSync"/>), so a store that forgets them loses nothing.
/// </summary>
internal sealed class DigestScheduler
{
    private const string Prefix = "digest:";
    private readonly JobStorage _storage;
    private readonly IWorkspaceStorage _workspaces;
    private readonly TimeProvider _time;
    private readonly IRecurringJobManagerV2 _recurring;
    private readonly BackgroundJobClient _jobs;

    public DigestScheduler(JobStorage storage, IJobFilterProvider filters, IRecurringJobManagerV2 recurring, IWorkspaceStorage workspaces, TimeProvider time)
    {
        _storage = storage;
        _workspaces = workspaces;
        _time = time;
        _recurring = recurring;
        _jobs = new BackgroundJobClient(storage, filters);
    }

    public static string RecurringJobId(string teamId, string channelId) => $"{Prefix}{teamId}:{channelId}";

    /// <summary>Creates or replaces the subscription's recurring job; returns its next firing.</summary>
    public Task<DateTimeOffset?> ScheduleAsync(string teamId, ChannelSubscription subscription, CancellationToken ct)
    {
        var id = RecurringJobId(teamId, subscription.ChannelId);
        _recurring.AddOrUpdate(
            id,
            Job.FromExpression<DigestJob>(job => job.SendDueAsync(teamId, subscription.Id, null, CancellationToken.None)),
            DigestCalendar.Cron(subscription.LocalTime),
            new RecurringJobOptions
            {
                TimeZone = TimeZoneInfo.FindSystemTimeZoneById(subscription.TimeZone),

                // A firing missed while no instance ran is made once, on time for the latest missed day; the start-up
                // check of our tables makes it too, whatever the store remembers, and the claim keeps it single.
                MisfireHandling = MisfireHandlingMode.Relaxed,
            });
        return Task.FromResult(Find(id)?.NextExecution is { } next ? new DateTimeOffset(next, TimeSpan.Zero) : (DateTimeOffset?)null);
    }

    /// <summary>Schedules the subscription unless the same schedule is there already; true when it added or changed one.</summary>
    public async Task<bool> EnsureScheduledAsync(string teamId, ChannelSubscription subscription, CancellationToken ct)
    {
        if (Find(RecurringJobId(teamId, subscription.ChannelId)) is { } existing &&
            existing.Cron == DigestCalendar.Cron(subscription.LocalTime) && existing.TimeZoneId == subscription.TimeZone &&
            existing.Job?.Args.Count > 1 && Equals(existing.Job.Args[1], subscription.Id))
        {
            return false;
        }

        await ScheduleAsync(teamId, subscription, ct);
        return true;
    }

    public async Task<bool> UnscheduleAsync(string teamId, string subscriptionId, CancellationToken ct)
    {
        var channelId = await _workspaces.ForTeam(teamId).Subscriptions.FindChannelAsync(subscriptionId, ct);
        if (channelId is null || Find(RecurringJobId(teamId, channelId)) is null)
        {
            return false;
        }

        _recurring.RemoveIfExists(RecurringJobId(teamId, channelId));
        return true;
    }

    public async Task<DateTimeOffset?> NextFiringAsync(string teamId, string subscriptionId, CancellationToken ct)
    {
        var channelId = await _workspaces.ForTeam(teamId).Subscriptions.FindChannelAsync(subscriptionId, ct);
        return channelId is not null && Find(RecurringJobId(teamId, channelId))?.NextExecution is { } next
            ? new DateTimeOffset(next, TimeSpan.Zero)
            : null;
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
    public void TriggerNow(string teamId, string channelId) => _recurring.TriggerJob(RecurringJobId(teamId, channelId));

    /// <summary>Every digest recurring job id the store holds.</summary>
    internal IReadOnlyList<string> RecurringJobIds()
    {
        using var connection = _storage.GetConnection();
        return connection.GetRecurringJobs().Select(job => job.Id).Where(id => id.StartsWith(Prefix, StringComparison.Ordinal)).ToList();
    }

    internal void Remove(string recurringJobId) => _recurring.RemoveIfExists(recurringJobId);

    private RecurringJobDto? Find(string id)
    {
        using var connection = _storage.GetConnection();
        return connection.GetRecurringJobs([id]).FirstOrDefault(job => !job.Removed);
    }
}
