using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TikTokBot.Accounts;
using TikTokBot.Reports;
using TikTokBot.Testing;

namespace TikTokBot.Tests.Accounts;

/// <summary>
/// Two workspaces connect different advertisers through the fake TikTok, each running campaign-42: Kyoto's advertiser
/// also ran three other website-conversion campaigns (41, 46, 48), Venice's one (41, fewer than the 3 a benchmark needs) and a
/// lead-generation one (44). Each workspace's account benchmark and trends come from its own advertiser's history, read once a
/// day with its own token.
/// </summary>
public sealed class ConnectedAccountHistoryTests : IAsyncLifetime
{
    private const string Kyoto = "T0KYOTOH";
    private const string Venice = "T0VENICEH";
    private static readonly FakeAdvertiser KyotoShop = new("7200000000000000011", "Kyoto Shop", "USD", "Asia/Tokyo",
        CampaignIds: ["1800000000000041", "1800000000000042", "1800000000000046", "1800000000000048"]);
    private static readonly FakeAdvertiser VeniceStore = new("7200000000000000012", "Venice Store", "USD", "Europe/Rome",
        CampaignIds: ["1800000000000041", "1800000000000042", "1800000000000044"]);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private FakeTikTokApi _tiktok = null!;
    private AccountsAppFactory _app = null!;

    public async Task InitializeAsync()
    {
        _tiktok = await FakeTikTokApi.StartAsync(new DateOnly(2026, 12, 1));
        _tiktok.Accounts.Add(KyotoShop, VeniceStore);
        _app = new AccountsAppFactory(_tiktok, _clock);
        _app.CreateKestrelClient().Dispose();
        await ConnectAsync(Kyoto, KyotoShop);
        await ConnectAsync(Venice, VeniceStore);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _tiktok.DisposeAsync();
    }

    private async Task ConnectAsync(string team, FakeAdvertiser advertiser)
    {
        var link = Assert.IsType<ConnectStart.Link>(await _app.Accounts.BeginConnectAsync(team, null, AccountsAppFactory.Admin, default));
        var state = QueryHelpers.ParseQuery(link.Url.Query)["state"].ToString();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await _app.CallbackAsync(state, _tiktok.Accounts.Authorise(advertiser.AdvertiserId))).Status);
    }

    private async Task<string> Send(string team, string text)
    {
        using var client = _app.CreateKestrelClient();
        var body = $"token=x&team_id={team}&team_domain=acme&channel_id=C0001&user_id={AccountsAppFactory.Admin}&command=%2Fttmetrics" +
                   $"&text={Uri.EscapeDataString(text)}&response_url=http%3A%2F%2F127.0.0.1%3A9%2Fnowhere&trigger_id=1.2.3";
        using var response = await client.SendAsync(SlackTestRequests.Signed("/slack/commands", body, at: _clock.GetUtcNow()));
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return string.Join('\n', Strings(json.RootElement));
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    private async Task<IReadOnlyList<Domain.Benchmarks.CampaignHistory>> HistoryOf(string team)
    {
        using var scope = _app.Services.CreateScope();
        var history = await scope.ServiceProvider.GetRequiredService<ReportService>().HistoryAsync(team, CancellationToken.None);
        return await history!.ReadAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Each_workspace_reads_only_its_own_advertisers_history_once_a_day()
    {
        var kyoto = await HistoryOf(Kyoto);
        var venice = await HistoryOf(Venice);

        Assert.Equal(["1800000000000041", "1800000000000042", "1800000000000046", "1800000000000048"], kyoto.Select(h => h.CampaignId).Order());
        Assert.All(kyoto, h => Assert.Equal(KyotoShop.AdvertiserId, h.AdvertiserId));
        Assert.Equal(["1800000000000041", "1800000000000042", "1800000000000044"], venice.Select(h => h.CampaignId).Order());
        Assert.All(venice, h => Assert.Equal(VeniceStore.AdvertiserId, h.AdvertiserId));

        // Asked again the same day (another request, another scope): the same read, and not one more call to TikTok.
        var calls = _tiktok.Requests.Count;
        Assert.Same(kyoto, await HistoryOf(Kyoto));
        Assert.Same(venice, await HistoryOf(Venice));
        Assert.Equal(calls, _tiktok.Requests.Count);

        // Every history read went out with the workspace's own token, for its own advertiser.
        var tokens = _tiktok.Accounts.Issued.ToArray();
        Assert.All(_tiktok.Requests.Where(r => r.Path == "report/integrated/get/"), r =>
            Assert.Equal(r.AccessToken == tokens[0] ? KyotoShop.AdvertiserId : VeniceStore.AdvertiserId, r.Query["advertiser_id"]));
    }

    [Fact]
    public async Task The_same_campaign_is_marked_against_each_workspaces_own_account()
    {
        var history = await HistoryOf(Kyoto);
        await HistoryOf(Venice);
        // The median of three is the middle one: campaign-42's CTR is held against the middle CTR of Kyoto's 41, 46 and 48.
        var middle = history.Where(h => h.CampaignId != "1800000000000042").Select(h => h.Totals.Ctr!.Value).Order().ElementAt(1);

        var kyoto = await Send(Kyoto, "campaign-42");
        var venice = await Send(Venice, "campaign-42");

        // Kyoto's campaign-42 against its advertiser's three other conversion campaigns. Venice's has one: too few to be marked
        // against at all, however its figures compare, so never "below your account".
        Assert.Contains("Yardsticks: your account's 3 Website conversions campaigns with enough volume, and TikTok's published benchmarks.", kyoto);
        Assert.Contains($"(:warning: bottom quarter of your account, median {Domain.Metrics.MetricFormat.Percent(middle)})", kyoto, StringComparison.Ordinal);
        Assert.Contains("Yardsticks: TikTok's published benchmarks. Your account has 1 other Website conversions campaign with enough volume: not enough history yet for its own.", venice);
        Assert.DoesNotContain("your account's median", venice, StringComparison.Ordinal);
        Assert.DoesNotContain("quarter of your account", venice, StringComparison.Ordinal);
        Assert.DoesNotContain("than your account", venice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trends_show_each_workspace_its_own_campaigns()
    {
        var kyoto = await Send(Kyoto, "trends conversions campaigns");
        var venice = await Send(Venice, "trends campaigns");

        Assert.Contains("Kyoto Shop · campaign-41 Evergreen Prospecting", kyoto, StringComparison.Ordinal);
        Assert.Contains("Kyoto Shop · campaign-48 Retargeting Test", kyoto, StringComparison.Ordinal);
        Assert.DoesNotContain("Venice", kyoto, StringComparison.Ordinal);
        Assert.Contains("from the first campaign (Kyoto Shop · campaign-", kyoto, StringComparison.Ordinal);

        Assert.Contains("Venice Store · campaign-42 Autumn Sale", venice, StringComparison.Ordinal);
        Assert.Contains("Venice Store · campaign-44 Webinar Leads", venice, StringComparison.Ordinal);
        Assert.DoesNotContain("Kyoto", venice, StringComparison.Ordinal);
        Assert.DoesNotContain("campaign-46", venice, StringComparison.Ordinal);
        Assert.DoesNotContain("campaign-48", venice, StringComparison.Ordinal);
        Assert.Contains("Not enough history yet", venice, StringComparison.Ordinal);
    }
}
