using TikTokBot.TikTok.Caching;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using TikTokBot.Domain.Campaigns;
using TikTokBot.Domain.Metrics;
using TikTokBot.TikTok.Api;
using TikTokBot.TikTok.Demo;
using TikTokBot.TikTok.Sources;
using TikTokBot.Testing;

namespace TikTokBot.TikTok.Tests;

/// <summary>
/// What TikTok's v1.3 report API accepts and refuses, from both sides: every request the API source sends is one the
/// fake (which refuses like the live API) accepts, with names from the metric table; the fake refuses what the live
/// API refuses; transient failures are retried; a paused campaign is reported as such.
/// </summary>
public sealed class ApiV13ContractTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly DateRange LastWeek = DateRange.Ending(Today.AddDays(-1), 7);
    private const string Campaign41 = "1800000000000041";
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

    private TikTokApiOptions Options(int retries = 5) => new()
    {
        ApiBaseUrl = _fake.BaseUrl,
        AccessToken = FakeTikTokApi.Token,
        AdvertiserIds = DemoDataSet.AdvertiserId,
        RateLimitRetries = retries,
        RateLimitBackoff = TimeSpan.FromMilliseconds(5),
        MaxRequestsPerSecond = 1_000,
    };

    private TikTokApiClient Client(int retries = 5) => new(_http, Options(retries), TestClock.WaitsPassAtOnce(), NullLogger<TikTokApiClient>.Instance);

    private ApiMetricSource Source() => new(Client(), Options(), new FixedClock(Today), new ReportCache(new FixedClock(Today)), new MetricCacheOptions());

    [Fact]
    public async Task Every_metric_name_sent_is_in_the_table_for_its_report_type_and_the_fake_accepts_every_request()
    {
        var source = Source();
        var scope = Scope.Campaign(Campaign41);
        var campaigns = await source.ListCampaignsAsync(CancellationToken.None);
        await source.GetDailyAsync(scope, DateRange.Ending(Today.AddDays(-1), 90), CancellationToken.None);
        await source.GetReachAsync(scope, LastWeek, CancellationToken.None);
        await source.GetReachAsync(new Scope(ScopeLevel.AdGroup, "x"), LastWeek, CancellationToken.None);
        foreach (var by in Enum.GetValues<BreakdownDimension>())
        {
            await source.GetBreakdownAsync(Campaign41, by, LastWeek, CancellationToken.None);
        }

        // A campaign's whole life, longer than TikTok's 365 days, through the lifetime query.
        var created = campaigns.Single(c => c.Id == Campaign41).CreatedOn;
        await source.GetReachAsync(scope, new DateRange(created.AddDays(-400), Today.AddDays(-1)), CancellationToken.None);

        var sent = _fake.Reports
            .GroupBy(r => r.Query["report_type"])
            .ToDictionary(g => g.Key, g => g.SelectMany(r => JsonSerializer.Deserialize<string[]>(r.Query["metrics"])!).ToHashSet());
        Assert.Equal(["AUDIENCE", "BASIC"], sent.Keys.Order());
        Assert.All(sent["BASIC"], name => Assert.True(ReportMetrics.IsKnown(ReportType.Basic, name), name));
        Assert.All(sent["AUDIENCE"], name => Assert.True(ReportMetrics.IsKnown(ReportType.Audience, name), name));
        // The purchase value by its v1.3 name; the name v1.3 does not have is never sent.
        Assert.Contains("total_complete_payment_rate", sent["BASIC"]);
        Assert.DoesNotContain(sent.Values.SelectMany(n => n), n => n == "total_complete_payment_value");
        Assert.DoesNotContain("video_play_actions", sent["AUDIENCE"]);
        Assert.Contains(_fake.Reports, r => r.Query.GetValueOrDefault("query_lifetime") == "true");
        Assert.All(_fake.Requests, r => Assert.True(int.Parse(r.Query["page_size"]) <= 1000));
    }

    [Fact]
    public void The_table_gives_audience_reports_fewer_metrics_than_basic_ones_and_names_the_rest_no_data()
    {
        var basic = ReportMetrics.CountsFor(ReportType.Basic);
        var audience = ReportMetrics.CountsFor(ReportType.Audience);

        Assert.Equal(["spend", "impressions", "clicks", "conversion", "real_time_conversion"], audience);
        Assert.Equal(15, basic.Length);
        Assert.Subset(basic.ToHashSet(), audience.ToHashSet());
        Assert.Equal(RawCount.None, ReportMetrics.NotIn(ReportType.Basic));
        Assert.Equal(RawCount.AllClicks | RawCount.VideoViews | RawCount.VideoViews2s | RawCount.VideoViews6s | RawCount.VideoViewsP25 |
            RawCount.VideoViewsP50 | RawCount.VideoViewsP75 | RawCount.VideoViewsP100 | RawCount.VideoPlaySeconds | RawCount.PurchaseValue,
            ReportMetrics.NotIn(ReportType.Audience));
    }

    [Fact]
    public void Every_tiktok_field_the_metric_catalogue_names_is_one_the_basic_report_accepts()
    {
        Assert.All(MetricCatalogue.ApiFields, field => Assert.True(ReportMetrics.IsKnown(ReportType.Basic, field), field));
        Assert.Contains("total_complete_payment_rate", MetricCatalogue.Get(MetricId.Roas).ApiFields);
    }

    private static Dictionary<string, string> Query(string reportType = "BASIC", string level = "AUCTION_CAMPAIGN", string dimensions = """["campaign_id","stat_time_day"]""",
        string metrics = """["spend","impressions"]""", string start = "2026-11-01", string end = "2026-11-21") => new()
    {
        ["advertiser_id"] = DemoDataSet.AdvertiserId,
        ["report_type"] = reportType,
        ["data_level"] = level,
        ["dimensions"] = dimensions,
        ["metrics"] = metrics,
        ["start_date"] = start,
        ["end_date"] = end,
    };

    public static TheoryData<string, Dictionary<string, string>, string> Refused() => new()
    {
        { "a name v1.3 does not have", Query(metrics: """["spend","total_complete_payment_value","clicks_all"]"""),
            """Invalid metric fields: ["total_complete_payment_value","clicks_all"]""" },
        { "video metrics in an audience report", Query("AUDIENCE", dimensions: """["campaign_id","age"]""", metrics: """["spend","video_play_actions","engagements"]"""),
            """Invalid metric fields: ["video_play_actions","engagements"]""" },
        { "an ad group name in a campaign report", Query(metrics: """["spend","adgroup_name"]"""), """Invalid metric fields: ["adgroup_name"]""" },
        { "31 days by day", Query(start: "2026-10-22", end: "2026-11-21"), "cannot exceed 30 days when stat_time_day" },
        { "366 days without a time dimension", Query(dimensions: """["campaign_id"]""", start: "2025-11-21", end: "2026-11-21"), "cannot exceed 365 days" },
        { "an age in a basic report", Query(dimensions: """["campaign_id","age"]"""), "Invalid dimension combination" },
        { "an audience report without an audience dimension", Query("AUDIENCE"), "Invalid dimension combination" },
        { "an ad id at campaign level", Query(dimensions: """["ad_id"]"""), "Invalid dimension combination" },
        { "two time dimensions", Query(dimensions: """["campaign_id","stat_time_day","stat_time_hour"]"""), "Invalid dimension combination" },
        { "a lifetime by day", new Dictionary<string, string>(Query()) { ["query_lifetime"] = "true" }, "query_lifetime" },
        { "a lifetime audience report", new Dictionary<string, string>(Query("AUDIENCE", dimensions: """["campaign_id","gender"]""")) { ["query_lifetime"] = "true" }, "query_lifetime" },
        { "101 campaign ids", new Dictionary<string, string>(Query()) { ["filtering"] = JsonSerializer.Serialize(new[]
            {
                new { field_name = "campaign_ids", filter_type = "IN", filter_value = JsonSerializer.Serialize(Enumerable.Range(0, 101).Select(i => $"{i}")) },
            }) }, "at most 100 values for campaign_ids, got 101" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task The_fake_refuses_what_the_live_api_refuses_in_tiktoks_envelope(string what, Dictionary<string, string> query, string message)
    {
        var error = await Assert.ThrowsAsync<TikTokApiException>(() => Client().GetReportAsync(query, CancellationToken.None));

        Assert.Equal(40002, error.Code);
        Assert.Contains(message, error.TikTokMessage);
        Assert.False(string.IsNullOrEmpty(error.RequestId), what);
        Assert.Single(_fake.Reports);
    }

    [Fact]
    public async Task A_page_size_over_1000_is_refused_and_the_limits_themselves_are_accepted()
    {
        using var tooBig = await _http.SendAsync(new HttpRequestMessage(HttpMethod.Get,
            new Uri(_fake.BaseUrl, $"campaign/get/?advertiser_id={DemoDataSet.AdvertiserId}&page=1&page_size=1001")) { Headers = { { "Access-Token", FakeTikTokApi.Token } } });
        using var envelope = JsonDocument.Parse(await tooBig.Content.ReadAsStringAsync());

        Assert.Equal(40002, envelope.RootElement.GetProperty("code").GetInt32());
        Assert.Contains("page_size", envelope.RootElement.GetProperty("message").GetString());
        Assert.Equal(JsonValueKind.String, envelope.RootElement.GetProperty("request_id").ValueKind);
        Assert.Equal(JsonValueKind.Object, envelope.RootElement.GetProperty("data").ValueKind);
        // Exactly 30 days by day and 365 days without a time dimension pass.
        Assert.NotEmpty(await Client().GetReportAsync(Query(start: "2026-10-23", end: "2026-11-21"), CancellationToken.None));
        Assert.NotEmpty(await Client().GetReportAsync(Query(dimensions: """["campaign_id"]""", start: "2025-11-22", end: "2026-11-21"), CancellationToken.None));
    }

    [Theory]
    [InlineData(50000, "Internal service error.")]
    [InlineData(40100, "Requests made too frequently.")]
    public async Task A_transient_error_code_is_retried_and_the_answer_arrives(int code, string message)
    {
        var failures = 2;
        _fake.RawAnswer = (path, _) => path == "report/integrated/get/" && Interlocked.Decrement(ref failures) >= 0
            ? JsonSerializer.Serialize(new { code, message, request_id = $"r-{failures}", data = new { } })
            : null;

        var daily = await Source().GetDailyAsync(Scope.Campaign(Campaign41), LastWeek, CancellationToken.None);

        Assert.Equal(7, daily.Count);
        Assert.Equal(3, _fake.Reports.Count(r => r.Query["page"] == "1"));
    }

    [Fact]
    public async Task An_internal_error_that_does_not_pass_is_retried_a_bounded_number_of_times_then_told_plainly()
    {
        _fake.Refuse = (50000, "Internal service error.");

        var error = await Assert.ThrowsAsync<TikTokApiException>(() => new ApiMetricSource(Client(retries: 3), Options(3), new FixedClock(Today), new ReportCache(new FixedClock(Today)), new MetricCacheOptions())
            .ListCampaignsAsync(CancellationToken.None));

        Assert.Equal(50000, error.Code);
        Assert.Contains("internal error", error.Message);
        Assert.Equal(4, _fake.Requests.Count);
    }

    [Fact]
    public async Task A_refusal_that_cannot_pass_is_not_retried()
    {
        _fake.Refuse = (40002, "advertiser_id is invalid");

        await Assert.ThrowsAsync<TikTokApiException>(() => Source().ListCampaignsAsync(CancellationToken.None));

        Assert.Single(_fake.Requests);
    }

    [Fact]
    public async Task Errors_are_classified_on_tiktoks_words_before_the_token_is_redacted()
    {
        // TikTok echoing the token into a rate-limit message: redacted, it reads "[access token]", yet it is no token failure.
        _fake.Refuse = (40100, $"Too many requests with {FakeTikTokApi.Token}");

        var error = await Assert.ThrowsAsync<TikTokApiException>(() => new ApiMetricSource(Client(retries: 1), Options(1), new FixedClock(Today), new ReportCache(new FixedClock(Today)), new MetricCacheOptions())
            .ListCampaignsAsync(CancellationToken.None));

        Assert.IsNotType<TikTokAuthException>(error);
        Assert.Equal(40100, error.Code);
        Assert.Contains("[access token]", error.TikTokMessage);
        Assert.DoesNotContain(FakeTikTokApi.Token, error.TikTokMessage + error.Message);
        Assert.Equal(2, _fake.Requests.Count);
    }

    [Fact]
    public async Task A_paused_campaign_is_listed_as_paused_since_the_day_tiktok_gives_and_delivers_nothing_after()
    {
        var pausedOn = Today.AddDays(-3);
        _fake.SetStatus(Campaign41, "DISABLE", "CAMPAIGN_STATUS_DISABLE", pausedOn);
        _fake.SetStatus("1800000000000042", "DISABLE", "CAMPAIGN_STATUS_DELETE", Today.AddDays(-1));
        var source = Source();

        var campaigns = await source.ListCampaignsAsync(CancellationToken.None);
        var daily = await source.GetDailyAsync(Scope.Campaign(Campaign41), LastWeek, CancellationToken.None);

        var paused = campaigns.Single(c => c.Id == Campaign41);
        Assert.Equal((CampaignStatus.Paused, pausedOn, "paused since 19 Nov 2026"), (paused.DeliveryStatus, paused.StatusChangedOn, paused.StatusLabel));
        Assert.Equal(CampaignStatus.Deleted, campaigns.Single(c => c.Id == "1800000000000042").DeliveryStatus);
        Assert.All(campaigns.Where(c => c.Id is not (Campaign41 or "1800000000000042")), c => Assert.Null(c.StatusLabel));
        Assert.Equal(pausedOn.AddDays(-1), daily.Max(d => d.Date));

        var facts = await new CampaignFactsLoader(source).LoadAsync(paused, LastWeek, null, CancellationToken.None);
        Assert.Equal((CampaignStatus.Paused, 4), (facts.Campaign.Status, facts.Campaign.EnabledDays(LastWeek)));
    }

    [Fact]
    public async Task Ad_groups_carry_their_own_status_and_that_of_their_campaign()
    {
        var source = Source();
        var groups = await source.GetBreakdownAsync(Campaign41, BreakdownDimension.AdGroup, LastWeek, CancellationToken.None);
        Assert.True(groups.Count >= 2);
        Assert.All(groups, g => Assert.Null(g.Status));

        _fake.SetStatus(groups[0].Key, "DISABLE", "ADGROUP_STATUS_DISABLE", Today.AddDays(-2));
        _fake.SetStatus(Campaign41, "DISABLE", "CAMPAIGN_STATUS_DISABLE", Today.AddDays(-1));
        var after = await Source().GetBreakdownAsync(Campaign41, BreakdownDimension.AdGroup, LastWeek, CancellationToken.None);

        Assert.Equal("paused since 20 Nov 2026", after.Single(g => g.Key == groups[0].Key).Status);
        // The others are on, but their campaign is not: TikTok says ADGROUP_STATUS_CAMPAIGN_DISABLE.
        Assert.All(after.Where(g => g.Key != groups[0].Key), g => Assert.StartsWith("paused", g.Status));
    }

    [Fact]
    public async Task An_audience_breakdown_shows_no_data_for_what_audience_reports_cannot_give()
    {
        var rows = await Source().GetBreakdownAsync(Campaign41, BreakdownDimension.Gender, LastWeek, CancellationToken.None);

        Assert.NotEmpty(rows);
        Assert.All(rows, r =>
        {
            Assert.NotNull(r.Totals.Value(MetricId.Spend));
            Assert.NotNull(r.Totals.Value(MetricId.DestinationClicks));
            Assert.Null(r.Totals.Value(MetricId.AllClicks));
            Assert.Null(r.Totals.Value(MetricId.VideoViews));
            Assert.Null(r.Totals.Value(MetricId.Roas));
        });
    }

    [Fact]
    public async Task A_metric_missing_from_a_row_is_no_data_and_not_zero()
    {
        _fake.RawAnswer = (path, _) => path == "report/integrated/get/"
            ? """{"code":0,"message":"OK","request_id":"r","data":{"list":[{"dimensions":{"campaign_id":"1800000000000041","stat_time_day":"2026-11-20 00:00:00"},"metrics":{"spend":"12.00","impressions":"3000","clicks":"30","engagements":null}}],"page_info":{"total_page":1,"total_number":1}}}"""
            : null;

        var day = Assert.Single(await Source().GetDailyAsync(Scope.Campaign(Campaign41), LastWeek, CancellationToken.None));

        var totals = day.AsScope;
        Assert.Equal(0m, totals.Value(MetricId.AllClicks)); // sent, as null: TikTok's way of saying none
        Assert.Null(totals.Value(MetricId.Conversions)); // not sent at all
        Assert.Null(totals.Value(MetricId.VideoViews));
        Assert.Null(totals.AverageWatchTime);
        Assert.Equal(0.01m, totals.Ctr);
    }
}
