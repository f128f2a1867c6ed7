using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using TikTokBot.Alerts;
using TikTokBot.Domain.Alerts;
using TikTokBot.Storage;
using TikTokBot.Testing;
using TikTokBot.Tests.Digests;
using TikTokBot.TikTok.Demo;

namespace TikTokBot.Tests.Alerts;

/// <summary>Alert scans against the fake TikTok API (one series per advertiser, a page failing), the pause button, and two instances on PostgreSQL.</summary>
public sealed class AlertSourceTests : IAsyncLifetime
{
    private const string Team = DigestAppFactory.Team;
    private const string Channel = "C0ALERTS";
    private static readonly DateOnly Today = new(2026, 12, 1);
    private static readonly DateTimeOffset Noon = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly ThrowawayPostgresDatabase _database = new("alerts");
    private readonly List<DigestAppFactory> _apps = [];
    private ScriptedSlack _slack = null!;
    private FakeTikTokApi _tiktok = null!;

    public async Task InitializeAsync()
    {
        _slack = await ScriptedSlack.StartAsync();
        _tiktok = await FakeTikTokApi.StartAsync(Today);
        await _database.CreateAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.DisposeAsync();
        }

        await _slack.DisposeAsync();
        await _tiktok.DisposeAsync();
        await _database.DropAsync();
    }

    [Fact]
    public async Task A_report_page_failing_mid_scan_raises_nothing_and_the_next_whole_read_alerts_from_one_series_per_advertiser()
    {
        var app = await StartAsync(ApiSettings());
        await SubscribeAsync(app);
        _tiktok.RawAnswer = (path, page) => path == "report/integrated/get/" && page == 2
            ? """{"code":40002,"message":"page unavailable","request_id":"r","data":null}"""
            : null;

        var failed = await ScanAsync(app);

        Assert.False(failed.Complete);
        Assert.Empty(failed.Found);
        Assert.Empty(_slack.Posted);
        Assert.Empty(await app.Store.SentAlerts.ListRecentAsync(Channel, 10, default));

        _tiktok.RawAnswer = null;

        var whole = await ScanAsync(app);

        Assert.True(whole.Complete);
        Assert.Contains(whole.Found, f => f.Alert.Rule == AlertRule.FrequencyAlert && f.Campaign.Id == "1800000000000042");
        Assert.Contains(_slack.Posted, p => p.Text.Contains("Frequency alert: campaign-42 Autumn Sale", StringComparison.Ordinal));
        // Eight campaigns, one advertiser: over both scans, one daily series (asked again after its failure) and one reach
        // series (read whole the first time, and reused), each however many pages it has.
        var series = _tiktok.Reports.Select(r => string.Join('&', r.Query.Where(q => q.Key != "page").OrderBy(q => q.Key).Select(q => $"{q.Key}={q.Value}"))).Distinct().ToArray();
        Assert.Equal(2, series.Length);
        Assert.All(series, s => Assert.Contains($"advertiser_id={DemoDataSet.AdvertiserId}", s, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Spend_without_conversions_offers_to_pause_the_ad_group_spending_most_through_the_actions_proposal()
    {
        // By noon campaign-48 has spent about 36 without converting: a meaningful spend of 20 makes it an alert.
        var app = await StartAsync(new Dictionary<string, string> { ["Alerts:MeaningfulSpendWithoutTarget"] = "20" });
        await SubscribeAsync(app, "1800000000000048");

        var scan = await ScanAsync(app);

        var found = Assert.Single(scan.Found, f => f.Alert.Rule == AlertRule.SpendWithoutConversions);
        Assert.Equal("1800000000000048", found.Campaign.Id);
        var posted = Assert.Single(_slack.Posted, p => p.Text.Contains("Spend without conversions", StringComparison.Ordinal));
        Assert.Contains("\"action_id\":\"action.propose\"", posted.Blocks, StringComparison.Ordinal);
        Assert.Contains("Pause ad group", posted.Blocks, StringComparison.Ordinal);
        var value = System.Text.RegularExpressions.Regex.Match(posted.Blocks, "\"value\":\"(p1\\|[^\"]+)\"").Groups[1].Value;
        Assert.True(TikTokBot.Actions.ProposalValue.TryDecode(value, out var proposal));
        Assert.Equal(("1800000000000048", TikTokBot.Domain.Actions.ActionKind.Pause, TikTokBot.Domain.Actions.ActionLevel.AdGroup),
            (proposal.CampaignId, proposal.Intent.Kind, proposal.Intent.Level));
        var adGroups = await new DemoMetricSource(new NoonClock(Today)).GetBreakdownAsync(
            "1800000000000048", TikTokBot.TikTok.Sources.BreakdownDimension.AdGroup, new(Today, Today), default);
        Assert.Equal(adGroups.Where(g => g.Totals.Counts.Conversions == 0).MaxBy(g => g.Totals.Counts.Spend)!.Key, proposal.Intent.TargetId);
    }

    [PostgresFact]
    public async Task Two_instances_on_one_PostgreSQL_scanning_at_once_post_each_alert_once()
    {
        var connection = _database.ConnectionString().ConnectionString;
        var settings = new Dictionary<string, string>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = connection,
            ["Scheduler:Store"] = "Postgres",
        };
        var clock = new FakeTimeProvider(Noon);
        var first = await StartAsync(settings, clock);
        var second = await StartAsync(settings, clock);
        for (var i = 0; i < 10; i++)
        {
            await first.Store.AlertSubscriptions.SubscribeAsync(new AlertSubscriptionDetails($"C0ALERT{i:D2}", [], null, null, "UTC"), DigestAppFactory.Subscriber, default);
        }

        // Three scans on each instance, all at once.
        var scans = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => ScanAsync(i % 2 == 0 ? first : second))));

        Assert.All(scans, s => Assert.Equal(2, s.Found.Count));
        Assert.Equal(20, scans.Sum(s => s.Posted));
        Assert.Equal(20, _slack.Posted.Count);
        Assert.All(_slack.Posted.GroupBy(p => p.Channel), channel => Assert.Equal(2, channel.Count()));
        Assert.Equal(2, _slack.Posted.Select(p => p.Text).Distinct().Count());
    }

    private Dictionary<string, string> ApiSettings() => new()
    {
        ["TikTok:Source"] = "Api",
        ["TikTok:AccessToken"] = FakeTikTokApi.Token,
        ["TikTok:AdvertiserIds"] = DemoDataSet.AdvertiserId,
        ["TikTok:ApiBaseUrl"] = _tiktok.BaseUrl.ToString(),
    };

    private async Task<DigestAppFactory> StartAsync(Dictionary<string, string> settings, FakeTimeProvider? clock = null)
    {
        var app = new DigestAppFactory(_slack, clock ?? new FakeTimeProvider(Noon), settings);
        _apps.Add(app);
        await app.StartAsync();
        return app;
    }

    private static Task SubscribeAsync(DigestAppFactory app, params string[] campaigns) =>
        app.Store.AlertSubscriptions.SubscribeAsync(new AlertSubscriptionDetails(Channel, campaigns, null, null, "UTC"), DigestAppFactory.Subscriber, default);

    private static async Task<AlertScanResult> ScanAsync(DigestAppFactory app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AlertScanner>().ScanAsync(Team, evenUnsubscribed: false, default);
    }
}
