using TikTokBot.Testing;

namespace TikTokBot.Storage.Tests;

/// <summary>Tests run on a clock they are given and wait on signals (README, "Clocks and signals").</summary>
public sealed class ClockAndSignalTests
{
    [Fact]
    public void No_test_reads_the_machines_clock() => RealClockGuard.AssertNoClockReads(typeof(ClockAndSignalTests).Assembly);

    [Fact]
    public void Nothing_waits_by_the_clock() => RealClockGuard.AssertWaitsOnlyIn(typeof(ClockAndSignalTests).Assembly);
}
