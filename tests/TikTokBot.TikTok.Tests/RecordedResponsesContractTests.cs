using TikTokBot.TikTok.Caching;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using TikTokBot.Domain.Metrics;
using TikTokBot.TikTok.Api;
using TikTokBot.TikTok.Sources;
using TikTokBot.Testing;

namespace TikTokBot.TikTok.Tests;

/// <summary>
/// The API source against answers recorded from the live TikTok API for Business v1.3, replayed by the fake TikTok
/// after it has checked each request against the real API's limits. The recordings are those Airbyte's
/// source-tiktok-marketing replays in its integration tests (github.com/airbytehq/airbyte,
/// airbyte-integrations/connectors/source-tiktok-marketing/unit_tests/resource/http/response/campaigns_reports_hourly.json
/// for the report rows, .../advertisers_audience_reports_lifetime.json for the age rows, and the campaign of
/// .../unit_tests/integration/test_campaigns.py), put into the shape of the requests TikTokBot sends: the hourly rows
/// become two days of one campaign, the age rows that campaign's age breakdown. The lifetime reach (6112) is ours:
/// no recording has one. Every total below is worked out by hand from the recorded values, and where TikTok sent its
/// own ratio (ctr "1.09", cpc "0.39", cpm "4.26", frequency "1.23", cost_per_1000_reached "5.23") ours must round to it.
/// </summary>
public sealed class RecordedResponsesContractTests : IAsyncLifetime
{
    private const string CampaignId = "123456789";
    private const string Advertiser = "872746382648";

