using Microsoft.Extensions.Time.Testing;
using TikTokBot.Accounts;
using TikTokBot.Reports;
using TikTokBot.Testing;
using TikTokBot.TikTok.Calendar;
using TikTokBot.TikTok.Sources;
using TikTokBot.Requests;
using static TikTokBot.Requests.ButtonCodec;

namespace TikTokBot.Tests.Accounts;

/// <summary>
/// Two workspaces connect different advertisers through the fake TikTok (a token sees only its advertisers' campaigns,
/// and both advertisers run a campaign with the same id): each workspace reads only its own, in every command.
/// </summary>
public sealed class ConnectedWorkspacesTests : IAsyncLifetime
{
    private const string Kyoto = "T0KYOTO";
    private const string Venice = "T0VENICE";
    private const string Nobody = "T0NOBODY";
    private static readonly FakeAdvertiser KyotoShop = new("7200000000000000001", "Kyoto Shop", "JPY", "Asia/Tokyo", CampaignIds: ["1800000000000042", "1800000000000044"]);
    private static readonly FakeAdvertiser VeniceStore = new("7200000000000000002", "Venice Store", "USD", "America/Los_Angeles", CampaignIds: ["1800000000000042", "1800000000000046"]);
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

    private Task ConnectAsync(string team, FakeAdvertiser advertiser) => _app.ConnectAsync(team, advertiser);

    private Task<string> Send(string team, string text) => _app.AskAsync(team, text);

