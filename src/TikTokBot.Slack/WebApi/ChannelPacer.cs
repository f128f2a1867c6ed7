using System.Collections.Concurrent;

namespace TikTokBot.Slack.WebApi;

/// <summary>
/// Paces chat.postMessage per channel: a token bucket (short bursts, then one per interval) behind a
/// FIFO gate held for the whole call, retries included, so messages to one channel leave in order.
/// </summary>
internal sealed class ChannelPacer(TimeProvider time, TimeSpan interval, int burst)
{
    private readonly ConcurrentDictionary<string, Lane> _lanes = new(StringComparer.Ordinal);

    public async Task<IDisposable> EnterAsync(string channel, CancellationToken ct)
    {
        var lane = _lanes.GetOrAdd(channel, _ => new Lane(burst, time.GetTimestamp()));
        await lane.Gate.WaitAsync(ct);
        try
        {
            var wait = lane.Take(time, interval, burst);
            if (wait > TimeSpan.Zero)
                await Task.Delay(wait, time, ct);
            return lane;
        }
        catch
        {
            lane.Gate.Release();
            throw;
        }
    }

    private sealed class Lane(int tokens, long stamp) : IDisposable
    {
        private double _tokens = tokens;
        private long _stamp = stamp;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public TimeSpan Take(TimeProvider time, TimeSpan interval, int burst)
        {
            var now = time.GetTimestamp();
            _tokens = Math.Min(burst, _tokens + time.GetElapsedTime(_stamp, now) / interval);
            _stamp = now;
            if (_tokens >= 1)
            {
                _tokens -= 1;
                return TimeSpan.Zero;
            }
            var wait = interval * (1 - _tokens);
            _tokens = 0;
            _stamp = now + (long)(wait.TotalSeconds * time.TimestampFrequency);
            return wait;
        }

        public void Dispose() => Gate.Release();
    }
}