    // More than a year after the campaign was created on 2024-01-01.
    private static readonly DateOnly Today = new(2025, 3, 1);
    private static readonly DateOnly FirstDay = new(2024, 1, 1);
    private FakeTikTokApi _fake = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeTikTokApi.StartAsync(Today);
        _fake.Replay = Recorded;
        _http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _fake.DisposeAsync();
    }

    private static string File(string name) => System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Recorded", name));

    /// <summary>The recorded answer for a request the fake has already checked like the live API does.</summary>
    private static string? Recorded(RecordedRequest request)
    {
        if (request.Path == "campaign/get/")
        {
            return File("campaign-get.json");
        }

        var q = request.Query;
        if (q["report_type"] == "AUDIENCE")
        {
            return File("report-age.json");
        }

        if (q["dimensions"].Contains("stat_time_day", StringComparison.Ordinal))
        {
            // The recorded days that fall in the window asked for, as TikTok would send them.
            var window = new DateRange(DateOnly.Parse(q["start_date"]), DateOnly.Parse(q["end_date"]));
            var answer = JsonNode.Parse(File("report-daily.json"))!;
            var list = answer["data"]!["list"]!.AsArray();
            foreach (var row in list.Where(r => !window.Contains(DateOnly.FromDateTime(DateTime.Parse(r!["dimensions"]!["stat_time_day"]!.GetValue<string>())))).ToArray())
            {
                list.Remove(row);
            }

            answer["data"]!["page_info"]!["total_number"] = list.Count;
            return answer.ToJsonString();
        }

        if (q.GetValueOrDefault("query_lifetime") == "true")
        {
            return File("report-reach-lifetime.json");
        }

        return q["start_date"] == "2024-01-01" && q["end_date"] == "2024-01-01" ? File("report-reach-day.json") : File("report-empty.json");
    }

    private ApiMetricSource Source()
    {
        var options = new TikTokApiOptions
        {
            ApiBaseUrl = _fake.BaseUrl,
            AccessToken = FakeTikTokApi.Token,
            AdvertiserIds = Advertiser,
            MaxRequestsPerSecond = 1_000,
        };
        return new ApiMetricSource(new TikTokApiClient(_http, options, TestClock.WaitsPassAtOnce(), NullLogger<TikTokApiClient>.Instance), options, new FixedClock(Today), new ReportCache(new FixedClock(Today)), new MetricCacheOptions());
    }

    [Fact]
    public async Task One_recorded_day_gives_tiktoks_own_figures()
    {
        var source = Source();
        var day = new DateRange(FirstDay, FirstDay);

        var daily = await source.GetDailyAsync(Scope.Campaign(CampaignId), day, CancellationToken.None);
        var reach = await source.GetReachAsync(Scope.Campaign(CampaignId), day, CancellationToken.None);
        var totals = new ScopeTotals(RawTotals.Sum(daily.Select(d => d.Counts)), reach);

        Assert.Equal(FirstDay, Assert.Single(daily).Date);
        Assert.Equal(20.00m, totals.Value(MetricId.Spend));
        Assert.Equal(4696m, totals.Value(MetricId.Impressions));
        Assert.Equal(51m, totals.Value(MetricId.DestinationClicks));
        Assert.Equal(3822m, totals.Value(MetricId.Reach));
        // CTR 51 / 4696 = 1.0860% (TikTok: "1.09"); CPC 20.00 / 51 = 0.3922 ("0.39"); CPM 20.00 × 1000 / 4696 = 4.2589 ("4.26").
        Assert.Equal(0.010860m, decimal.Round(totals.Ctr!.Value, 6));
        Assert.Equal(0.3922m, decimal.Round(totals.CpcDestination!.Value, 4));
        Assert.Equal(4.2589m, decimal.Round(totals.Cpm!.Value, 4));
        Assert.Equal((1.09m, 0.39m, 4.26m), (decimal.Round(totals.Ctr.Value * 100, 2), decimal.Round(totals.CpcDestination.Value, 2), decimal.Round(totals.Cpm.Value, 2)));
        // Frequency 4696 / 3822 = 1.2287 ("1.23"); cost per 1,000 reached 20.00 × 1000 / 3822 = 5.2329 ("5.23").
        Assert.Equal(1.2287m, decimal.Round(totals.Frequency!.Value, 4));
        Assert.Equal(5.2329m, decimal.Round(totals.CostPer1000Reached!.Value, 4));
        // Video: 4179 views, 76 complete (1.82%), 1.48 s a view = 6184.92 s watched.
        Assert.Equal(4179m, totals.Value(MetricId.VideoViews));
        Assert.Equal(0.0182m, decimal.Round(totals.VideoCompletionRate!.Value, 4));
        Assert.Equal(6184.92m, totals.Counts.VideoPlaySeconds);
    }

    [Fact]
    public async Task What_the_recording_does_not_carry_is_no_data_not_zero()
    {
        var daily = await Source().GetDailyAsync(Scope.Campaign(CampaignId), new DateRange(FirstDay, FirstDay), CancellationToken.None);
        var totals = new ScopeTotals(RawTotals.Sum(daily.Select(d => d.Counts)), 3822);

        // The recorded rows have no engagements, conversion, real_time_conversion or purchase value.
        Assert.Null(totals.Value(MetricId.AllClicks));
        Assert.Null(totals.Value(MetricId.Conversions));
        Assert.Null(totals.Value(MetricId.CostPerConversion));
        Assert.Null(totals.Value(MetricId.RealTimeConversions));
        Assert.Null(totals.Value(MetricId.Roas));
        Assert.Null(totals.Value(MetricId.CpcAll));
        Assert.Equal("—", MetricFormat.Format(MetricId.AllClicks, totals.Value(MetricId.AllClicks)));
    }

    [Fact]
    public async Task The_lifetime_of_a_campaign_older_than_a_year_is_read_in_windows_the_api_accepts_and_one_lifetime_reach()
    {
        var source = Source();
        var campaign = Assert.Single(await source.ListCampaignsAsync(CancellationToken.None));
        var lifetime = new DateRange(campaign.CreatedOn, Today.AddDays(-1));

        var facts = await new CampaignFactsLoader(source).LoadAsync(campaign, lifetime, null, CancellationToken.None);

        Assert.Equal((CampaignId, FirstDay, 425), (campaign.Id, campaign.CreatedOn, lifetime.Days));
        // Two recorded days: spend 2 × 20.00, impressions 2 × 4696, clicks 2 × 51.
        var now = facts.Current;
        Assert.Equal((40.00m, 9392L, 102L), (now.Counts.Spend, now.Counts.Impressions, now.Counts.DestinationClicks));
        Assert.Equal(6112L, now.Reach);
        // CTR 102 / 9392 = 1.0860%; CPC 40 / 102 = 0.3922; CPM 40 × 1000 / 9392 = 4.2589; frequency 9392 / 6112 = 1.5366.
        Assert.Equal((0.010860m, 0.3922m, 4.2589m, 1.5366m),
            (decimal.Round(now.Ctr!.Value, 6), decimal.Round(now.CpcDestination!.Value, 4), decimal.Round(now.Cpm!.Value, 4), decimal.Round(now.Frequency!.Value, 4)));
        // Nothing before the campaign existed is asked for or compared with.
        Assert.Null(facts.Previous);
        var reports = _fake.Reports.ToArray();
        Assert.DoesNotContain(reports, r => r.Query.TryGetValue("end_date", out var end) && DateOnly.Parse(end) < FirstDay);
        // 425 days are 15 daily windows of at most 30 days, asked together; reach is one lifetime query.
        var windows = reports.Where(r => r.Query["dimensions"].Contains("stat_time_day", StringComparison.Ordinal)).ToArray();
        Assert.Equal(15, windows.Length);
        Assert.All(windows, w => Assert.InRange(DateOnly.Parse(w.Query["end_date"]).DayNumber - DateOnly.Parse(w.Query["start_date"]).DayNumber + 1, 1, 30));
        Assert.Equal(lifetime.Days, windows.Sum(w => DateOnly.Parse(w.Query["end_date"]).DayNumber - DateOnly.Parse(w.Query["start_date"]).DayNumber + 1));
        var reach = Assert.Single(reports, r => !r.Query["dimensions"].Contains("stat_time_day", StringComparison.Ordinal));
        Assert.Equal("true", reach.Query["query_lifetime"]);
        Assert.False(reach.Query.ContainsKey("start_date"));
    }

    [Fact]
    public async Task The_recorded_age_breakdown_adds_up_by_hand_and_asks_only_what_audience_reports_accept()
    {
        var week = DateRange.Ending(Today.AddDays(-1), 7);

        var rows = await Source().GetBreakdownAsync(CampaignId, BreakdownDimension.Age, week, CancellationToken.None);

        var young = Assert.Single(rows, r => r.Key == "AGE_35_44").Totals;
        var old = Assert.Single(rows, r => r.Key == "AGE_55_100").Totals;
        Assert.Equal((31.56m, 6897L, 87L), (young.Counts.Spend, young.Counts.Impressions, young.Counts.DestinationClicks));
        // CTR 87 / 6897 = 1.2614% ("1.26"); CPC 31.56 / 87 = 0.3628 ("0.36"); CPM 31.56 × 1000 / 6897 = 4.5759 ("4.58").
        Assert.Equal((0.012614m, 0.3628m, 4.5759m), (decimal.Round(young.Ctr!.Value, 6), decimal.Round(young.CpcDestination!.Value, 4), decimal.Round(young.Cpm!.Value, 4)));
        // 17 impressions, no click, no spend: CTR and CPM are 0, CPC has no clicks to divide by.
        Assert.Equal((0m, 0m), (old.Ctr, old.Cpm));
        Assert.Null(old.CpcDestination);
        // Both segments: 31.56 spent on 6914 impressions and 87 clicks, CTR 1.2583%.
        var all = ScopeTotals.Combine(rows.Select(r => r.Totals));
        Assert.Equal((31.56m, 6914L, 87L, 0.012583m), (all.Counts.Spend, all.Counts.Impressions, all.Counts.DestinationClicks, decimal.Round(all.Ctr!.Value, 6)));
        // Audience reports give no video metrics: no data, never 0.
        Assert.Null(young.Value(MetricId.VideoViews));
        var request = Assert.Single(_fake.Reports);
        Assert.Equal(["campaign_id", "age"], JsonSerializer.Deserialize<string[]>(request.Query["dimensions"])!);
        Assert.All(JsonSerializer.Deserialize<string[]>(request.Query["metrics"])!, m => Assert.True(ReportMetrics.IsKnown(ReportType.Audience, m), m));
    }
}
