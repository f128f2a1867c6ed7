using System.Diagnostics;

namespace TikTokBot.LoadTest;

/// <summary>
/// Sends on a fixed schedule, <paramref name="rate"/> a second, whatever the answers do (an open loop: a slow answer never
/// delays the next send), so a latency is measured from the moment a request was due, not from when it went out.
/// </summary>
internal static class OpenLoop
{
    /// <summary>Starts <c>send(i)</c> at <c>due[i]</c> for each index until <paramref name="stop"/>; returns how many were sent, once all have ended.</summary>
    public static async Task<int> SendAsync(int total, double rate, long[] due, Func<int, Task> send, CancellationToken stop)
    {
        var interval = Stopwatch.Frequency / rate;
        var start = Stopwatch.GetTimestamp();
        var sends = new List<Task>(total);
        for (var i = 0; i < total && !stop.IsCancellationRequested; i++)
        {
            due[i] = start + (long)(i * interval);
            var wait = LatencySummary.Milliseconds(Stopwatch.GetTimestamp(), due[i]);
            if (wait >= 1)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(wait), stop).ContinueWith(_ => { }, TaskScheduler.Default);
            }

            var index = i;
            sends.Add(Task.Run(() => send(index), CancellationToken.None));
        }

        await Task.WhenAll(sends);
        return sends.Count;
    }
}
