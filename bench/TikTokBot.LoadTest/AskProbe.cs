using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace TikTokBot.LoadTest;

/// <summary>What one Ask run measured: the status Slack shows first, and the answer in the thread.</summary>
internal sealed record AskResult(string Kind, int Run, double Rate, int Sent, int EventErrors, int Statuses, int Answered, LatencySummary Status, LatencySummary Answer);

/// <summary>
/// Questions typed in the agent messages, sent as signed <c>message.im</c> events at a fixed rate, each in a thread of
/// its own and from a person of its own (Slack paces posts per channel, and each person has their own). The app's Web API points at this probe's fake Slack (<c>--slack-port</c>), which notes when
/// assistant.threads.setStatus and the first chat.postMessage of each thread arrive, from the moment the event was due.
/// </summary>
internal static class AskProbe
{
    private static readonly TimeSpan DeliveryWait = TimeSpan.FromSeconds(60);

    private static readonly string[] Questions =
    [
        "how is campaign-42 doing?", "what should I fix in autumn sale", "show cpa by age for campaign-43", "why did cpa go up on campaign-44",
        "compare campaign-41 with the period before", "How's the Black Friday credit test doing 📈",
    ];

    public static async Task<int> RunAsync(Arguments arguments, CancellationToken stop)
    {
        var url = new Uri(arguments.Text("url"));
        var secret = arguments.Text("secret");
        var rate = arguments.Number("rate");
        var total = (int)(rate * arguments.Number("seconds"));
        var due = new long[total];
        var status = Filled(total);
        var answer = Filled(total);
        var failed = new bool[total];
        var answered = 0;
        using var allAnswered = new SemaphoreSlim(0);

        await using var slack = LocalServer.Create((int)arguments.Number("slack-port"));
        slack.MapPost("/api/{method}", async (string method, HttpRequest request) =>
        {
            var arrived = Stopwatch.GetTimestamp();
            using var body = await JsonDocument.ParseAsync(request.Body);
            if (body.RootElement.TryGetProperty("thread_ts", out var ts) && Index(ts.GetString()) is var index && index >= 0 && index < total)
            {
                var latency = LatencySummary.Milliseconds(due[index], arrived);
                if (method == "assistant.threads.setStatus")
                {
                    Interlocked.CompareExchange(ref status[index], latency, double.NaN);
                }
                else if (method == "chat.postMessage" && double.IsNaN(Interlocked.CompareExchange(ref answer[index], latency, double.NaN)) &&
                         Interlocked.Increment(ref answered) == total)
                {
                    allAnswered.Release();
                }
            }

            return Results.Text("""{"ok":true,"channel":"D-BENCH","ts":"1700000000.000001"}""", "application/json");
        });
        await slack.StartAsync(stop);

        using var client = JsonOutput.LoopbackClient();
        using (await client.GetAsync(new Uri(url, "/healthz"), stop))
        {
        }

        var run = (int)arguments.Number("run", 1);
        // Event ids unique to this invocation: the app acknowledges a retried id without handling it again.
        var batch = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var sent = await OpenLoop.SendAsync(total, rate, due, async index =>
        {
            var ts = Ts(index);
            var request = SignedRequest.Sign(secret, JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["type"] = "event_callback",
                ["team_id"] = "T-BENCH",
                ["api_app_id"] = "A-BENCH",
                ["event_id"] = $"Ev-bench-{batch}-{index}",
                ["event_time"] = 1,
                ["event"] = new { type = "message", channel = $"D-BENCH-{index}", user = $"U-BENCH-{index}", text = Questions[index % Questions.Length], ts, channel_type = "im", event_ts = ts },
            }));
            try
            {
                using var message = request.ToHttp(url, "application/json");
                using var response = await client.SendAsync(message, stop);
                failed[index] = !response.IsSuccessStatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
                failed[index] = true;
            }
        }, stop);

        await allAnswered.WaitAsync(DeliveryWait, stop).ContinueWith(_ => { }, TaskScheduler.Default);
        var statuses = status.Take(sent).Where(s => !double.IsNaN(s)).ToArray();
        var answers = answer.Take(sent).Where(s => !double.IsNaN(s)).ToArray();
        var result = new AskResult("ask", run, rate, sent, failed.Take(sent).Count(f => f), statuses.Length, answers.Length, LatencySummary.Of(statuses), LatencySummary.Of(answers));
        Console.WriteLine(JsonSerializer.Serialize(result, JsonOutput.Options));
        return 0;
    }

    // Each question starts a thread of its own: its ts carries its index.
    private static string Ts(int index) => "1700000000." + index.ToString("D6", CultureInfo.InvariantCulture);

    private static int Index(string? ts) =>
        ts is { Length: 17 } && int.TryParse(ts.AsSpan(11), NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : -1;

    private static double[] Filled(int count)
    {
        var values = new double[count];
        Array.Fill(values, double.NaN);
        return values;
    }
}
