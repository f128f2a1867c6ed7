using TikTokBot.TikTok.Caching;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using TikTokBot.Domain.Metrics;
using TikTokBot.TikTok.Api;
using TikTokBot.TikTok.Demo;
using TikTokBot.TikTok.Sources;
using TikTokBot.Testing;

namespace TikTokBot.TikTok.Tests;

/// <summary>The API source against a local fake TikTok that serves the demo data in the real wire format.</summary>
public sealed class ApiMetricSourceTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly DateRange LastWeek = DateRange.Ending(Today.AddDays(-1), 7);
    private readonly DemoMetricSource _demo = new(new FixedClock(Today));
    private FakeTikTokApi _fake = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeTikTokApi.StartAsync(Today);
        _http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _fake.DisposeAsync();
    }

    private ApiMetricSource Source(string token = FakeTikTokApi.Token, string advertisers = DemoDataSet.AdvertiserId) =>
        new(Client(token), Options(token, advertisers), new FixedClock(Today), new ReportCache(new FixedClock(Today)), new MetricCacheOptions());

    private TikTokApiClient Client(string token = FakeTikTokApi.Token) =>
        new(_http, Options(token, DemoDataSet.AdvertiserId), TestClock.WaitsPassAtOnce(), NullLogger<TikTokApiClient>.Instance);

    private TikTokApiOptions Options(string token, string advertisers) => new()
    {
        ApiBaseUrl = _fake.BaseUrl,
        AccessToken = token,
        AdvertiserIds = advertisers,
        RateLimitBackoff = TimeSpan.FromMilliseconds(10),
        MaxRequestsPerSecond = 1_000,
    };

    [Fact]
    public async Task Daily_figures_and_reach_read_through_the_api_equal_the_data_they_came_from()
    {
        var source = Source();
        var scope = Scope.Campaign("1800000000000042");

        var daily = await source.GetDailyAsync(scope, LastWeek, CancellationToken.None);
        var reach = await source.GetReachAsync(scope, LastWeek, CancellationToken.None);

        Assert.Equal(await _demo.GetDailyAsync(scope, LastWeek, CancellationToken.None), daily);
        Assert.Equal(await _demo.GetReachAsync(scope, LastWeek, CancellationToken.None), reach);
    }

    [Fact]
    public async Task Campaigns_are_listed_with_their_objectives_mapped()
    {
        var campaigns = await Source().ListCampaignsAsync(CancellationToken.None);

        Assert.Equal((await _demo.ListCampaignsAsync(CancellationToken.None)).Select(c => (c.Id, c.Name, c.Objective, c.CreatedOn)),
            campaigns.Select(c => (c.Id, c.Name, c.Objective, c.CreatedOn)));
        Assert.All(_fake.Requests, r => Assert.Equal(DemoDataSet.AdvertiserId, r.Query["advertiser_id"]));
    }

    [Fact]
    public async Task All_campaigns_asked_at_once_cost_one_paged_request_series_per_advertiser_and_range()
    {
        var source = Source();
        var campaigns = await _demo.ListCampaignsAsync(CancellationToken.None);

        await Task.WhenAll(campaigns.Select(c => source.GetDailyAsync(Scope.Campaign(c.Id), LastWeek, CancellationToken.None)));

        var pages = _fake.Reports.Select(r => int.Parse(r.Query["page"])).ToArray();
        Assert.True(pages.Length > 1, "the week's rows should span several pages of the fake");
        Assert.Equal(Enumerable.Range(1, pages.Length), pages.Order());
        Assert.All(_fake.Reports, r =>
        {
            Assert.Equal("1000", r.Query["page_size"]);
            Assert.Equal("AUCTION_CAMPAIGN", r.Query["data_level"]);
            Assert.Equal(["campaign_id", "stat_time_day"], JsonSerializer.Deserialize<string[]>(r.Query["dimensions"])!);
            Assert.Equal(FakeTikTokApi.Token, r.AccessToken);
        });
    }

    [Fact]
    public async Task A_daily_range_longer_than_thirty_days_is_asked_in_thirty_day_windows()
    {
        var range = DateRange.Ending(Today.AddDays(-1), 44);

        var daily = await Source().GetDailyAsync(Scope.Campaign("1800000000000041"), range, CancellationToken.None);

        Assert.Equal(44, daily.Count);
        var windows = _fake.Reports.Where(r => r.Query["page"] == "1").Select(r => (r.Query["start_date"], r.Query["end_date"])).Order().ToArray();
        Assert.Equal([("2026-10-09", "2026-11-07"), ("2026-11-08", "2026-11-21")], windows);
    }

    [Fact]
    public async Task Reach_is_asked_without_a_time_dimension_for_the_whole_range()
    {
        await Source().GetReachAsync(Scope.Campaign("1800000000000041"), LastWeek, CancellationToken.None);

        var request = Assert.Single(_fake.Reports, r => r.Query["page"] == "1");
        Assert.Equal(["campaign_id"], JsonSerializer.Deserialize<string[]>(request.Query["dimensions"])!);
        Assert.Equal(["reach"], JsonSerializer.Deserialize<string[]>(request.Query["metrics"])!);
    }

    [Fact]
    public async Task A_burst_of_rate_limits_is_waited_out_and_the_answer_still_arrives()
    {
        _fake.RateLimitNext(3);

        var reach = await Source().GetReachAsync(Scope.Campaign("1800000000000041"), LastWeek, CancellationToken.None);

        Assert.Equal(await _demo.GetReachAsync(Scope.Campaign("1800000000000041"), LastWeek, CancellationToken.None), reach);
        Assert.Equal(4, _fake.Reports.Count());
    }

    [Fact]
    public async Task Rate_limiting_that_does_not_end_reaches_the_user_as_a_plain_message()
    {
        _fake.RateLimitNext(100);

        var error = await Assert.ThrowsAsync<TikTokApiException>(() => Source().GetReachAsync(Scope.Campaign("1800000000000041"), LastWeek, CancellationToken.None));

        Assert.Equal(TikTokApiException.RateLimited, error.Code);
        Assert.Contains("Try again in a minute", error.Message);
        Assert.Equal(6, _fake.Reports.Count());
    }

    [Fact]
    public async Task A_refused_token_tells_the_user_to_reconnect_tiktok_and_never_shows_the_token()
    {
        var error = await Assert.ThrowsAsync<TikTokAuthException>(
            () => Source(token: "expired-token-123").GetDailyAsync(Scope.Campaign("1800000000000041"), LastWeek, CancellationToken.None));

        Assert.Contains("Reconnect TikTok", error.Message);
        Assert.DoesNotContain("expired-token-123", error.Message);
        Assert.Equal(40105, error.Code);
    }

    [Fact]
    public async Task A_token_refused_once_is_not_sent_again_while_other_tokens_still_are()
    {
        using var app = Client();
        var dead = app.WithToken("revoked-token-456");

        await Assert.ThrowsAsync<TikTokAuthException>(() => dead.GetCampaignsAsync(DemoDataSet.AdvertiserId, CancellationToken.None));
        var sent = _fake.Requests.Count;
        var again = await Assert.ThrowsAsync<TikTokAuthException>(() => dead.GetCampaignsAsync(DemoDataSet.AdvertiserId, CancellationToken.None));

        Assert.Equal(sent, _fake.Requests.Count);
        Assert.Equal(40105, again.Code);
        Assert.NotEmpty(await app.GetCampaignsAsync(DemoDataSet.AdvertiserId, CancellationToken.None));
        Assert.Equal(sent + 1, _fake.Requests.Count);
    }

    [Fact]
    public async Task A_slow_answer_reaches_the_user_as_a_plain_message()
    {
        _fake.Delay = TimeSpan.FromSeconds(2);
        using var impatientHttp = new HttpClient { Timeout = TimeSpan.FromMilliseconds(200) };
        var options = Options(FakeTikTokApi.Token, DemoDataSet.AdvertiserId);
        var source = new ApiMetricSource(new TikTokApiClient(impatientHttp, options, TestClock.WaitsPassAtOnce(), NullLogger<TikTokApiClient>.Instance), options, new FixedClock(Today), new ReportCache(new FixedClock(Today)), new MetricCacheOptions());

        var error = await Assert.ThrowsAsync<TikTokApiException>(() => source.ListCampaignsAsync(CancellationToken.None));

        Assert.Contains("did not answer within", error.Message);
    }

    [Fact]
    public async Task Several_advertisers_are_each_asked_once_and_a_campaign_is_read_from_its_own()
    {
        var source = Source(advertisers: $"{DemoDataSet.AdvertiserId},7000000000000002");

        var campaigns = await source.ListCampaignsAsync(CancellationToken.None);
        await source.GetDailyAsync(Scope.Campaign("1800000000000042"), LastWeek, CancellationToken.None);
        await source.GetHourlyAsync(Scope.Campaign("1800000000000043"), Today, CancellationToken.None);

        // The reports find each campaign's advertiser in the list already read: one list per advertiser, not two.
        Assert.Equal(["7000000000000001", "7000000000000002"],
            _fake.Requests.Where(r => r.Path == "campaign/get/").Select(r => r.Query["advertiser_id"]).Order());
        Assert.All(_fake.Reports, r => Assert.Equal(DemoDataSet.AdvertiserId, r.Query["advertiser_id"]));
        Assert.Contains(campaigns, c => c.Id == "1800000000000042");
    }

    [Fact]
    public async Task Any_other_error_code_becomes_a_typed_error_with_tiktoks_message()
    {
        _fake.Refuse = (40002, "advertiser_id is invalid");

        var error = await Assert.ThrowsAsync<TikTokApiException>(() => Source().ListCampaignsAsync(CancellationToken.None));

        Assert.Equal(40002, error.Code);
        Assert.Contains("advertiser_id is invalid", error.Message);
    }

    [Fact]
    public async Task Without_an_advertiser_the_user_is_told_which_setting_to_fill()
    {
        var error = await Assert.ThrowsAsync<MetricSourceException>(() => Source(advertisers: "").ListCampaignsAsync(CancellationToken.None));

        Assert.Contains("TikTok:AdvertiserIds", error.Message);
    }

    [Theory]
    [InlineData(BreakdownDimension.AdGroup, "AUCTION_ADGROUP", "BASIC")]
    [InlineData(BreakdownDimension.Age, "AUCTION_CAMPAIGN", "AUDIENCE")]
    [InlineData(BreakdownDimension.Device, "AUCTION_CAMPAIGN", "AUDIENCE")]
    public async Task Breakdowns_come_from_the_matching_report_and_match_the_data(BreakdownDimension by, string level, string reportType)
    {
        var rows = await Source().GetBreakdownAsync("1800000000000044", by, LastWeek, CancellationToken.None);

        var expected = await _demo.GetBreakdownAsync("1800000000000044", by, LastWeek, CancellationToken.None);
        Assert.Equal(expected.Select(r => (r.Key, r.Totals.Counts.Spend, r.Totals.Counts.Conversions)),
            rows.Where(r => expected.Any(e => e.Key == r.Key)).Select(r => (r.Key, r.Totals.Counts.Spend, r.Totals.Counts.Conversions)));
        var request = _fake.Reports.First();
        Assert.Equal(level, request.Query["data_level"]);
        Assert.Equal(reportType, request.Query["report_type"]);
    }

    [Fact]
    public void Report_rows_read_strings_numbers_nulls_and_dashes_leniently()
    {
        using var document = JsonDocument.Parse("""{"a":"12.50","b":7,"c":null,"d":"-","e":1.48}""");
        var row = new ReportRow(new Dictionary<string, string>(),
            document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone()));

        Assert.Equal(12.5m, row.Number("a"));
        Assert.Equal(7, row.Count("b"));
        Assert.Equal(0m, row.Number("c"));
        Assert.Equal(0m, row.Number("d"));
        Assert.Equal(1.48m, row.Number("e"));
        Assert.Equal(0m, row.Number("missing"));
    }
}
