using System.Globalization;
using Hangfire;
using Hangfire.Common;
using Hangfire.Server;
using TikTokBot.TikTok.Quota;
using static TikTokBot.Digests.DigestSender;
using Hangfire.States;

namespace TikTokBot.Digests;

/// <summary>
/// What Hangfire runs: one subscription's digest. When it runs is the recurring job's business
/// (<see cref="DigestScheduler"/>); whether the day still needs sending is our tables' (<see cref="DigestSender"/>), so
/// a run Hangfire makes twice, by hand or on two instances posts nothing twice.
/// </summary>
internal sealed class DigestJob(DigestSender sender, DigestScheduler scheduler, TimeProvider time, ILogger<DigestJob> logger)
{
    /// <summary>
    /// The recurring run: sends the latest day that fell due at or before the firing (Hangfire's <c>Time</c> parameter;
    /// a run by hand, the app's clock), late if it is late.
    /// </summary>
    [JobDisplayName("Digest {0}/{1}")]
    public async Task SendDueAsync(string teamId, string subscriptionId, PerformContext? context, CancellationToken ct)
    {
        var firedAt = context?.GetJobParameter<long?>("Time") is { } seconds
            ? new DateTimeOffset(JobHelper.FromTimestamp(seconds), TimeSpan.Zero)
            : time.GetUtcNow();
        await RunAsync(new DigestDue(teamId, subscriptionId, null, time.GetUtcNow(), FiredFor: firedAt), ct);
    }

    /// <summary>Another attempt at one local date, scheduled by our tables (after a restart, or once another sender's lease runs out).</summary>
    [JobDisplayName("Digest {0}/{1} for {2}")]
    public Task RetryAsync(string teamId, string subscriptionId, string localDate, CancellationToken ct) =>
        RunAsync(new DigestDue(teamId, subscriptionId, DateOnly.ParseExact(localDate, "yyyy-MM-dd", CultureInfo.InvariantCulture), time.GetUtcNow()), ct);

    private async Task RunAsync(DigestDue due, CancellationToken ct)
    {
        // A digest's TikTok calls wait behind a person's, ahead of alert scans and history reads.
        using var priority = TikTokCallScope.Enter(TikTokCallPriority.Digest);
        var result = await sender.SendAsync(due, ct);
        switch (result)
        {
            case { Outcome: DigestOutcome.ClaimedElsewhere, RetryAt: { } at, LocalDate: { } day }:
                await scheduler.ScheduleRetryAsync(due.TeamId, due.SubscriptionId, day, at, ct);
                break;
            case { Outcome: DigestOutcome.Failed, RetryAt: { } at }:
                // Hangfire schedules the attempt (DigestRetryFilter); our table already says when, for a restart.
                throw new DigestRetryException(result.Failure ?? "failed", at - time.GetUtcNow());
            case { Outcome: DigestOutcome.Failed }:
                logger.LogError("Digest {SubscriptionId} for {LocalDate} is given up ({Failure})", due.SubscriptionId, result.LocalDate, result.Failure);
                throw new DigestGivenUpException(result.Failure ?? "failed");
            case { Outcome: DigestOutcome.NotSubscribed or DigestOutcome.Paused }:
                await scheduler.UnscheduleAsync(due.TeamId, due.SubscriptionId, ct);
                break;
        }
    }

    /// <summary>
    /// Retries on our delays: a failure the sender reported is tried again when it said; anything else that escapes the
    /// job (the database unreachable, say) is retried by Hangfire's own <see cref="AutomaticRetryAttribute"/> after
    /// <c>Digests:RetryDelays</c>; a day given up is not retried.
    /// </summary>
    internal sealed class DigestRetryFilter(IReadOnlyList<TimeSpan> delays) : JobFilterAttribute, IElectStateFilter
    {
        private readonly AutomaticRetryAttribute _automatic = new()
        {
            Attempts = delays.Count,
            DelaysInSeconds = [.. delays.Select(delay => (int)Math.Ceiling(delay.TotalSeconds))],
            OnAttemptsExceeded = AttemptsExceededAction.Fail,
            ExceptOn = [typeof(DigestRetryException), typeof(DigestGivenUpException)],
        };

        public void OnStateElection(ElectStateContext context)
        {
            if (context.CandidateState is FailedState { Exception: DigestRetryException retry })
            {
                context.CandidateState = new ScheduledState(retry.Delay) { Reason = retry.Message };
                return;
            }

            _automatic.OnStateElection(context);
        }
    }
}
