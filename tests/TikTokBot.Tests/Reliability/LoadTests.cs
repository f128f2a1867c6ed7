using System.Diagnostics;
using System.Globalization;
using System.Net;
using TikTokBot.Commands;
using TikTokBot.Tests.Commands;
using Xunit.Abstractions;

namespace TikTokBot.Tests.Reliability;

/// <summary>
/// A CI-sized load test on loopback: 2,000 signed /ttmetrics requests, 200 at a time, against the app reading a fake
/// TikTok API that takes 400 ms per call. Every request is answered and none turned away, and every report acknowledged
/// with "Reading…" arrives later through its response_url. Latencies are reported, not asserted: other test assemblies
/// share the two cores, so a timing budget here would fail for reasons outside the app. Budgets live in bench/run.
/// </summary>
[CollectionDefinition(nameof(LoadTests), DisableParallelization = true)]
public sealed class LoadTestsCollection;

// Run alone within this assembly, so its own other tests do not add to the load.
[Collection(nameof(LoadTests))]
public sealed class LoadTests(ITestOutputHelper output)
{
    private const int Requests = 2_000;
    private const int Concurrency = 200;
    [Fact]
    public async Task Two_thousand_signed_requests_at_two_hundred_at_once_are_all_answered_and_every_deferred_report_is_delivered()
    {
        // The app's own inline-answer budget, not the 2 s the other end-to-end tests pin for a slow first request.
        using var factory = new ApiSourceAppFactory
        {
            MoreSettings = [("Commands:InlineAnswerBudget", new CommandOptions().InlineAnswerBudget.ToString("c", CultureInfo.InvariantCulture))],
        };
        factory.TikTok.Delay = TimeSpan.FromMilliseconds(400);
        await using var hook = await ResponseUrlHook.StartAsync();
        var baseAddress = factory.CreateKestrelClient().BaseAddress!;
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Concurrency }) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        string[] texts =
        [
            "campaign-41", "campaign-42 fix", "campaign-43 14d", "campaign-44 by age", "campaign-45 30d", "campaign-46 yesterday",
            "campaign-47 fix 14d", "campaign-48 by adgroup", "list", "help", "campain-42", "campaign-42 by gender 30d",
        ];
        var latencies = new TimeSpan[Requests];
        var deferred = 0;
        var turnedAway = 0;
        var next = -1;
        var clock = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < Requests; i = Interlocked.Increment(ref next))
            {
                var body = $"team_id=T-LOAD-{i % 5}&channel_id=C1&user_id=U-LOAD&command=%2Fttmetrics" +
                           $"&text={Uri.EscapeDataString(texts[i % texts.Length])}&response_url={Uri.EscapeDataString(hook.Url)}";
                using var request = SlackTestRequests.Signed("/slack/commands", body);
                var started = Stopwatch.GetTimestamp();
                using var response = await client.SendAsync(request);
                var answer = await response.Content.ReadAsStringAsync();
                latencies[i] = Stopwatch.GetElapsedTime(started);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                if (answer.Contains("could not take yours", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref turnedAway);
                }

                if (answer.Contains("Reading ", StringComparison.Ordinal) || answer.Contains("Working on it", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref deferred);
                }
            }
        }));
        var elapsed = clock.Elapsed;

        await hook.Arrivals.WhenAsync(deferred, "deferred reports delivered through response_url");

        var sorted = latencies.Order().ToArray();
        output.WriteLine($"{Requests} requests, {Concurrency} at once, in {elapsed.TotalSeconds:0.0} s: median {sorted[Requests / 2].TotalMilliseconds:0} ms, " +
            $"p99 {sorted[Requests * 99 / 100].TotalMilliseconds:0} ms, max {sorted[^1].TotalMilliseconds:0} ms; {deferred} acknowledged first and answered " +
            $"through response_url ({hook.Delivered.Count} delivered); {factory.TikTok.Requests.Count} TikTok calls");
        Assert.All(latencies, l => Assert.NotEqual(TimeSpan.Zero, l));
        Assert.Equal(0, turnedAway);
        Assert.Equal(deferred, hook.Delivered.Count);
        Assert.DoesNotContain(hook.Delivered, m => m.Contains("could not read", StringComparison.OrdinalIgnoreCase));
    }
}
