using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TikTokBot.Accounts;
using TikTokBot.Storage;
using TikTokBot.Testing;

namespace TikTokBot.Tests.Accounts;

/// <summary>
/// Connecting TikTok end to end: the link from the service, TikTok's redirect to the callback on the real Kestrel
/// app, the fake TikTok's OAuth endpoints, the database and the fake Slack.
/// </summary>
public sealed class ConnectFlowTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private FakeTikTokApi _tiktok = null!;
    private AccountsAppFactory _app = null!;

    public async Task InitializeAsync()
    {
        _tiktok = await FakeTikTokApi.StartAsync(new DateOnly(2026, 12, 1));
        _tiktok.Accounts.Add(AccountsAppFactory.Tokyo, AccountsAppFactory.LosAngeles, AccountsAppFactory.NoReports);
        _app = new AccountsAppFactory(_tiktok, _clock);
        _app.CreateKestrelClient().Dispose();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _tiktok.DisposeAsync();
    }

    private IEnumerable<RecordedRequest> Exchanges => _tiktok.Requests.Where(r => r.Path == "oauth2/access_token/");

    [Fact]
    public async Task The_link_goes_to_TikToks_authorisation_page_with_the_app_the_redirect_and_a_signed_state()
    {
        var start = await _app.Accounts.BeginConnectAsync(AccountsAppFactory.Team, null, AccountsAppFactory.Admin, default);

        var link = Assert.IsType<ConnectStart.Link>(start);
        var query = QueryHelpers.ParseQuery(link.Url.Query);
        Assert.Equal("https://business-api.tiktok.com/portal/auth", link.Url.GetLeftPart(UriPartial.Path));
        Assert.Equal(FakeTikTokAccounts.AppId, query["app_id"].ToString());
        Assert.Equal("https://bot.example.test/tiktok/oauth/callback", query["redirect_uri"].ToString());
        Assert.Equal(3, query["state"].ToString().Split('.').Length);
        Assert.Equal(_clock.GetUtcNow().AddMinutes(10), link.ExpiresAt);
    }

    [Fact]
    public async Task Connecting_stores_each_advertiser_with_its_currency_and_time_zone_and_the_token_only_encrypted()
    {
        var state = await _app.BeginAsync();
        var code = _tiktok.Accounts.Authorise(AccountsAppFactory.Tokyo.AdvertiserId, AccountsAppFactory.LosAngeles.AdvertiserId);

        var (status, page) = await _app.CallbackAsync(state, code);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<strong>Tokyo &lt;Shop&gt; &amp; Co</strong> (7100000000000000001): money in JPY, days in Asia/Tokyo", page, StringComparison.Ordinal);
        Assert.Contains("<strong>LA Store</strong> (7100000000000000002): money in USD, days in America/Los_Angeles", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<Shop>", page, StringComparison.Ordinal);

        var token = Assert.Single(_tiktok.Accounts.Issued);
        var accounts = await _app.Accounts.ListAsync(AccountsAppFactory.Team, default);
        Assert.Equal(
            [("LA Store", "USD", 2, "America/Los_Angeles"), ("Tokyo <Shop> & Co", "JPY", 0, "Asia/Tokyo")],
            accounts.Select(a => (a.Name, a.Currency.Code, a.Currency.Decimals, a.TimeZone)));
        Assert.All(accounts, a => Assert.Equal((AccountsAppFactory.Admin, _clock.GetUtcNow(), TikTokTokenState.Ok), (a.ConnectedBy, a.ConnectedAt, a.TokenState)));

        var rows = await _app.RawConnectionsAsync();
        Assert.Equal([AccountsAppFactory.Tokyo.AdvertiserId, AccountsAppFactory.LosAngeles.AdvertiserId], rows.Select(r => r.Advertiser));
        Assert.All(rows, r => Assert.Equal(AccountsAppFactory.Team, r.Team));
        Assert.All(rows, r => Assert.DoesNotContain(token, r.Token, StringComparison.Ordinal));
        Assert.Equal(token, (await _app.Services.GetRequiredService<IWorkspaceStorage>().ForTeam(AccountsAppFactory.Team).TikTokConnections
            .FindAsync(AccountsAppFactory.Tokyo.AdvertiserId, default))!.AccessToken);

        var confirmation = System.Text.Json.JsonDocument.Parse(Assert.Single(_app.Delivered, d => d.Method == "chat.postMessage").Body).RootElement;
        Assert.Equal(AccountsAppFactory.Admin, confirmation.GetProperty("channel").GetString());
        Assert.Equal(
            "TikTok connected:\n• *Tokyo &lt;Shop&gt; &amp; Co* (7100000000000000001), JPY, Asia/Tokyo\n• *LA Store* (7100000000000000002), USD, America/Los_Angeles",
            confirmation.GetProperty("text").GetString());
    }

    [Fact]
    public async Task An_advertiser_without_reporting_permission_is_named_and_not_connected()
    {
        var state = await _app.BeginAsync();
        var code = _tiktok.Accounts.Authorise(AccountsAppFactory.LosAngeles.AdvertiserId, AccountsAppFactory.NoReports.AdvertiserId);

        var (status, page) = await _app.CallbackAsync(state, code);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("may not read their reports: No Reports Ltd (7100000000000000003).", page, StringComparison.Ordinal);
        Assert.Equal(["LA Store"], (await _app.Accounts.ListAsync(AccountsAppFactory.Team, default)).Select(a => a.Name));
        Assert.Contains("no reporting permission: No Reports Ltd (7100000000000000003)", Assert.Single(_app.Delivered, d => d.Method == "chat.postMessage").Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_advertisers_without_reporting_permission_connect_nothing_and_the_token_is_revoked()
    {
        var state = await _app.BeginAsync();

        var (status, page) = await _app.CallbackAsync(state, _tiktok.Accounts.Authorise(AccountsAppFactory.NoReports.AdvertiserId));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("may not read reports of No Reports Ltd (7100000000000000003)", page, StringComparison.Ordinal);
        Assert.Contains("Start again from Slack with `/ttmetrics connect`", page, StringComparison.Ordinal);
        Assert.Empty(await _app.RawConnectionsAsync());
        Assert.Equal(_tiktok.Accounts.Issued.Single(), Assert.Single(_tiktok.Accounts.Revoked));
    }

    public static TheoryData<string, string> BadStates() => new()
    {
        { "forged", "was not issued by TikTokBot, or it was altered" },
        { "tampered", "was not issued by TikTokBot, or it was altered" },
        { "missing", "was not issued by TikTokBot, or it was altered" },
        { "expired", "has expired: links work for 10 minutes" },
        { "reused", "was already used: each link works once" },
    };

    [Theory]
    [MemberData(nameof(BadStates))]
    public async Task A_forged_expired_or_reused_state_gets_a_400_page_and_stores_nothing(string kind, string said)
    {
        var state = await _app.BeginAsync();
        if (kind == "reused")
        {
            Assert.Equal(HttpStatusCode.OK, (await _app.CallbackAsync(state, _tiktok.Accounts.Authorise(AccountsAppFactory.LosAngeles.AdvertiserId))).Status);
        }

        var before = await _app.RawConnectionsAsync();
        var exchangesBefore = Exchanges.Count();
        _clock.Advance(kind == "expired" ? TimeSpan.FromMinutes(10) : TimeSpan.FromMinutes(9));
        var sent = kind switch
        {
            "forged" => "VDBBQ0NPVU5UUw.abc.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "tampered" => state[..^2] + (state[^2] == 'A' ? "BA" : "AA"),
            "missing" => null,
            _ => state,
        };

        var (status, page) = await _app.CallbackAsync(sent, _tiktok.Accounts.Authorise(AccountsAppFactory.Tokyo.AdvertiserId));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(said, page, StringComparison.Ordinal);
        Assert.Contains("Nothing was connected. Start again from Slack with `/ttmetrics connect`.", page, StringComparison.Ordinal);
        Assert.Equal(before, await _app.RawConnectionsAsync());
        Assert.Equal(exchangesBefore, Exchanges.Count());
    }

    [Fact]
    public async Task An_auth_code_TikTok_refuses_gets_a_400_page_and_the_link_is_spent()
    {
        var state = await _app.BeginAsync();

        var (status, page) = await _app.CallbackAsync(state, "auth-code-tiktok-never-issued");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("TikTok did not accept the authorisation code: it has expired or was already used.", page, StringComparison.Ordinal);
        Assert.Contains("`/ttmetrics connect`", page, StringComparison.Ordinal);
        Assert.Empty(await _app.RawConnectionsAsync());
        Assert.Single(Exchanges);
        Assert.Contains("already used", (await _app.CallbackAsync(state, _tiktok.Accounts.Authorise(AccountsAppFactory.Tokyo.AdvertiserId))).Page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_authorisation_gets_a_400_page()
    {
        var (status, page) = await _app.CallbackAsync(await _app.BeginAsync(), null);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("cancelled or declined on TikTok&#x27;s page", page, StringComparison.Ordinal);
        Assert.Empty(Exchanges);
    }

    [Fact]
    public async Task A_person_who_may_not_change_settings_gets_no_link_and_is_told_who_may()
    {
        var start = await _app.Accounts.BeginConnectAsync(AccountsAppFactory.Team, null, "U0MEMBER", default);

        var refused = Assert.IsType<ConnectStart.Refused>(start);
        Assert.Contains("Only workspace admins and members of the user group that manages TikTokBot", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disconnecting_forgets_the_advertiser_and_revokes_the_token_once_no_other_advertiser_uses_it()
    {
        await _app.CallbackAsync(await _app.BeginAsync(), _tiktok.Accounts.Authorise(AccountsAppFactory.Tokyo.AdvertiserId, AccountsAppFactory.LosAngeles.AdvertiserId));
        var token = _tiktok.Accounts.Issued.Single();
        Assert.Equal(AccountChange.Done,
            (await _app.Accounts.SetChannelDefaultAsync(null, AccountsAppFactory.Team, AccountsAppFactory.Admin, "C0SALES", AccountsAppFactory.Tokyo.AdvertiserId, default)).Change);
        Assert.Equal("Tokyo <Shop> & Co", (await _app.Accounts.ChannelDefaultAsync(AccountsAppFactory.Team, "C0SALES", default))!.Name);

        var first = await _app.Accounts.DisconnectAsync(null, AccountsAppFactory.Team, AccountsAppFactory.Admin, AccountsAppFactory.Tokyo.AdvertiserId, default);

        Assert.Equal(AccountChange.Done, first.Change);
        Assert.Null(await _app.Accounts.ChannelDefaultAsync(AccountsAppFactory.Team, "C0SALES", default));
        Assert.Empty(_tiktok.Accounts.Revoked);
        Assert.Equal(AccountChange.Refused, (await _app.Accounts.DisconnectAsync(null, AccountsAppFactory.Team, "U0MEMBER", AccountsAppFactory.LosAngeles.AdvertiserId, default)).Change);

        Assert.Equal(AccountChange.Done, (await _app.Accounts.DisconnectAsync(null, AccountsAppFactory.Team, AccountsAppFactory.Admin, AccountsAppFactory.LosAngeles.AdvertiserId, default)).Change);
        Assert.Equal([token], _tiktok.Accounts.Revoked);
        Assert.Empty(await _app.RawConnectionsAsync());
        Assert.Equal(AccountChange.NotConnected, (await _app.Accounts.DisconnectAsync(null, AccountsAppFactory.Team, AccountsAppFactory.Admin, AccountsAppFactory.LosAngeles.AdvertiserId, default)).Change);
    }

    [Fact]
    public async Task A_refused_token_is_marked_once_and_a_reconnect_clears_it()
    {
        await _app.CallbackAsync(await _app.BeginAsync(), _tiktok.Accounts.Authorise(AccountsAppFactory.LosAngeles.AdvertiserId));

        var first = _tiktok.Accounts.Issued.Single();
        Assert.True(await _app.TokenRefusals.MarkAsync(AccountsAppFactory.Team, AccountsAppFactory.LosAngeles.AdvertiserId, first, default));
        Assert.False(await _app.TokenRefusals.MarkAsync(AccountsAppFactory.Team, AccountsAppFactory.LosAngeles.AdvertiserId, first, default));
        Assert.Equal(TikTokTokenState.Refused, Assert.Single(await _app.Accounts.ListAsync(AccountsAppFactory.Team, default)).TokenState);

        await _app.CallbackAsync(await _app.BeginAsync(), _tiktok.Accounts.Authorise(AccountsAppFactory.LosAngeles.AdvertiserId));

        Assert.Equal(TikTokTokenState.Ok, Assert.Single(await _app.Accounts.ListAsync(AccountsAppFactory.Team, default)).TokenState);
        // A read still under way with the old token, refused after the reconnect, does not mark the new one.
        Assert.NotEqual(first, _tiktok.Accounts.Issued.Last());
        Assert.False(await _app.TokenRefusals.MarkAsync(AccountsAppFactory.Team, AccountsAppFactory.LosAngeles.AdvertiserId, first, default));
        Assert.Equal(TikTokTokenState.Ok, Assert.Single(await _app.Accounts.ListAsync(AccountsAppFactory.Team, default)).TokenState);
    }

    [Fact]
    public async Task No_secret_token_or_auth_code_reaches_a_log_line_or_a_page()
    {
        var code = _tiktok.Accounts.Authorise(AccountsAppFactory.Tokyo.AdvertiserId);
        var (_, page) = await _app.CallbackAsync(await _app.BeginAsync(), code);
        var (_, failed) = await _app.CallbackAsync(await _app.BeginAsync(), "auth-code-refused-xyz");
        await _app.Accounts.DisconnectAsync(null, AccountsAppFactory.Team, AccountsAppFactory.Admin, AccountsAppFactory.Tokyo.AdvertiserId, default);

        string[] secrets = [FakeTikTokAccounts.AppSecret, _tiktok.Accounts.Issued.Single(), code, "auth-code-refused-xyz"];
        var logged = _app.Logs.Entries.Select(e => e.Message + e.Exception).ToList();
        Assert.Contains(logged, line => line.Contains("TikTok connected in team T0ACCOUNTS", StringComparison.Ordinal));
        Assert.Contains(logged, line => line.Contains("oauth2/advertiser/get", StringComparison.Ordinal));
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(logged, line => line.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(secret, page + failed, StringComparison.Ordinal);
        }
    }
}
