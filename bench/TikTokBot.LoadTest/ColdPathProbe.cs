using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace TikTokBot.LoadTest;

/// <summary>What one cold-path run measured: the acknowledgement, and the answer delivered later through response_url.</summary>
internal sealed record ColdResult(
    string Kind, string Label, int Run, double Rate, int Sent, int AckErrors, int ReadingAcks, int Delivered, LatencySummary Ack, LatencySummary Answer);

/// <summary>
/// Summaries whose figures are not cached, sent at a fixed rate, each with its own response_url on a local listener:
/// the ack latency is read from the HTTP answer, the answer's from its arrival at the listener, both from the
/// moment the request was due.
/// </summary>
internal static class ColdPathProbe
{
    private static readonly TimeSpan DeliveryWait = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(Arguments arguments, CancellationToken stop)
    {
        var url = new Uri(arguments.Text("url"));
        var secret = arguments.Text("secret");
        var rate = arguments.Number("rate");
        var total = (int)(rate * arguments.Number("seconds"));
        var due = new long[total];
        var acked = new double[total];
        var answered = new double[total];
        Array.Fill(answered, double.NaN);
        var ackFailed = new bool[total];
        var reading = 0;
        var delivered = 0;
        using var allDelivered = new SemaphoreSlim(0);

        await using var listener = LocalServer.Create(0);
        listener.MapPost("/hook/{index:int}", async (int index, HttpRequest request) =>
        {
            var arrived = Stopwatch.GetTimestamp();
            await request.Body.CopyToAsync(Stream.Null);
            if (index >= 0 && index < total && double.IsNaN(answered[index]))
            {
                answered[index] = LatencySummary.Milliseconds(due[index], arrived);
                if (Interlocked.Increment(ref delivered) == total)
                {
                    allDelivered.Release();
                }
            }

            return Results.Ok();
        });
        await listener.StartAsync(stop);
        var hook = LocalServer.Address(listener) + "/hook/";

        using var client = JsonOutput.LoopbackClient();

        // The probe's own first request (its connection, its code compiling) is not the app's latency: pay it before timing.
        using (await client.GetAsync(new Uri(url, "/healthz"), stop))
        {
        }

        var sent = await OpenLoop.SendAsync(total, rate, due, async index =>
        {
            var request = SignedRequest.Sign(secret, SignedRequests.SummaryBody(hook + index.ToString(CultureInfo.InvariantCulture)));
            try
            {
                using var message = request.ToHttp(url);
                using var response = await client.SendAsync(message, stop);
                var body = await response.Content.ReadAsStringAsync(stop);
                acked[index] = LatencySummary.Milliseconds(due[index], Stopwatch.GetTimestamp());
                ackFailed[index] = !response.IsSuccessStatusCode;
                if (body.Contains("Reading ", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref reading);
                }
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
                ackFailed[index] = true;
            }
        }, stop);

        await allDelivered.WaitAsync(DeliveryWait, stop).ContinueWith(_ => { }, TaskScheduler.Default);
        var result = new ColdResult("cold", arguments.Text("label", "figures"), (int)arguments.Number("run", 1), rate, sent, ackFailed.Take(sent).Count(f => f), reading,
            Volatile.Read(ref delivered), LatencySummary.Of(acked.Take(sent)), LatencySummary.Of(answered.Take(sent).Where(a => !double.IsNaN(a))));
        Console.WriteLine(JsonSerializer.Serialize(result, JsonOutput.Options));
        return 0;
    }
}