    [Fact]
    public async Task List_shows_each_workspace_only_its_own_advertisers_campaigns()
    {
        var kyoto = await Send(Kyoto, "list");
        var venice = await Send(Venice, "list");

        Assert.Contains("Kyoto Shop · campaign-42 Autumn Sale", kyoto, StringComparison.Ordinal);
        Assert.Contains("Kyoto Shop · campaign-44 Webinar Leads", kyoto, StringComparison.Ordinal);
        Assert.DoesNotContain("Venice", kyoto, StringComparison.Ordinal);
        Assert.DoesNotContain("campaign-46", kyoto, StringComparison.Ordinal);
        Assert.Contains("Venice Store · campaign-46 Black Friday Credit Test", venice, StringComparison.Ordinal);
        Assert.DoesNotContain("Kyoto", venice, StringComparison.Ordinal);
        Assert.DoesNotContain("campaign-44", venice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_campaign_id_in_both_workspaces_never_mixes_in_summaries_buttons_or_the_cache()
    {
        // Asked twice each, interleaved: the second answers come from the report cache and must still be each workspace's own.
        var first = (await Send(Kyoto, "campaign-42"), await Send(Venice, "campaign-42"));
        var second = (await Send(Venice, "campaign-42"), await Send(Kyoto, "campaign-42"));

        foreach (var (kyoto, venice) in new[] { first, (second.Item2, second.Item1) })
        {
            Assert.Contains("Kyoto Shop · campaign-42 Autumn Sale", kyoto, StringComparison.Ordinal);
            Assert.DoesNotContain("Venice", kyoto, StringComparison.Ordinal);
            Assert.Contains("Venice Store · campaign-42 Autumn Sale", venice, StringComparison.Ordinal);
            Assert.DoesNotContain("Kyoto", venice, StringComparison.Ordinal);
        }

        // Each workspace's reads went out with its own token, for its own advertiser only.
        var tokens = _tiktok.Accounts.Issued.ToArray();
        Assert.Equal(2, tokens.Length);
        Assert.All(_tiktok.Requests.Where(r => r.Query.ContainsKey("advertiser_id") && r.Path is "campaign/get/" or "report/integrated/get/"), r =>
            Assert.Equal(r.AccessToken == tokens[0] ? KyotoShop.AdvertiserId : VeniceStore.AdvertiserId, r.Query["advertiser_id"]));
        Assert.Contains(_tiktok.Requests, r => r.AccessToken == tokens[0]);
        Assert.Contains(_tiktok.Requests, r => r.AccessToken == tokens[1]);
    }

    [Fact]
    public async Task A_campaign_of_the_other_workspace_is_not_found_and_the_digest_covers_only_its_own()
    {
        var kyoto = await Send(Kyoto, "campaign-46");
        var digest = await Send(Venice, "digest now");

        Assert.Contains("No campaign called `campaign-46`", kyoto, StringComparison.Ordinal);
        Assert.Contains("campaign-46 Black Friday Credit Test", digest, StringComparison.Ordinal);
        Assert.DoesNotContain("campaign-44", digest, StringComparison.Ordinal);
        Assert.DoesNotContain("Kyoto", digest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_workspace_with_nothing_connected_reads_the_demo_data_not_anyone_elses()
    {
        var list = await Send(Nobody, "list");

        Assert.Contains("campaign-48 Retargeting Test", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Kyoto", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Venice", list, StringComparison.Ordinal);
    }

    /// <summary>A press on a report's button or menu in <paramref name="team"/>, carrying <paramref name="request"/>; the answer posted to its response_url.</summary>
    private async Task<string> PressAsync(string team, string action, ReportRequest request)
    {
        await using var hook = await ResponseUrlHook.StartAsync();
        using var client = _app.CreateKestrelClient();
        var body = SlackTestRequests.Press(team, AccountsAppFactory.Admin, action, ButtonCodec.Encode(request), hook.Url, menu: action == ButtonIds.Breakdown);
        using var response = await client.SendAsync(SlackTestRequests.Signed("/slack/interactions", body, at: _clock.GetUtcNow()));
        response.EnsureSuccessStatusCode();
        using var json = System.Text.Json.JsonDocument.Parse(await hook.NextAsync());
        return string.Join('\n', AccountsAppFactory.Strings(json.RootElement));
    }

    [Theory]
    [InlineData(ButtonIds.Fix, null)]
    [InlineData(ButtonIds.Share, null)]
    [InlineData(ButtonIds.Breakdown, BreakdownDimension.Age)]
    [InlineData(ButtonIds.Breakdown, BreakdownDimension.AdGroup)]
    public async Task A_button_whose_value_names_the_other_workspaces_campaign_never_shows_its_figures(string action, BreakdownDimension? by)
    {
        // campaign-46 is Venice's alone; the value is forged in Kyoto, with a period of its own.
        var answer = await PressAsync(Kyoto, action, new ReportRequest("1800000000000046", new Period(PeriodKind.LastDays, 14), by));

        Assert.Contains("The campaign `1800000000000046` is no longer in the data source.", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("Venice", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("Black Friday", answer, StringComparison.Ordinal);
        Assert.DoesNotContain(_tiktok.Requests, r => r.Path is "campaign/get/" or "report/integrated/get/" && r.Query.GetValueOrDefault("advertiser_id") == VeniceStore.AdvertiserId);
    }

    [Theory]
    [InlineData(ButtonIds.Fix, null)]
    [InlineData(ButtonIds.Breakdown, BreakdownDimension.AdGroup)]
    public async Task Buttons_on_the_campaign_id_both_workspaces_have_answer_each_with_its_own_even_from_the_cache(string action, BreakdownDimension? by)
    {
        var request = new ReportRequest("1800000000000042", Period.Default, by);

        // Interleaved, each asked twice: the second answers come from the caches.
        var kyoto = new[] { await PressAsync(Kyoto, action, request), await PressAsync(Venice, action, request), await PressAsync(Kyoto, action, request) };
        var venice = await PressAsync(Venice, action, request);

        Assert.All(new[] { kyoto[0], kyoto[2] }, k =>
        {
            Assert.Contains("Kyoto Shop · campaign-42 Autumn Sale", k, StringComparison.Ordinal);
            Assert.DoesNotContain("Venice", k, StringComparison.Ordinal);
        });
        Assert.All(new[] { kyoto[1], venice }, v =>
        {
            Assert.Contains("Venice Store · campaign-42 Autumn Sale", v, StringComparison.Ordinal);
            Assert.DoesNotContain("Kyoto", v, StringComparison.Ordinal);
        });
    }
}
