using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using TikTokBot.Testing;
using TikTokBot.TikTok.Api;
using TikTokBot.TikTok.Quota;

namespace TikTokBot.TikTok.Tests.Quota;

/// <summary>The report client against the fake TikTok, taking its turns from a quota on a fake clock; and the quota's metrics.</summary>
public sealed class QuotaOnTheWireTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
    private readonly TestClock _time = new(Start);
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(20) };
    private FakeTikTokApi _fake = null!;
    private TikTokQuota _quota = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeTikTokApi.StartAsync(new DateOnly(2026, 12, 7));
        _quota = TikTokQuota.InProcess(new TikTokQuotaOptions(), _time);
    }

    public async Task DisposeAsync()
    {
        await _quota.DisposeAsync();
        _http.Dispose();
        await _fake.DisposeAsync();
    }

    private TikTokApiClient Client() => new(_http, new TikTokApiOptions { ApiBaseUrl = _fake.BaseUrl, AccessToken = FakeTikTokApi.Token }, _quota,
        _time, NullLogger<TikTokApiClient>.Instance);

    [Fact]
    public async Task A_40100_pauses_the_quota_two_seconds_a_second_one_after_that_five_minutes_and_a_person_meanwhile_is_told_when()
    {
        _fake.RateLimitNext(2);
        var firstPause = _time.WhenTimerAsync(due => due >= TimeSpan.FromSeconds(1));
        Task<IReadOnlyList<ReportRow>> scan;
        using (TikTokCallScope.Enter(TikTokCallPriority.AlertScan))
        {
            scan = Client().GetCampaignsAsync("7000000000000001", default);
        }

        // The quota sets its wake-up for the pause's end once the scan waits in its queue: the definite sign it sleeps.
        Assert.Equal(TimeSpan.FromSeconds(2), await firstPause);
        Assert.True((await _quota.SnapshotAsync(default)) is { Paused: true, WaitingHere: [0, 0, 1, 0] });
        var secondPause = _time.WhenTimerAsync(due => due >= TimeSpan.FromMinutes(1));
        _time.Advance(TimeSpan.FromSeconds(2));

        // Throttled again after the first pause: TikTok's penalty, five minutes for every instance.
        Assert.Equal(TimeSpan.FromMinutes(5), await secondPause);
        var person = await Assert.ThrowsAsync<TikTokQuotaException>(() => Client().GetCampaignsAsync("7000000000000001", default));
        Assert.Contains("until 10:05 UTC", person.Message);
        Assert.Equal(2, _fake.Requests.Count);

        _time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromMilliseconds(1));
        await _quota.Asleep;
        Assert.False(scan.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.NotEmpty(await scan);
        Assert.Equal(3, _fake.Requests.Count);
    }

    [Fact]
    public async Task A_request_held_in_the_pipeline_past_its_turn_takes_a_new_turn_just_before_the_socket_and_goes_once()
    {
        // Between the client and the socket something holds the first request 200 ms (a busy machine); the innermost
        // handler sees its turn (good for 100 ms) expired and takes the next one before it lets it go.
        using var http = new HttpClient(new Holding(_time, TimeSpan.FromMilliseconds(200), new TikTokQuotaGrantHandler(new SocketsHttpHandler())));
        var client = new TikTokApiClient(http, new TikTokApiOptions { ApiBaseUrl = _fake.BaseUrl, AccessToken = FakeTikTokApi.Token }, _quota,
            _time, NullLogger<TikTokApiClient>.Instance);

        Assert.NotEmpty(await client.GetCampaignsAsync("7000000000000001", default));

        Assert.Single(_fake.Requests);
        var budget = await _quota.SnapshotAsync(default);
        Assert.Equal(2, budget.MinuteUsed);
        Assert.Equal(TimeSpan.FromMilliseconds(100), _quota.Options.SendWithin);
    }

    /// <summary>Holds each request <paramref name="hold"/> of the test's clock on its way down, as a busy machine would.</summary>
    private sealed class Holding(TestClock time, TimeSpan hold, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            time.Advance(hold);
            return base.SendAsync(request, cancellationToken);
        }
    }

    [Fact]
    public async Task The_quota_reports_what_is_used_in_each_window_its_limits_and_each_40100_as_metrics()
    {
        await using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var rules = new QuotaRules(new TikTokQuotaOptions());
        await using var quota = new TikTokQuota(new InProcessQuotaLedger(rules, _time), rules, _time, meters: services.GetRequiredService<IMeterFactory>());
        var seen = new Dictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == TikTokQuota.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => seen[Key(instrument, tags)] = value);
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => seen[Key(instrument, tags)] = seen.GetValueOrDefault(Key(instrument, tags)) + value);
        listener.Start();

        await quota.AcquireAsync(TikTokCallPriority.Person, default);
        _time.Advance(rules.Spacing);
        await quota.AcquireAsync(TikTokCallPriority.Digest, default);
        await quota.ThrottledAsync(default);
        listener.RecordObservableInstruments();

        Assert.Equal(2, seen["tiktokbot.tiktok.quota.used window=second"]);
        Assert.Equal(2, seen["tiktokbot.tiktok.quota.used window=minute"]);
        Assert.Equal(2, seen["tiktokbot.tiktok.quota.used window=day"]);
        Assert.Equal(600, seen["tiktokbot.tiktok.quota.limit window=minute"]);
        Assert.Equal(1, seen["tiktokbot.tiktok.quota.paused"]);
        Assert.Equal(1, seen["tiktokbot.tiktok.quota.throttled"]);
        Assert.Equal(0, seen["tiktokbot.tiktok.quota.waiting priority=Person"]);
    }

    private static string Key(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var key = instrument.Name;
        foreach (var tag in tags)
        {
            key += $" {tag.Key}={tag.Value}";
        }

        return key;
    }
}
