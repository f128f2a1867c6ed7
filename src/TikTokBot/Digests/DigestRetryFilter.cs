using Hangfire;
using Hangfire.Common;
using Hangfire.States;

namespace TikTokBot.Digests;

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
