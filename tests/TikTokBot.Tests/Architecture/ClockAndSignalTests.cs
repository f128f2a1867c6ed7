using TikTokBot.Testing;

namespace TikTokBot.Tests.Architecture;

/// <summary>
/// Tests run on a clock they are given and wait on signals (README, "Clocks and signals"): read in the IL of this
/// assembly and of the shared fakes (TikTokBot.Testing).
/// </summary>
public sealed class ClockAndSignalTests
{
    [Fact]
    public void No_test_reads_the_machines_clock()
    {
        RealClockGuard.AssertNoClockReads(typeof(ClockAndSignalTests).Assembly);
        RealClockGuard.AssertNoClockReads(typeof(OutOfProcess).Assembly);
    }

    [Fact]
    public void Only_the_one_polling_helper_and_fakes_playing_a_slow_server_wait_by_the_clock()
    {
        // A fake Slack that answers late or never (a fault the test scripts); the fakes of TikTok that answer slowly or hang.
        RealClockGuard.AssertWaitsOnlyIn(typeof(ClockAndSignalTests).Assembly, typeof(FakeSlackAppFactory), typeof(Digests.ScriptedSlack));
        RealClockGuard.AssertWaitsOnlyIn(typeof(OutOfProcess).Assembly, typeof(OutOfProcess), typeof(FakeTikTokApi), typeof(FakeTikTokWrites));
    }
}
