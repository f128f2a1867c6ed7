using TikTokBot.Slack.WebApi;

namespace TikTokBot.Slack.Tests.WebApi;

public class ChannelPacerTests
{
    /// <summary>Time that never moves, so the bucket never refills during the test.</summary>
    private sealed class FrozenTime : TimeProvider
    {
        public override long GetTimestamp() => 1_000_000;
    }

    [Fact]
    public async Task A_channel_may_burst_then_waits_while_other_channels_go_on()
    {
        var pacer = new ChannelPacer(new FrozenTime(), TimeSpan.FromMinutes(10), burst: 3);
        using var cts = new CancellationTokenSource();

        for (var i = 0; i < 3; i++)
        {
            var enter = pacer.EnterAsync("C1", cts.Token);
            Assert.True(enter.IsCompletedSuccessfully, $"burst message {i + 1} should go at once");
            (await enter).Dispose();
        }
        var fourth = pacer.EnterAsync("C1", cts.Token);
        var otherChannel = pacer.EnterAsync("C2", cts.Token);

        Assert.False(fourth.IsCompleted);
        Assert.True(otherChannel.IsCompletedSuccessfully);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fourth);
    }

    [Fact]
    public async Task A_channel_admits_one_caller_at_a_time_in_arrival_order()
    {
        var pacer = new ChannelPacer(new FrozenTime(), TimeSpan.FromMinutes(10), burst: 100);
        var first = await pacer.EnterAsync("C1", CancellationToken.None);
        var second = pacer.EnterAsync("C1", CancellationToken.None);
        var third = pacer.EnterAsync("C1", CancellationToken.None);
        Assert.False(second.IsCompleted);

        first.Dispose();
        var secondLane = await second;
        Assert.False(third.IsCompleted);
        secondLane.Dispose();
        (await third).Dispose();
    }
}
