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

    [Fact]
    public async Task A_handler_that_fails_while_the_host_stops_after_disposal_neither_fails_the_stop_nor_finds_the_token_gone()
    {
        var work = new SlackBackgroundWork(NullLogger<SlackBackgroundWork>.Instance);
        work.Dispose();
        // A handler still running when the disposed host is stopped again reads the stopping token, then fails.
        var handler = Task.Run(() =>
        {
            Assert.True(work.StoppingToken.IsCancellationRequested);
            throw new InvalidOperationException("the handler's own failure, logged by the dispatcher");
        });
        work.Track(handler);

        await work.StopAsync(CancellationToken.None);

        Assert.True(handler.IsFaulted);
        Assert.IsType<InvalidOperationException>(handler.Exception!.InnerException);
    }
}
