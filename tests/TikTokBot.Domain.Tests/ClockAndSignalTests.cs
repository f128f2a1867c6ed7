using TikTokBot.Testing;

namespace TikTokBot.Domain.Tests;

/// <summary>Tests run on a clock they are given and wait on signals (README, "Clocks and signals").</summary>
public sealed class ClockAndSignalTests
{
    // The purity test's sample reads the clock on purpose, so that the scanner has something to find; it is never called.
    private static readonly Type ImpureSample = typeof(DomainPurityTests).GetNestedType("ImpureSample", System.Reflection.BindingFlags.NonPublic)!;

    [Fact]
    public void No_test_reads_the_machines_clock() => RealClockGuard.AssertNoClockReads(typeof(ClockAndSignalTests).Assembly, ImpureSample);

    [Fact]
    public void Nothing_waits_by_the_clock_but_the_purity_tests_sample() => RealClockGuard.AssertWaitsOnlyIn(typeof(ClockAndSignalTests).Assembly, ImpureSample);
}
