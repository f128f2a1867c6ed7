using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry;
using OpenTelemetry.Trace;
using TikTokBot.Hosting;
using TikTokBot.Testing;
using TikTokBot.Tests;
using TikTokBot.TikTok.Demo;
using TikTokBot.Telemetry;

namespace TikTokBot.Web.Tests;

/// <summary>The app reading a local fake TikTok API, its finished spans kept in memory.</summary>
public sealed class TracedAppFactory : KestrelAppFactory
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    public TracedAppFactory() => TikTok = FakeTikTokApi.StartAsync(Today).GetAwaiter().GetResult();

    /// <summary>The app's clock: the same day as the fake TikTok's, never the machine's.</summary>
    public Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock { get; } = new(new DateTimeOffset(Today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));

    public FakeTikTokApi TikTok { get; }

    public List<Activity> Spans { get; } = [];

    /// <summary>Completes with the server span of the first signed slash command, once it has ended.</summary>
    public TaskCompletionSource<Activity> CommandServed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override IEnumerable<(string Key, string Value)> ExtraSettings() =>
    [
        ("TikTok:Source", "Api"), ("TikTok:AccessToken", FakeTikTokApi.Token), ("TikTok:AdvertiserIds", DemoDataSet.AdvertiserId),
        ("TikTok:ApiBaseUrl", TikTok.BaseUrl.ToString()),
        // The whole answer inline, however slow a cold start on a busy machine: the trace then holds every call.
        ("Commands:InlineAnswerBudget", "00:00:30"), ("Slack:AckTimeout", "00:00:30"),
        // No OTLP endpoint here: spans are recorded for the in-memory exporter only when asked.
        ("Telemetry:RecordTraces", "true"),
        // The account history is read ahead at start and hourly, calls that belong to no command's trace: this test counts
        // the command's calls, so the history is read by the command itself, which waits for it.
        ("Reports:ReadHistoryAhead", "false"), ("Reports:HistoryWait", "00:00:30"),
    ];

    protected override void ReplaceServices(IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans).AddProcessor(new ServedSignal(CommandServed)));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            TikTok.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private sealed class ServedSignal(TaskCompletionSource<Activity> served) : BaseProcessor<Activity>
    {
        public override void OnEnd(Activity data)
        {
            if (data.Kind == ActivityKind.Server && data.GetTagItem("url.path") as string == "/slack/commands")
            {
                served.TrySetResult(data);
            }
        }
    }
}

public sealed class TelemetryTests(TracedAppFactory app) : IClassFixture<TracedAppFactory>
{
    [Fact]
    public async Task One_command_is_one_trace_verification_then_the_handler_with_each_TikTok_call_beneath_it()
    {
        var verbs = new ConcurrentBag<string>();
        var tiktokCallsCounted = 0L;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == AppTelemetry.Name && instrument.Name is "tiktokbot.commands" or "tiktokbot.tiktok.calls")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (instrument.Name == "tiktokbot.tiktok.calls")
            {
                Interlocked.Add(ref tiktokCallsCounted, value);
            }

            foreach (var tag in tags)
            {
                if (tag.Key == "verb")
                {
                    verbs.Add((string)tag.Value!);
                }
            }
        });
        listener.Start();
        using var client = app.CreateKestrelClient();
        using var request = SlackTestRequests.Signed("/slack/commands",
            "team_id=T-OTEL&channel_id=C1&user_id=U1&command=%2Fttmetrics&text=campaign-42&response_url=http%3A%2F%2F127.0.0.1%3A9%2Fx", at: app.Clock.GetUtcNow());

        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(body.Contains("Creative fatigue", StringComparison.Ordinal), body);
        var server = await app.CommandServed.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Activity[] trace;
        lock (app.Spans)
        {
            trace = app.Spans.Where(s => s.TraceId == server.TraceId).ToArray();
        }

        var verify = Assert.Single(trace, s => s.DisplayName == "slack verify");
        Assert.Equal(server.SpanId, verify.ParentSpanId);
        Assert.Equal("Valid", verify.GetTagItem("slack.signature"));
        var handler = Assert.Single(trace, s => s.DisplayName == "slack command /ttmetrics");
        Assert.Equal(server.SpanId, handler.ParentSpanId);
        Assert.Equal("summary", handler.GetTagItem("tiktokbot.command.verb"));
        Assert.True(handler.StartTimeUtc >= verify.StartTimeUtc + verify.Duration, "the handler runs after the signature is checked");

        var tiktokCalls = trace.Where(s => s.Kind == ActivityKind.Client && (s.GetTagItem("url.full") as string ?? "").StartsWith(app.TikTok.BaseUrl.ToString(), StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(tiktokCalls);
        Assert.Equal(app.TikTok.Requests.Count, tiktokCalls.Length);
        Assert.All(tiktokCalls, call => Assert.Equal(handler.SpanId, call.ParentSpanId));
        Assert.Contains("summary", verbs);
        // Other tests' apps may count TikTok calls at the same time (the meter is process-wide): at least this one's.
        Assert.True(Interlocked.Read(ref tiktokCallsCounted) >= tiktokCalls.Length);
    }
}
