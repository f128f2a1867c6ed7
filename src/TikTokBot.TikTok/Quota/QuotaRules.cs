namespace TikTokBot.TikTok.Quota;

/// <summary>
/// The shared budget as stored: calls counted in the current second, minute and UTC day (fixed windows, by their
/// start), the earliest time the next call may go (the pace), the end of a pause after a 40100, until when each
/// priority has a caller waiting (so lower priorities stand aside for them on every instance), and when TikTok last
/// answered 40100 (a second breach soon after pauses longer).
/// </summary>
public sealed record QuotaState(
    DateTimeOffset SecondStart, int SecondUsed,
    DateTimeOffset MinuteStart, int MinuteUsed,
    DateTimeOffset DayStart, int DayUsed,
    DateTimeOffset NextAt,
    DateTimeOffset? PausedUntil,
    DateTimeOffset PersonWaitingUntil, DateTimeOffset DigestWaitingUntil, DateTimeOffset AlertScanWaitingUntil,
    DateTimeOffset ThrottledAt = default)
{
    public static readonly QuotaState Empty = new(
        DateTimeOffset.MinValue, 0, DateTimeOffset.MinValue, 0, DateTimeOffset.MinValue, 0, DateTimeOffset.MinValue, null,
        DateTimeOffset.MinValue, DateTimeOffset.MinValue, DateTimeOffset.MinValue);

    /// <summary>Until when a caller of <paramref name="priority"/> is waiting (history read-ahead holds no one back, so it has no mark).</summary>
    public DateTimeOffset WaitingUntil(TikTokCallPriority priority) => priority switch
    {
        TikTokCallPriority.Person => PersonWaitingUntil,
        TikTokCallPriority.Digest => DigestWaitingUntil,
        TikTokCallPriority.AlertScan => AlertScanWaitingUntil,
        _ => DateTimeOffset.MinValue,
    };

    public QuotaState WithWaiting(TikTokCallPriority priority, DateTimeOffset until) => priority switch
    {
        TikTokCallPriority.Person => this with { PersonWaitingUntil = Later(PersonWaitingUntil, until) },
        TikTokCallPriority.Digest => this with { DigestWaitingUntil = Later(DigestWaitingUntil, until) },
        TikTokCallPriority.AlertScan => this with { AlertScanWaitingUntil = Later(AlertScanWaitingUntil, until) },
        _ => this,
    };

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}

/// <summary>Why a call was not granted yet.</summary>
public enum QuotaWait
{
    /// <summary>Calls are spaced evenly; the next slot is a few milliseconds away.</summary>
    Pace,

    /// <summary>A more urgent caller is waiting somewhere in the cluster.</summary>
    MoreUrgentWaiting,

    /// <summary>The second, minute or day is spent (for this priority).</summary>
    WindowSpent,

    /// <summary>TikTok answered 40100: every instance holds off.</summary>
    Paused,
}

/// <summary>A grant, or when to ask again and why.</summary>
public readonly record struct QuotaDecision(bool Granted, DateTimeOffset RetryAt, QuotaWait Wait)
{
    public static QuotaDecision Grant(DateTimeOffset now) => new(true, now, default);
}

