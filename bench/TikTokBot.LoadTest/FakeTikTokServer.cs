using TikTokBot.Testing;

namespace TikTokBot.LoadTest;

/// <summary>The tests' fake TikTok API for Business, answering every call after a fixed delay; prints its base URL.</summary>
internal static class FakeTikTokServer
{
    public static async Task<int> RunAsync(Arguments arguments, CancellationToken stop)
    {
        await using var fake = await FakeTikTokApi.StartAsync(DateOnly.FromDateTime(DateTime.UtcNow));
        fake.Delay = TimeSpan.FromMilliseconds(arguments.Number("delay-ms", 300));
        // One page per report, as TikTok's own 1,000-row pages give for the demo advertiser: the delay is per call, not per page.
        fake.MaxRowsPerPage = 1000;
        Console.WriteLine(fake.BaseUrl);
        await Task.Delay(Timeout.Infinite, stop).ContinueWith(_ => { }, TaskScheduler.Default);
        return 0;
    }
}
