namespace TikTokBot.Testing;

/// <summary>
/// A clock on a fixed date (<see cref="TestClock.DefaultStart"/>) whose time runs on as the machine's monotonic counter
/// measures it: for a whole app whose own timers must really run (an inline answer's budget, Slack's ack deadline, a
/// retry's back-off) in tests that do not move time themselves. It never reads the machine's date: what a test sees and
/// what the app under test computes are on the same fixed day, whatever today is. Every test app starts on
/// <see cref="Shared"/> unless its test gives it a <see cref="TestClock"/> or a FakeTimeProvider.
/// </summary>
public sealed class RunningClock : TimeProvider
{
    private readonly DateTimeOffset _start;
    private readonly long _origin;

    public RunningClock(DateTimeOffset start)
    {
        _start = start;
        _origin = GetTimestamp();
    }

    /// <summary>The one running clock every test app and the requests signed for it share.</summary>
    public static RunningClock Shared { get; } = new(TestClock.DefaultStart);

    public override DateTimeOffset GetUtcNow() => _start + GetElapsedTime(_origin);
}
