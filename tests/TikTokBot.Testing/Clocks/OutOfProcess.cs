namespace TikTokBot.Testing;

/// <summary>
/// The test suite's one polling helper. Everything in this process signals when it changes (the Slack dispatcher's
/// idle signal, a Hangfire job's state change, a fake server's arrival signal, a clock's timer), and tests wait on those.
/// A server outside this process (PostgreSQL, a child process) cannot call us back: what it holds is read again until it
/// holds, every 50 ms, within a real-time bound that only keeps a broken test from hanging.
/// </summary>
public static class OutOfProcess
{
    /// <summary>Reads <paramref name="condition"/> (a query to the outside server) until it holds; fails naming <paramref name="what"/>.</summary>
    public static async Task PollAsync(Func<Task<bool>> condition, string what, TimeSpan? within = null)
    {
        using var limit = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(90));
        while (!await condition())
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), limit.Token);
            }
            catch (OperationCanceledException)
            {
                throw new Xunit.Sdk.XunitException($"the outside server never showed {what}");
            }
        }
    }
}
