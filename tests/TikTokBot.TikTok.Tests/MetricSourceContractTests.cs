using TikTokBot.TikTok.Caching;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using TikTokBot.Domain.Metrics;
using TikTokBot.TikTok.Api;
using TikTokBot.TikTok.Csv;
using TikTokBot.TikTok.Demo;
using TikTokBot.TikTok.Sources;
using TikTokBot.Testing;

namespace TikTokBot.TikTok.Tests;

/// <summary>
/// The same promises, kept by every source. All three serve the demo data: directly, through the fake TikTok API,
/// and through an Ads Manager CSV export written from it; so each must also give back the same daily figures.
/// </summary>
public abstract class MetricSourceContract : IAsyncLifetime
{
    protected static readonly DateOnly Today = new(2026, 11, 22);
    protected static readonly DateRange LastWeek = DateRange.Ending(Today.AddDays(-1), 7);
    protected readonly DemoMetricSource Demo = new(new FixedClock(Today));

    protected IMetricSource Source { get; set; } = null!;

    public abstract Task InitializeAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task It_lists_every_campaign_with_a_name_and_a_known_objective()
    {
        var campaigns = await Source.ListCampaignsAsync(CancellationToken.None);

        Assert.Equal((await Demo.ListCampaignsAsync(CancellationToken.None)).Select(c => c.Id).Order(), campaigns.Select(c => c.Id).Order());
        Assert.All(campaigns, c => Assert.False(string.IsNullOrWhiteSpace(c.Name)));
        Assert.All(campaigns, c => Assert.NotNull(c.Objective));
    }

    [Fact]
    public async Task Daily_figures_are_one_row_a_day_inside_the_range_oldest_first_and_equal_to_the_data()
    {
        var scope = Scope.Campaign("1800000000000042");

        var daily = await Source.GetDailyAsync(scope, LastWeek, CancellationToken.None);

        Assert.All(daily, d => Assert.True(LastWeek.Contains(d.Date)));
        Assert.Equal(daily.Select(d => d.Date).Order(), daily.Select(d => d.Date));
        Assert.Equal(daily.Count, daily.Select(d => d.Date).Distinct().Count());
        var expected = await Demo.GetDailyAsync(scope, LastWeek, CancellationToken.None);
        Assert.Equal(expected.Select(d => (d.Date, d.Counts.Impressions, d.Counts.Spend, d.Counts.Conversions)),
            daily.Select(d => (d.Date, d.Counts.Impressions, d.Counts.Spend, d.Counts.Conversions)));
    }

    [Fact]
    public async Task An_unknown_campaign_has_no_figures_rather_than_someone_elses()
    {
        var daily = await Source.GetDailyAsync(Scope.Campaign("9999999999999999"), LastWeek, CancellationToken.None);

        Assert.Empty(daily);
    }

    [Fact]
    public async Task Reach_is_unknown_or_at_most_the_impressions_of_the_range()
    {
        var scope = Scope.Campaign("1800000000000041");

        var reach = await Source.GetReachAsync(scope, LastWeek, CancellationToken.None);

        var impressions = (await Source.GetDailyAsync(scope, LastWeek, CancellationToken.None)).Sum(d => d.Counts.Impressions);
        Assert.True(reach is null || (reach > 0 && reach <= impressions), $"reach {reach}, impressions {impressions}");
    }
}

public sealed class DemoSourceContract : MetricSourceContract
{
    public override Task InitializeAsync()
    {
        Source = Demo;
        return Task.CompletedTask;
    }
}

public sealed class ApiSourceContract : MetricSourceContract
{
    private FakeTikTokApi _fake = null!;
    private HttpClient _http = null!;

    public override async Task InitializeAsync()
    {
        _fake = await FakeTikTokApi.StartAsync(Today);
        _http = new HttpClient();
        var options = new TikTokApiOptions { ApiBaseUrl = _fake.BaseUrl, AccessToken = FakeTikTokApi.Token, AdvertiserIds = DemoDataSet.AdvertiserId };
        Source = new ApiMetricSource(new TikTokApiClient(_http, options, TestClock.WaitsPassAtOnce(), NullLogger<TikTokApiClient>.Instance), options, new FixedClock(Today), new ReportCache(new FixedClock(Today)), new MetricCacheOptions());
    }

    public override async Task DisposeAsync()
    {
        _http.Dispose();
        await _fake.DisposeAsync();
    }
}

public sealed class CsvSourceContract : MetricSourceContract
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tiktokbot-contract-").FullName;

    /// <summary>Writes the demo data as an ad-group-level daily export, the way Ads Manager formats numbers.</summary>
    public override async Task InitializeAsync()
    {
        var csv = new StringBuilder("Date,Campaign ID,Campaign name,Objective,Ad group ID,Ad group name,Cost,Impressions,Clicks (destination),Conversions\n");
        var range = DateRange.Ending(Today.AddDays(-1), 14);
        foreach (var campaign in await Demo.ListCampaignsAsync(CancellationToken.None))
        {
            foreach (var group in await Demo.GetBreakdownAsync(campaign.Id, BreakdownDimension.AdGroup, range, CancellationToken.None))
            {
                foreach (var day in await Demo.GetDailyAsync(new Scope(ScopeLevel.AdGroup, group.Key), range, CancellationToken.None))
                {
                    var c = day.Counts;
                    csv.Append(CultureInfo.InvariantCulture,
                        $"{day.Date:yyyy-MM-dd},{campaign.Id},\"{campaign.Name}\",{campaign.ObjectiveType},{group.Key},{group.Name},\"${c.Spend:#,0.00}\",\"{c.Impressions:#,0}\",{c.DestinationClicks},{c.Conversions}\n");
                }
            }
        }

        await File.WriteAllTextAsync(Path.Combine(_folder, "export.csv"), csv.ToString());
        Source = new CsvMetricSource(_folder);
    }

    public override Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}
