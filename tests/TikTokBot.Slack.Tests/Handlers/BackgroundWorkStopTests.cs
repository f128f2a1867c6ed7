using Microsoft.Extensions.Logging.Abstractions;
using TikTokBot.Slack.Handlers;

namespace TikTokBot.Slack.Tests.Handlers;

/// <summary>The handlers' background work at shutdown, when the host stops it more than once.</summary>
public sealed class BackgroundWorkStopTests
{
    [Fact]
    public async Task A_stop_after_disposal_with_work_still_running_returns_instead_of_throwing()
    {
        var work = new SlackBackgroundWork(NullLogger<SlackBackgroundWork>.Instance);
        var handler = new TaskCompletionSource();
        work.Track(handler.Task);
        var token = work.StoppingToken;
        using var timedOut = new CancellationTokenSource();
        await timedOut.CancelAsync();

        // The first stop runs out of time and cancels the handlers; the host disposes; a second stop runs out of time again.
        await work.StopAsync(timedOut.Token);
        Assert.True(token.IsCancellationRequested);
        work.Dispose();
        await work.StopAsync(timedOut.Token);

        Assert.Equal(1, work.Pending);
        handler.SetResult();
        Assert.Equal(0, work.Pending);
    }
}
