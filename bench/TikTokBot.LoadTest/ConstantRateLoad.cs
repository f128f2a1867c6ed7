using System.Diagnostics;
using System.Text.Json;

namespace TikTokBot.LoadTest;

/// <summary>What one constant-rate run measured.</summary>
internal sealed record RateResult(
    string Kind, string Label, int Run, double Rate, double Seconds, int Due, int Ok, int Errors, int NotSent, int ReadingAcks,
    LatencySummary Latency, LatencySummary SendLag);

/// <summary>
/// Sends one signed request at a fixed rate for a fixed time, however slowly the server answers (wrk cannot
/// throttle and Debian has no wrk2). Latency runs from the moment each request was due, not from when it went out,
/// so a stalled server is charged for the requests it held back (no coordinated omission).
/// </summary>
internal static class ConstantRateLoad
{
    // Bounds the load however the server behaves: past this many requests in flight, new ones are not sent and count as errors.
    private const int MaxInFlight = 2_000;

    public static async Task<int> RunAsync(Arguments arguments, CancellationToken stop)
    {
        var url = new Uri(arguments.Text("url"));
        var request = SignedRequest.ReadFrom(arguments.Text("request"));
        var rate = arguments.Number("rate");
        var seconds = arguments.Number("seconds");
        var result = await RunAsync(url, request, rate, seconds, arguments.Text("label", "rate"), (int)arguments.Number("run", 1), stop);
        Console.WriteLine(JsonSerializer.Serialize(result, JsonOutput.Options));
        return 0;
    }

    private static async Task<RateResult> RunAsync(Uri url, SignedRequest request, double rate, double seconds, string label, int run, CancellationToken stop)
    {
        // As many connections as the load needs at a few milliseconds each; a request waiting for one is charged the wait.
        using var client = JsonOutput.LoopbackClient(maxConnections: 64);
        var total = (int)(rate * seconds);
        var latencies = new double[total];
        var lags = new double[total];
        var failed = new bool[total];
        var reading = 0;
        var inFlight = 0;
        var shed = 0;
        var sends = new List<Task>(total);
        var interval = Stopwatch.Frequency / rate;
        var start = Stopwatch.GetTimestamp();

        for (var i = 0; i < total && !stop.IsCancellationRequested; i++)
        {
            var due = start + (long)(i * interval);
            var wait = LatencySummary.Milliseconds(Stopwatch.GetTimestamp(), due);
            if (wait >= 1)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(wait), stop).ContinueWith(_ => { }, TaskScheduler.Default);
            }

            var index = i;
            if (Volatile.Read(ref inFlight) >= MaxInFlight)
            {
                // Not sent: counted as an error, with the time it was held counted as its latency.
                failed[index] = true;
                shed++;
                latencies[index] = LatencySummary.Milliseconds(due, Stopwatch.GetTimestamp());
                continue;
            }

            Interlocked.Increment(ref inFlight);
            sends.Add(Send());

            // Runs on this thread until the request is on the wire, so there is no thread-pool hop before sending.
            async Task Send()
            {
                lags[index] = LatencySummary.Milliseconds(due, Stopwatch.GetTimestamp());
                try
                {
                    using var message = request.ToHttp(url);
                    using var response = await client.SendAsync(message, stop);
                    var body = await response.Content.ReadAsStringAsync(stop);
                    failed[index] = !response.IsSuccessStatusCode;
                    if (body.Contains("Reading ", StringComparison.Ordinal))
                    {
                        Interlocked.Increment(ref reading);
                    }
                }
                catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
                {
                    failed[index] = true;
                }

                latencies[index] = LatencySummary.Milliseconds(due, Stopwatch.GetTimestamp());
                Interlocked.Decrement(ref inFlight);
            }
        }

        await Task.WhenAll(sends);
        var scheduled = sends.Count + shed;
        var errors = failed.Take(scheduled).Count(f => f);
        return new RateResult("rate", label, run, rate, seconds, scheduled, scheduled - errors, errors, shed, reading,
            LatencySummary.Of(latencies.Take(scheduled)), LatencySummary.Of(lags.Take(scheduled)));
    }
}
