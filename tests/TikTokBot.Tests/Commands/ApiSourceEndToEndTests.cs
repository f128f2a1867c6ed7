using Microsoft.Extensions.DependencyInjection;
using System.Net;
using TikTokBot.Testing;
using TikTokBot.TikTok.Demo;

namespace TikTokBot.Tests.Commands;

/// <summary>The app with TikTok:Source=Api, reading from a local fake TikTok API for Business.</summary>
public sealed class ApiSourceAppFactory : KestrelAppFactory
{
    public ApiSourceAppFactory()
    {
        TikTok = FakeTikTokApi.StartAsync(DateOnly.FromDateTime(TikTokBot.Testing.RunningClock.Shared.GetUtcNow().UtcDateTime)).GetAwaiter().GetResult();
    }

    public FakeTikTokApi TikTok { get; }

    /// <summary>Settings of the test's own, applied after the factory's.</summary>
    public IReadOnlyList<(string Key, string Value)> MoreSettings { get; init; } = [];

    protected override IEnumerable<(string Key, string Value)> ExtraSettings() =>
    [
        ("TikTok:Source", "Api"),
        ("TikTok:AccessToken", FakeTikTokApi.Token),
        ("TikTok:AdvertiserIds", DemoDataSet.AdvertiserId),
        ("TikTok:ApiBaseUrl", TikTok.BaseUrl.ToString()),
        .. MoreSettings,
    ];

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            TikTok.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}

public sealed class ApiSourceEndToEndTests : IClassFixture<ApiSourceAppFactory>
{
    private readonly ApiSourceAppFactory _factory;

    public ApiSourceEndToEndTests(ApiSourceAppFactory factory) => _factory = factory;

    [Fact]
    public async Task Campaign_42_read_live_from_the_api_leads_with_the_same_finding()
    {
        // The account's history read first (as the read-ahead does at start): a first summary waits for a read under way,
        // which over the API takes longer than Slack's 3 seconds, and the answer would go to the response_url instead.
        using var client = _factory.CreateKestrelClient();
        await (await _factory.Services.GetRequiredService<TikTokBot.Reports.ReportService>().HistoryAsync("T-API", CancellationToken.None))!
            .ReadAsync(CancellationToken.None);
        using var request = SlackTestRequests.Signed("/slack/commands",
            "team_id=T-API&channel_id=C1&user_id=U1&command=%2Fttmetrics&text=campaign-42&response_url=http%3A%2F%2F127.0.0.1%3A9%2Fx");

        var response = await client.SendAsync(request);
        var json = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(json.Contains("Creative fatigue", StringComparison.Ordinal), json);
        Assert.Contains(_factory.TikTok.Requests, r => r.Path == "report/integrated/get/" && r.AccessToken == FakeTikTokApi.Token);
    }

    [Fact]
    public async Task A_refused_token_reaches_the_asker_as_a_plain_message()
    {
        _factory.TikTok.Refuse = (40105, "Access token is invalid or has expired.");
        try
        {
            using var client = _factory.CreateKestrelClient();
            using var request = SlackTestRequests.Signed("/slack/commands",
                "team_id=T-API&channel_id=C1&user_id=U1&command=%2Fttmetrics&text=campaign-43&response_url=http%3A%2F%2F127.0.0.1%3A9%2Fx");

            var json = await (await client.SendAsync(request)).Content.ReadAsStringAsync();

            Assert.Contains("Reconnect TikTok", json);
            Assert.DoesNotContain(FakeTikTokApi.Token, json);
        }
        finally
        {
            _factory.TikTok.Refuse = null;
        }
    }
}
