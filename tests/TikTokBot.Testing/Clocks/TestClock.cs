using Microsoft.Extensions.Time.Testing;

namespace TikTokBot.Testing;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that says when the code under test sets a timer (<see cref="WhenTimerAsync"/>), and
/// that can let the code's own short waits pass at once: with <c>passWaitsUpTo</c>, a timer due within that span moves the
/// clock to its due time as soon as it is set, so a retry back-off, a Retry-After or a rate limit's pause is over without
/// any real time passing, and the code reads the time it would have read after waiting. Timers due later (a timeout)
/// wait for the test's <see cref="FakeTimeProvider.Advance"/>. Nothing here reads the machine's clock.
/// </summary>
public sealed class TestClock : FakeTimeProvider
{
    /// <summary>The date every test clock starts on unless a test names another.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    private readonly TimeSpan _passWaitsUpTo;
    private readonly Lock _gate = new();
    private readonly List<(Func<TimeSpan, bool> Match, TaskCompletionSource<TimeSpan> Done)> _waiters = [];

    public TestClock(TimeSpan? passWaitsUpTo = null)
        : this(DefaultStart, passWaitsUpTo)
    {
    }

    public TestClock(DateTimeOffset start, TimeSpan? passWaitsUpTo = null)
        : base(start)
    {
        _passWaitsUpTo = passWaitsUpTo ?? TimeSpan.Zero;
    }

    /// <summary>
    /// A clock for a client whose only use of time is waiting (retry back-offs, Retry-After, a rate limit's pace): every
    /// wait of up to an hour passes at once, on <see cref="DefaultStart"/>.
    /// </summary>
    public static TestClock WaitsPassAtOnce() => new(passWaitsUpTo: TimeSpan.FromHours(1));

    /// <summary>
    /// Completes, with its due time, when the code sets a timer that <paramref name="match"/> accepts (call it before the
    /// step that sets the timer). A broken test fails after <paramref name="within"/> (30 s of real time) instead of hanging.
    /// </summary>
    public async Task<TimeSpan> WhenTimerAsync(Func<TimeSpan, bool> match, TimeSpan? within = null)
    {
        var done = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _waiters.Add((match, done));
        }

        try
        {
            return await done.Task.WaitAsync(within ?? TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            throw new Xunit.Sdk.XunitException("the code under test set no timer the test was waiting for");
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        List<TaskCompletionSource<TimeSpan>> matched;
        lock (_gate)
        {
            matched = _waiters.Where(w => w.Match(dueTime)).Select(w => w.Done).ToList();
            _waiters.RemoveAll(w => matched.Contains(w.Done));
        }

        matched.ForEach(done => done.TrySetResult(dueTime));
        if (dueTime > TimeSpan.Zero && dueTime <= _passWaitsUpTo)
        {
            // Moved on from the pool, not from inside the caller's CreateTimer: the timer is fully set up by then.
            var due = GetUtcNow() + dueTime;
            ThreadPool.UnsafeQueueUserWorkItem(clock => clock.MoveTo(due), this, preferLocal: false);
        }

        return timer;
    }

    /// <summary>Moves the clock to <paramref name="due"/> unless it is there already (concurrent waits never move it back).</summary>
    private void MoveTo(DateTimeOffset due)
    {
        lock (_gate)
        {
            if (due > GetUtcNow())
            {
                SetUtcNow(due);
            }
        }
    }
}