/// <summary>
/// The one decision of the shared budget, pure (the store supplies the state and the time, and keeps the result),
/// so the in-process and the PostgreSQL budget decide alike and are tested once on a fake clock.
/// </summary>
public sealed class QuotaRules(TikTokQuotaOptions options)
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    public TikTokQuotaOptions Options => options;

    /// <summary>
    /// The least time between two grants: the stricter of (window + arrival slack) / limit over the second and the
    /// minute. Even pacing rather than a bucket that refills in bursts: any run of grants then fits the limit in every
    /// sliding window, whatever edges TikTok counts its windows from. The day is a cap, not a pace: the report task
    /// budget's 4,500 a day, paced evenly, would space its calls 19 seconds apart.
    /// </summary>
    public TimeSpan Spacing { get; } = new[]
    {
        (Second + options.ArrivalSlack) / options.PerSecond,
        (Minute + options.ArrivalSlack) / options.PerMinute,
    }.Max();

    /// <summary>What a caller of <paramref name="priority"/> may use of a window of <paramref name="limit"/>.</summary>
    public int Cap(int limit, TikTokCallPriority priority) =>
        priority == TikTokCallPriority.Person ? limit : limit - (int)Math.Floor(limit * options.KeptForPeople);

    /// <summary>Whether a call of <paramref name="priority"/> may go at <paramref name="now"/>, and the state after asking.</summary>
    public (QuotaState State, QuotaDecision Decision) Take(QuotaState state, TikTokCallPriority priority, DateTimeOffset now)
    {
        state = Roll(state, now);
        if (Refusal(state, priority, now) is { } wait)
        {
            // Marked until just after the retry, so a grant at the retry still keeps lower priorities out of that slot;
            // not a person who would wait longer than they are kept waiting: they are told to come back instead.
            var waits = priority != TikTokCallPriority.Person || wait.RetryAt - now <= options.PersonMaxWait;
            return (waits ? state.WithWaiting(priority, wait.RetryAt + Spacing) : state, wait);
        }

        return (state with
        {
            SecondUsed = state.SecondUsed + 1,
            MinuteUsed = state.MinuteUsed + 1,
            DayUsed = state.DayUsed + 1,
            NextAt = now + Spacing,
        }, QuotaDecision.Grant(now));
    }

    /// <summary>
    /// TikTok answered 40100: every instance holds off. For <see cref="TikTokQuotaOptions.FirstThrottlePause"/> after a
    /// first breach within the minute (calls bunched into one of TikTok's seconds: that second is over in one); for
    /// <see cref="TikTokQuotaOptions.ThrottlePause"/> when the app had used its whole minute (TikTok asks for about 5
    /// minutes then) or TikTok throttled again within <see cref="TikTokQuotaOptions.ThrottlePause"/> of an earlier breach.
    /// 40100 answers within the first pause of a breach are calls that were already in flight: the same breach. A longer
    /// pause already set stands.
    /// </summary>
    public QuotaState Pause(QuotaState state, DateTimeOffset now)
    {
        state = Roll(state, now);
        var first = options.FirstThrottlePause < options.ThrottlePause ? options.FirstThrottlePause : options.ThrottlePause;
        var sameBreach = now < state.ThrottledAt + first;
        var again = !sameBreach && now < state.ThrottledAt + options.ThrottlePause;
        var until = now + (again || state.MinuteUsed >= options.PerMinute ? options.ThrottlePause : first);
        state = sameBreach ? state : state with { ThrottledAt = now };
        return state.PausedUntil is { } set && set >= until ? state : state with { PausedUntil = until };
    }

    /// <summary>The state with windows that ended emptied, for showing what is used now.</summary>
    public QuotaState Roll(QuotaState state, DateTimeOffset now)
    {
        var second = Floor(now, Second);
        var minute = Floor(now, Minute);
        var day = Floor(now, Day);
        return state with
        {
            SecondStart = second,
            SecondUsed = state.SecondStart == second ? state.SecondUsed : 0,
            MinuteStart = minute,
            MinuteUsed = state.MinuteStart == minute ? state.MinuteUsed : 0,
            DayStart = day,
            DayUsed = state.DayStart == day ? state.DayUsed : 0,
            PausedUntil = state.PausedUntil > now ? state.PausedUntil : null,
        };
    }

    private QuotaDecision? Refusal(QuotaState state, TikTokCallPriority priority, DateTimeOffset now)
    {
        if (state.PausedUntil is { } paused && paused > now)
        {
            return new QuotaDecision(false, paused, QuotaWait.Paused);
        }

        for (var urgent = TikTokCallPriority.Person; urgent < priority; urgent++)
        {
            if (state.WaitingUntil(urgent) > now)
            {
                return new QuotaDecision(false, Later(state.WaitingUntil(urgent), state.NextAt), QuotaWait.MoreUrgentWaiting);
            }
        }

        if (state.NextAt > now)
        {
            return new QuotaDecision(false, state.NextAt, QuotaWait.Pace);
        }

        if (state.DayUsed >= Cap(options.PerDay, priority))
        {
            return new QuotaDecision(false, state.DayStart + Day, QuotaWait.WindowSpent);
        }

        if (state.MinuteUsed >= Cap(options.PerMinute, priority))
        {
            return new QuotaDecision(false, state.MinuteStart + Minute, QuotaWait.WindowSpent);
        }

        if (state.SecondUsed >= Cap(options.PerSecond, priority))
        {
            return new QuotaDecision(false, state.SecondStart + Second, QuotaWait.WindowSpent);
        }

        return null;
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Floor(DateTimeOffset now, TimeSpan window) =>
        new(now.UtcTicks - now.UtcTicks % window.Ticks, TimeSpan.Zero);
}
