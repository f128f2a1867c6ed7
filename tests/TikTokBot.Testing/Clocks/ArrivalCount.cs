namespace TikTokBot.Testing;

/// <summary>
/// How many of something a fake server has received, told on each arrival: a test waits for the n-th, never for a time.
/// </summary>
public sealed class ArrivalCount
{
    private readonly List<(int Count, TaskCompletionSource Done)> _waiters = [];
    private int _count;

    public int Count => Volatile.Read(ref _count);

    /// <summary>Counts one arrival and wakes the tests waiting for this many.</summary>
    public void Add()
    {
        Interlocked.Increment(ref _count);
        Wake();
    }

    /// <summary>
    /// Completes once <paramref name="count"/> have arrived; fails after 90 s of real time, only to keep a broken test
    /// from hanging.
    /// </summary>
    public async Task WhenAsync(int count, string what)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waiters)
        {
            _waiters.Add((count, done));
        }

        Wake();
        try
        {
            await done.Task.WaitAsync(TimeSpan.FromSeconds(90));
        }
        catch (TimeoutException)
        {
            throw new Xunit.Sdk.XunitException($"expected {count} {what}, got {Count}");
        }
    }

    private void Wake()
    {
        lock (_waiters)
        {
            foreach (var waiter in _waiters.Where(w => Count >= w.Count).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Done.TrySetResult();
            }
        }
    }
}
