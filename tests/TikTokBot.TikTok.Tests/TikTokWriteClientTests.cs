using Microsoft.Extensions.Logging.Abstractions;
using TikTokBot.Domain.Actions;
using TikTokBot.Testing;
using TikTokBot.TikTok.Api;
using TikTokBot.TikTok.Demo;
using TikTokBot.TikTok.Writes;

namespace TikTokBot.TikTok.Tests;

/// <summary>The write client against the fake TikTok on Kestrel: the wire bodies, the fresh reads, and how each failure is told apart.</summary>
public sealed class TikTokWriteClientTests : IAsyncLifetime
{
    private const string AdGroup = "1800000000000042-g2";
    private const string Campaign = "1800000000000042";
    private static readonly DateOnly Today = new(2026, 11, 20);
    private static readonly AdvertiserAccess Access = new(DemoDataSet.AdvertiserId, null, "USD", "UTC");
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private FakeTikTokApi _fake = null!;
    private TikTokWriteClient _client = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeTikTokApi.StartAsync(Today);
        _client = new TikTokWriteClient(_http, new TikTokApiOptions { ApiBaseUrl = _fake.BaseUrl, AccessToken = FakeTikTokApi.Token, RateLimitBackoff = TimeSpan.FromMilliseconds(1) },
            TestClock.WaitsPassAtOnce(), NullLogger<TikTokWriteClient>.Instance);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task A_fresh_read_gives_status_budget_mode_cbo_and_todays_spend_as_the_demo_data_has_them()
    {
        var state = (await _client.ReadAsync(Access, ActionLevel.AdGroup, AdGroup, Today, Ct))!;
        var demoSpend = (await new DemoMetricSource(new NoonClock(Today)).GetDailyAsync(new Sources.Scope(Sources.ScopeLevel.AdGroup, AdGroup), new Domain.Metrics.DateRange(Today, Today), Ct)).Single().Counts.Spend;

        Assert.Equal(new TargetState(ActionLevel.AdGroup, AdGroup, "Interest: fashion", Campaign, true, 54m, BudgetMode.Daily, false, demoSpend, "USD",
            CampaignName: "campaign-42 Autumn Sale"), state);
        Assert.Null(await _client.ReadAsync(Access, ActionLevel.AdGroup, "1800000000000042-g9", Today, Ct));
    }

    [Fact]
    public async Task Each_write_sends_TikToks_body_and_later_reads_see_it()
    {
        await _client.SetStatusAsync(Access, ActionLevel.Campaign, Campaign, enabled: false, Ct);
        await _client.SetBudgetAsync(Access, ActionLevel.Campaign, Campaign, 150m, BudgetMode.Daily, Ct);
        await _client.SetBudgetAsync(Access, ActionLevel.AdGroup, AdGroup, 3000m, BudgetMode.Lifetime, Ct);

        Assert.Equal(
            [
                ("campaign/status/update/", """{"advertiser_id":"7000000000000001","campaign_ids":["1800000000000042"],"operation_status":"DISABLE"}"""),
                ("campaign/update/", """{"advertiser_id":"7000000000000001","campaign_id":"1800000000000042","budget":150}"""),
                ("adgroup/budget/update/", """{"advertiser_id":"7000000000000001","budget":[{"adgroup_id":"1800000000000042-g2","budget":3000}]}"""),
            ],
            _fake.Writes.Writes.Select(w => (w.Path, w.Body.ToJsonString())));
        var campaign = (await _client.ReadAsync(Access, ActionLevel.Campaign, Campaign, Today, Ct))!;
        Assert.Equal((false, 150m), (campaign.Enabled, campaign.Budget));
    }

    [Fact]
    public async Task A_permission_refusal_says_what_to_grant_and_is_not_retried()
    {
        _fake.Writes.DenyWrites = true;

        var refused = await Assert.ThrowsAsync<TikTokPermissionException>(() => _client.SetStatusAsync(Access, ActionLevel.AdGroup, AdGroup, false, Ct));

        Assert.Equal(40001, refused.Code);
        Assert.Contains("Admin or Operator role", refused.Message);
        Assert.Single(_fake.Writes.Writes);
    }

    [Fact]
    public async Task A_write_without_an_answer_is_uncertain_and_sent_only_once()
    {
        _fake.Writes.HangAfterApplyingNextWrite();
        using var shortHttp = new HttpClient { Timeout = TimeSpan.FromMilliseconds(500) };
        var client = new TikTokWriteClient(shortHttp, new TikTokApiOptions { ApiBaseUrl = _fake.BaseUrl, AccessToken = FakeTikTokApi.Token }, TestClock.WaitsPassAtOnce(), NullLogger<TikTokWriteClient>.Instance);

        await Assert.ThrowsAsync<TikTokWriteUncertainException>(() => client.SetStatusAsync(Access, ActionLevel.AdGroup, AdGroup, false, Ct));

        Assert.Single(_fake.Writes.Applied);
        Assert.False(_fake.Writes.Get(AdGroup).Enabled);
    }

    [Fact]
    public async Task A_rate_limited_write_is_retried_until_applied()
    {
        _fake.Writes.RateLimitNextWrites(3);

        await _client.SetStatusAsync(Access, ActionLevel.AdGroup, AdGroup, false, Ct);

        Assert.Equal((4, 1), (_fake.Writes.Writes.Count, _fake.Writes.Applied.Count));
    }

    [Fact]
    public async Task TikTok_refusing_an_ad_group_budget_under_CBO_is_a_refusal_that_changed_nothing()
    {
        _fake.Writes.Set(_fake.Writes.Get(Campaign) with { Cbo = true });

        var refused = await Assert.ThrowsAsync<TikTokApiException>(() => _client.SetBudgetAsync(Access, ActionLevel.AdGroup, AdGroup, 60m, BudgetMode.Daily, Ct));

        Assert.Contains("Nothing was changed", refused.Message);
        Assert.Empty(_fake.Writes.Applied);
        Assert.True((await _client.ReadAsync(Access, ActionLevel.AdGroup, AdGroup, Today, Ct))!.CampaignBudgetOptimisation);
    }
}
