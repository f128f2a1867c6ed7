namespace TikTokBot.Storage.Tests.Infrastructure;

/// <summary>A clock that stands still until a test moves it.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; private set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;

    // Elapsed time (cache freshness) moves with the clock too, never with the machine's.
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Now.UtcTicks;
}
