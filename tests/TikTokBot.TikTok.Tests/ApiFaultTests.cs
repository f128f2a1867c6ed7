using Microsoft.Extensions.Logging.Abstractions;
using TikTokBot.Domain.Metrics;
using TikTokBot.TikTok.Api;
using TikTokBot.TikTok.Caching;
using TikTokBot.TikTok.Demo;
using TikTokBot.TikTok.Sources;
using TikTokBot.Testing;

namespace TikTokBot.TikTok.Tests;

/// <summary>
/// TikTok answering badly: broken or oddly typed JSON, pages missing mid-series, storms of 40100. Each becomes a
/// plain message that says what to do, and the shared cache keeps nothing from the failed read.
/// </summary>
public sealed class ApiFaultTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly DateRange LastWeek = DateRange.Ending(Today.AddDays(-1), 7);
    private static readonly Scope Campaign41 = Scope.Campaign("1800000000000041");
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

    private CachedMetricSource Source()
    {
        var options = new TikTokApiOptions
        {
            ApiBaseUrl = _fake.BaseUrl,
            AccessToken = FakeTikTokApi.Token,
            AdvertiserIds = DemoDataSet.AdvertiserId,
            RateLimitBackoff = TimeSpan.FromMilliseconds(5),
            MaxRequestsPerSecond = 1_000,
        };
        var api = new ApiMetricSource(new TikTokApiClient(_http, options, TestClock.WaitsPassAtOnce(), NullLogger<TikTokApiClient>.Instance), options, new FixedClock(Today), new ReportCache(new FixedClock(Today)), new MetricCacheOptions());
        return new CachedMetricSource(api, new FixedClock(Today), new MetricCacheOptions(), new ReportCache(new FixedClock(Today)), "source", []);
    }



    public static TheoryData<string, int, string, string> Faults() => new()
    {
        { "not JSON", 1, "<html>502 Bad Gateway</html>", "could not read" },
        { "truncated JSON", 1, """{"code":0,"data":{"list":[""", "could not read" },
        { "an array instead of the envelope", 1, "[1,2,3]", "could not read" },
        { "code as a string", 1, """{"code":"0","message":"OK","data":{}}""", "refused the request" },
        { "message as a number", 1, """{"code":40002,"message":7,"request_id":8}""", "refused the request (40002: 7)" },
        { "a row that is a string", 1, """{"code":0,"data":{"list":["row"],"page_info":{"total_page":1}}}""", "could not read" },
        { "a day that is not a date", 1, """{"code":0,"data":{"list":[{"dimensions":{"campaign_id":"1800000000000041","stat_time_day":"soon"},"metrics":{}}],"page_info":{"total_page":1}}}""", "could not read" },
        { "page 2 of 3 empty", 2, """{"code":0,"data":{"list":[],"page_info":{"page":2,"total_page":3,"total_number":60}}}""", "incomplete report" },
        { "page 2 claiming to be the last", 2, """{"code":0,"data":{"list":[],"page_info":{"page":2,"total_page":2,"total_number":60}}}""", "incomplete report" },
        { "page 2 rate limited for good", 2, """{"code":40100,"message":"Too many requests"}""", "Try again in a minute" },
        { "an expired token mid-series", 2, """{"code":40105,"message":"Access token has expired"}""", "Reconnect TikTok" },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task A_bad_answer_becomes_a_plain_message_and_the_next_read_is_whole(string fault, int page, string answer, string message)
    {
        var source = Source();
        _fake.RawAnswer = (path, p) => path == "report/integrated/get/" && p == page ? answer : null;

        var error = await Assert.ThrowsAnyAsync<MetricSourceException>(() => source.GetDailyAsync(Campaign41, LastWeek, CancellationToken.None));

        Assert.Contains(message, error.Message);
        Assert.DoesNotContain(FakeTikTokApi.Token, error.Message);
        _fake.RawAnswer = null;
        var daily = await source.GetDailyAsync(Campaign41, LastWeek, CancellationToken.None);
        Assert.Equal(await _demo.GetDailyAsync(Campaign41, LastWeek, CancellationToken.None), daily);
        Assert.True(fault.Length > 0);
    }

    [Fact]
    public async Task Numbers_too_big_for_any_real_count_are_read_as_no_data_instead_of_failing()
    {
        _fake.RawAnswer = (path, _) => path == "report/integrated/get/"
            ? """{"code":0,"data":{"list":[{"dimensions":{"campaign_id":"1800000000000041","stat_time_day":"2026-11-20 00:00:00"},"metrics":{"spend":1e400,"impressions":"79228162514264337593543950335","clicks":99999999999999999999999}}],"page_info":{"total_page":1,"total_number":1}}}"""
            : null;

        var daily = await Source().GetDailyAsync(Campaign41, LastWeek, CancellationToken.None);

        var day = Assert.Single(daily);
        Assert.Equal((0m, 0L, 0L), (day.Counts.Spend, day.Counts.Impressions, day.Counts.DestinationClicks));
    }

    [Fact]
    public async Task A_storm_of_40100_across_fifty_readers_is_one_paced_series_and_everyone_gets_the_figures()
    {
        var source = Source();
        _fake.RateLimitNext(4);

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => source.GetDailyAsync(Campaign41, LastWeek, CancellationToken.None)));

        var expected = await _demo.GetDailyAsync(Campaign41, LastWeek, CancellationToken.None);
        Assert.All(answers, a => Assert.Equal(expected, a));
        Assert.InRange(_fake.Reports.Count(), 5, 8);
    }
}
