using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TikTokBot.Alerts;
using TikTokBot.Storage;
using TikTokBot.Testing;
using TikTokBot.Testing.External;
using TikTokBot.Tests.Digests;
using TikTokBot.TikTok.Demo;

namespace TikTokBot.Tests.Quota;

/// <summary>
/// Two app instances on one PostgreSQL database against a fake TikTok that enforces 10 requests a second for the whole
/// developer app, answering 40100 over it as TikTok does: the instances share one budget, and a person goes first.
/// </summary>
public sealed class SharedQuotaTests : IAsyncLifetime
{
    private const string Team = DigestAppFactory.Team;
    private static readonly DateOnly Today = new(2026, 12, 1);
    private static readonly DateTimeOffset Noon = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly ThrowawayPostgresDatabase _database = new("quota");
    private readonly List<DigestAppFactory> _apps = [];
    private ScriptedSlack _slack = null!;
    private FakeTikTokApi _tiktok = null!;
    private ResponseUrlHook _hook = null!;

    public async Task InitializeAsync()
    {
        _slack = await ScriptedSlack.StartAsync();
        _tiktok = await FakeTikTokApi.StartAsync(Today);
        _hook = await ResponseUrlHook.StartAsync();
        await _database.CreateAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.DisposeAsync();
        }

        await _hook.DisposeAsync();
        await _slack.DisposeAsync();
        await _tiktok.DisposeAsync();
        await _database.DropAsync();
    }

    [NeedsFact(External.PostgreSql)]
    public async Task Two_instances_hold_tiktoks_ten_a_second_together_and_a_persons_command_is_answered_while_an_alert_scan_runs()
    {
        // Nothing kept between reads: every scan is some 70 requests (the fake's pages hold 20 rows), and the summary reads afresh.
        _tiktok.AppQuotaPerSecond = 10;
        var scanner = await StartAsync();
        var asker = await StartAsync();
        await scanner.Store.AlertSubscriptions.SubscribeAsync(new AlertSubscriptionDetails("C0ALERTS", [], null, null, "UTC"), DigestAppFactory.Subscriber, default);

        // The scheduled scan, as Hangfire runs it, over and over on the first instance.
        var job = scanner.Services.GetRequiredService<AlertJob>();
        const int Scans = 2;
        var scanning = Task.Run(async () =>
        {
            for (var i = 0; i < Scans; i++)
            {
                await job.ScanAsync(Team, default);
            }
        });
        await _tiktok.Arrivals.WhenAsync(10, "TikTok requests from the scan");

        var reply = await AskAsync(asker, "campaign-42");
        var scanRunningWhenAnswered = !scanning.IsCompleted;
        await scanning;

        Assert.Contains("Creative fatigue", reply, StringComparison.Ordinal);
        Assert.True(scanRunningWhenAnswered, "the scan had finished before the person was answered");
        var scans = scanner.Services.GetRequiredService<AlertScanMonitor>().Results;
        Assert.Equal(Scans, scans.Count);
        Assert.All(scans, s => Assert.True(s.Complete, s.Failure));
        Assert.Equal(0, _tiktok.OverQuota);
        Assert.InRange(_tiktok.MostInOneSecond, 1, 10);

        // Both instances see the one budget the database keeps: every request the fake saw was counted there. (The
        // history read-ahead may still be calling TikTok, so the budget is read after the fake's count: it may be ahead.)
        var seen = _tiktok.Requests.Count;
        var readiness = await ReadyAsync(asker);
        var today = System.Text.RegularExpressions.Regex.Match(readiness, @"(\d[\d,]*)/864,000 today");
        Assert.True(today.Success, readiness);
        Assert.InRange(int.Parse(today.Groups[1].Value, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture), seen, int.MaxValue);
        Assert.Contains("PostgreSQL, shared by every instance", readiness, StringComparison.Ordinal);
    }

    private async Task<string> AskAsync(DigestAppFactory app, string text)
    {
        using var client = app.CreateKestrelClient();
        var body = $"team_id={Team}&channel_id=C1&user_id=U1&command=%2Fttmetrics&text={text}&response_url={Uri.EscapeDataString(_hook.Url)}";
        using var request = SlackTestRequests.Signed("/slack/commands", body, at: Noon);
        using var response = await client.SendAsync(request);
        var inline = await response.Content.ReadAsStringAsync();
        // Answered inline when quick enough, otherwise acknowledged and delivered to the response_url.
        return inline.Contains("campaign-42", StringComparison.Ordinal) ? inline : await _hook.NextAsync();
    }

    private static async Task<string> ReadyAsync(DigestAppFactory app)
    {
        using var client = app.CreateKestrelClient();
        var json = JsonDocument.Parse(await client.GetStringAsync("/readyz"));
        return json.RootElement.GetProperty("checks").EnumerateArray()
            .Single(c => c.GetProperty("name").GetString() == "tiktok-quota").GetProperty("description").GetString()!;
    }

    private async Task<DigestAppFactory> StartAsync()
    {
        var app = new DigestAppFactory(_slack, new FakeTimeProvider(Noon), new Dictionary<string, string>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = _database.ConnectionString().ConnectionString,
            ["TikTok:Source"] = "Api",
            ["TikTok:AccessToken"] = FakeTikTokApi.Token,
            ["TikTok:AdvertiserIds"] = DemoDataSet.AdvertiserId,
            ["TikTok:ApiBaseUrl"] = _tiktok.BaseUrl.ToString(),
            ["TikTok:Cache:TodayLifetime"] = "00:00:00",
            ["TikTok:Cache:ClosedDaysLifetime"] = "00:00:00",
            ["TikTok:Cache:CampaignsLifetime"] = "00:00:00",
        });
        _apps.Add(app);
        await app.StartAsync();
        return app;
    }
}
