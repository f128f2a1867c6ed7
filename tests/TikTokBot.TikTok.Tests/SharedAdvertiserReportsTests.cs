using Microsoft.Extensions.Logging.Abstractions;
using TikTokBot.Domain.Metrics;
using TikTokBot.Testing;
using TikTokBot.TikTok.Api;
using TikTokBot.TikTok.Caching;
using TikTokBot.TikTok.Demo;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.TikTok.Tests;

/// <summary>
/// Workspaces connected to one advertiser, each with its own API source as the app builds them, over the app's one
/// report cache: the advertiser's reports are asked once, whoever asks, and a workspace reads only its own advertisers.
/// </summary>
public sealed class SharedAdvertiserReportsTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly DateRange LastWeek = DateRange.Ending(Today.AddDays(-1), 7);
    private readonly FixedClock _clock = new(Today);
    private FakeTikTokApi _fake = null!;
    private HttpClient _http = null!;
    private TikTokApiClient _client = null!;
    private ReportCache _reports = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeTikTokApi.StartAsync(Today);
        _http = new HttpClient();
        _client = new TikTokApiClient(_http, new TikTokApiOptions { ApiBaseUrl = _fake.BaseUrl, MaxRequestsPerSecond = 1_000 }, TestClock.WaitsPassAtOnce(), NullLogger<TikTokApiClient>.Instance);
        _reports = new ReportCache(_clock);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        _http.Dispose();
        await _fake.DisposeAsync();
    }

    private ApiMetricSource Workspace(string advertiserId, string token = FakeTikTokApi.Token) => new(_client.WithToken(token),
        new TikTokApiOptions { ApiBaseUrl = _fake.BaseUrl, MaxRequestsPerSecond = 1_000 }.For(token, [advertiserId]), _clock, _reports, new MetricCacheOptions());

    private int DailySeriesAsked => _fake.Reports.Count(r => r.Query["page"] == "1" && r.Query["dimensions"].Contains("stat_time_day", StringComparison.Ordinal));

    [Fact]
    public async Task Two_workspaces_on_one_advertiser_asking_together_and_after_each_other_make_one_report_series()
    {
        var (first, second) = (Workspace(DemoDataSet.AdvertiserId), Workspace(DemoDataSet.AdvertiserId));

        var together = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            (i % 2 == 0 ? first : second).GetDailyAsync(Scope.Campaign(i % 4 < 2 ? "1800000000000041" : "1800000000000042"), LastWeek, default)));
        var later = await second.GetDailyAsync(Scope.Campaign("1800000000000043"), LastWeek, default);

        Assert.Equal(1, DailySeriesAsked);
        Assert.All(together, days => Assert.Equal(7, days.Count));
        Assert.Equal(7, later.Count);
    }

    [Fact]
    public async Task A_report_failing_on_another_workspaces_refused_token_is_asked_again_with_this_ones()
    {
        // The first workspace's load is still on its way when the second joins it; TikTok refuses the first's token.
        _fake.Delay = TimeSpan.FromMilliseconds(200);
        var refused = Workspace(DemoDataSet.AdvertiserId, token: "revoked-token").GetDailyAsync(Scope.Campaign("1800000000000041"), LastWeek, default);
        var joined = Workspace(DemoDataSet.AdvertiserId).GetDailyAsync(Scope.Campaign("1800000000000042"), LastWeek, default);

        await Assert.ThrowsAsync<TikTokAuthException>(() => refused);
        Assert.Equal(7, (await joined).Count);
        Assert.Equal(["revoked-token", FakeTikTokApi.Token], _fake.Reports.Where(r => r.Query["page"] == "1").Select(r => r.AccessToken));
    }

    [Fact]
    public async Task A_workspace_on_another_advertiser_asks_for_its_own_and_never_reads_the_first_ones_entries()
    {
        await Workspace(DemoDataSet.AdvertiserId).GetDailyAsync(Scope.Campaign("1800000000000041"), LastWeek, default);

        await Workspace("7000000000000009").GetDailyAsync(Scope.Campaign("1800000000000041"), LastWeek, default);

        Assert.Equal(2, DailySeriesAsked);
        Assert.Equal(["7000000000000001", "7000000000000009"], _fake.Reports.Select(r => r.Query["advertiser_id"]).Distinct().Order());
    }
}
