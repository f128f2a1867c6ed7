using TikTokBot.Slack.Tests.Infrastructure;
using TikTokBot.Testing;

namespace TikTokBot.Slack.Tests;

/// <summary>Tests run on a clock they are given and wait on signals (README, "Clocks and signals").</summary>
public sealed class ClockAndSignalTests
{
    [Fact]
    public void No_test_reads_the_machines_clock() => RealClockGuard.AssertNoClockReads(typeof(ClockAndSignalTests).Assembly);

    // The fake Slack answers late when a test scripts a delay.
    [Fact]
    public void Only_the_fake_slack_waits_by_the_clock() => RealClockGuard.AssertWaitsOnlyIn(typeof(ClockAndSignalTests).Assembly, typeof(FakeSlack));
}
