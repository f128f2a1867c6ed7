using Hangfire;
using Hangfire.Common;
using Microsoft.Extensions.Options;
using TikTokBot.Storage;
using TikTokBot.Jobs;

namespace TikTokBot.Checkins;

/// <summary>
/// Keeps one Hangfire recurring job per active channel subscription (<c>recap:&lt;team&gt;:&lt;channel&gt;</c>): the weekly
/// recap on <c>Checkins:Recap:Day</c> at <c>Checkins:Recap:Hour</c> in the subscription's time zone, on the scheduler the
/// digests run on. A copy of the subscriptions table, made again at start and every hour (<see cref="RecapSchedule"/>),
/// so a channel subscribed since gets its recap and one unsubscribed loses it.
/// </summary>
internal sealed class RecapScheduler
{
    private const string Prefix = "recap:";
    private readonly RecurringJobs _jobs;
    private readonly IWorkspaceStorage _workspaces;
    private readonly IOptionsMonitor<RecapOptions> _options;

    public RecapScheduler(RecurringJobs jobs, IWorkspaceStorage workspaces, IOptionsMonitor<RecapOptions> options)
    {
        _jobs = jobs;
        _workspaces = workspaces;
        _options = options;
    }

    public static string RecurringJobId(string teamId, string channelId) => $"{Prefix}{teamId}:{channelId}";

    /// <summary>The hourly run of <see cref="SyncAsync"/> (recurring job <c>checkins:recap-schedules</c>).</summary>
    [JobDisplayName("Check-in recap schedules")]
    public async Task RunAsync(CancellationToken ct) => await SyncAsync(ct);

    /// <summary>Every active subscription has its recap job as configured and no other recap job is left; returns how many were added or changed, and removed.</summary>
    public async Task<(int Changed, int Removed)> SyncAsync(CancellationToken ct)
    {
        var cron = _options.CurrentValue.Cron;
        var existing = _jobs.IdsUnder(Prefix);
        var kept = new HashSet<string>(StringComparer.Ordinal);
        var changed = 0;
        foreach (var teamId in await _workspaces.ListTeamsAsync(ct))
        {
            foreach (var subscription in await _workspaces.ForTeam(teamId).Subscriptions.ListAsync(ct))
            {
                if (subscription.IsPaused)
                {
                    continue;
                }

                var id = RecurringJobId(teamId, subscription.ChannelId);
                kept.Add(id);
                if (_jobs.IsScheduled(id, cron, subscription.TimeZone, subscription.Id))
                {
                    continue;
                }

                var (team, subscriptionId) = (teamId, subscription.Id);
                _jobs.Schedule(id, Job.FromExpression<RecapJob>(recap => recap.SendDueAsync(team, subscriptionId, null, CancellationToken.None)), cron, subscription.TimeZone);
                changed++;
            }
        }

        var removed = 0;
        foreach (var stale in existing.Where(id => !kept.Contains(id)))
        {
            _jobs.Remove(stale);
            removed++;
        }

        return (changed, removed);
    }

    /// <summary>
    /// Each active subscription's latest recap firing at or before <paramref name="now"/> (Checkins:Recap:Day at Hour in
    /// its zone), when the channel was subscribed by then: the recaps a start-up makes if no instance ran at that time.
    /// Whether a week was already posted is the recaps table's to say (its claim).
    /// </summary>
    public async Task<IReadOnlyList<(string TeamId, string SubscriptionId, DateTimeOffset Firing)>> MissedFiringsAsync(DateTimeOffset now, CancellationToken ct)
    {
        var cron = _options.CurrentValue.Cron;
        var firings = new List<(string, string, DateTimeOffset)>();
        foreach (var teamId in await _workspaces.ListTeamsAsync(ct))
        {
            foreach (var subscription in await _workspaces.ForTeam(teamId).Subscriptions.ListAsync(ct))
            {
                if (!subscription.IsPaused && LatestFiring(now, TimeZoneInfo.FindSystemTimeZoneById(subscription.TimeZone), cron) is { } firing &&
                    subscription.SubscribedAt <= firing)
                {
                    firings.Add((teamId, subscription.Id, firing));
                }
            }
        }

        return firings;
    }

    /// <summary>The latest firing of the weekly <paramref name="cron"/> in <paramref name="zone"/> at or before <paramref name="now"/> (a week and a day back at most: one always falls in it).</summary>
    public static DateTimeOffset? LatestFiring(DateTimeOffset now, TimeZoneInfo zone, string cron) =>
        RecurringJobs.LatestOccurrence(cron, zone, now.AddDays(-8), now);

    /// <summary>The recap job's next firing for a channel, or null when it has none.</summary>
    public DateTimeOffset? NextFiring(string teamId, string channelId) => _jobs.NextFiring(RecurringJobId(teamId, channelId));

    /// <summary>Runs a channel's recap now, as a firing of its recurring job would.</summary>
    public void TriggerNow(string teamId, string channelId) => _jobs.Trigger(RecurringJobId(teamId, channelId));
}
