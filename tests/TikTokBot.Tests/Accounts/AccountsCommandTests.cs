using Microsoft.Extensions.DependencyInjection;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Time.Testing;
using TikTokBot.Accounts;
using TikTokBot.Commands;
using TikTokBot.Testing;
using TikTokBot.Requests;

namespace TikTokBot.Tests.Accounts;

/// <summary><c>/ttmetrics connect|accounts|disconnect|use</c> and the Home tab's button, signed the way Slack signs, on the real app.</summary>
public sealed class AccountsCommandTests : IAsyncLifetime
{
    private const string Reader = "U0READER";
    private const string Channel = "C0ACCOUNTS";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private FakeTikTokApi _tiktok = null!;
    private AccountsAppFactory _app = null!;

    public async Task InitializeAsync()
    {
        _tiktok = await FakeTikTokApi.StartAsync(new DateOnly(2026, 12, 1));
        _tiktok.Accounts.Add(AccountsAppFactory.Tokyo, AccountsAppFactory.LosAngeles);
        _app = new AccountsAppFactory(_tiktok, _clock);
        _app.CreateKestrelClient().Dispose();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _tiktok.DisposeAsync();
    }

    private async Task<string> Send(string text, string user = AccountsAppFactory.Admin)
    {
        using var client = _app.CreateKestrelClient();
        var body = $"token=x&team_id={AccountsAppFactory.Team}&team_domain=acme&channel_id={Channel}&user_id={user}&command=%2Fttmetrics" +
                   $"&text={Uri.EscapeDataString(text)}&response_url=http%3A%2F%2F127.0.0.1%3A9%2Fnowhere&trigger_id=1.2.3";
        using var response = await client.SendAsync(SlackTestRequests.Signed("/slack/commands", body, at: _clock.GetUtcNow()));
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("text").GetString()!;
    }

    private async Task ConnectBothAsync()
    {
        var state = await _app.BeginAsync();
        var (status, _) = await _app.CallbackAsync(state, _tiktok.Accounts.Authorise(AccountsAppFactory.Tokyo.AdvertiserId, AccountsAppFactory.LosAngeles.AdvertiserId));
        Assert.Equal(System.Net.HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task Connect_gives_the_admin_a_private_link_that_finishes_the_flow()
    {
        var reply = await Send("connect");

        Assert.Contains("works once, until 09:10 UTC", reply, StringComparison.Ordinal);
        var url = new Uri(reply[(reply.IndexOf('<', StringComparison.Ordinal) + 1)..reply.IndexOf('|', StringComparison.Ordinal)]);
        Assert.Equal("https://business-api.tiktok.com/portal/auth", url.GetLeftPart(UriPartial.Path));
        var state = QueryHelpers.ParseQuery(url.Query)["state"].ToString();

        var (status, _) = await _app.CallbackAsync(state, _tiktok.Accounts.Authorise(AccountsAppFactory.LosAngeles.AdvertiserId));

        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        Assert.Equal(["LA Store"], (await _app.Accounts.ListAsync(AccountsAppFactory.Team, default)).Select(a => a.Name));
    }

    [Fact]
    public async Task Someone_without_the_settings_role_is_told_who_may_connect_and_gets_no_link()
    {
        var reply = await Send("connect", Reader);

        Assert.StartsWith("Connecting or disconnecting TikTok accounts is a settings change. Only workspace admins and members of the user group", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("portal/auth", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accounts_lists_name_id_currency_zone_who_and_when_and_a_refused_token()
    {
        Assert.Equal("No TikTok advertiser is connected to this workspace. `/ttmetrics connect` connects one.", await Send("accounts", Reader));
        await ConnectBothAsync();
        _clock.Advance(TimeSpan.FromDays(2));
        Assert.True(await _app.TokenRefusals.MarkAsync(AccountsAppFactory.Team, AccountsAppFactory.LosAngeles.AdvertiserId, _tiktok.Accounts.Issued.Single(), default));

        var reply = await Send("accounts", Reader);

        Assert.Equal(
            "TikTok advertisers connected here:\n" +
            "• *LA Store* (7100000000000000002) · USD · America/Los_Angeles · connected by <@U0ADMIN> on 2026-12-01 · TikTok refused the token on 2026-12-03: reconnect TikTok with `/ttmetrics connect`\n" +
            "• *Tokyo &lt;Shop&gt; &amp; Co* (7100000000000000001) · JPY · Asia/Tokyo · connected by <@U0ADMIN> on 2026-12-01 · token works",
            reply);
    }

    [Fact]
    public async Task Disconnect_by_name_forgets_that_advertiser_only_and_keeps_the_shared_token_for_the_other()
    {
        await ConnectBothAsync();

        Assert.StartsWith("Connecting or disconnecting TikTok accounts is a settings change.", await Send("disconnect LA Store", Reader), StringComparison.Ordinal);
        var reply = await Send("disconnect la store");

        Assert.Equal("Disconnected LA Store (7100000000000000002): TikTokBot no longer holds its token.", reply);
        Assert.Equal([AccountsAppFactory.Tokyo.AdvertiserId], (await _app.Accounts.ListAsync(AccountsAppFactory.Team, default)).Select(a => a.AdvertiserId));
        Assert.Empty(_tiktok.Accounts.Revoked);
        Assert.Contains("No TikTok advertiser 7100000000000000009 is connected here", await Send("disconnect 7100000000000000009"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Use_makes_the_advertiser_the_channels_default()
    {
        await ConnectBothAsync();

        var reply = await Send("use 7100000000000000001");

        Assert.Equal("This channel now reads Tokyo &lt;Shop&gt; &amp; Co (7100000000000000001) unless a command names another advertiser.", reply);
        Assert.Equal(AccountsAppFactory.Tokyo.AdvertiserId, (await _app.Accounts.ChannelDefaultAsync(AccountsAppFactory.Team, Channel, default))?.AdvertiserId);
        Assert.Null(await _app.Accounts.ChannelDefaultAsync(AccountsAppFactory.Team, "C0OTHER", default));
    }

    [Fact]
    public async Task The_Home_tabs_connect_button_sends_the_person_their_link_in_a_direct_message()
    {
        using var client = _app.CreateKestrelClient();
        var press = SlackTestRequests.Press(AccountsAppFactory.Team, AccountsAppFactory.Admin, ButtonIds.Connect, "", "http://127.0.0.1:9/nowhere");
        using var response = await client.SendAsync(SlackTestRequests.Signed("/slack/interactions", press, at: _clock.GetUtcNow()));
        response.EnsureSuccessStatusCode();

        var message = await WaitForPostAsync();
        using var json = JsonDocument.Parse(message);
        Assert.Equal(AccountsAppFactory.Admin, json.RootElement.GetProperty("channel").GetString());
        Assert.Contains("https://business-api.tiktok.com/portal/auth?", json.RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("connect", typeof(MetricsCommand.Connect))]
    [InlineData("accounts", typeof(MetricsCommand.Accounts))]
    [InlineData("disconnect LA Store", typeof(MetricsCommand.Disconnect))]
    [InlineData("use 7100000000000000001", typeof(MetricsCommand.Use))]
    [InlineData("use", typeof(MetricsCommand.Invalid))]
    [InlineData("disconnect", typeof(MetricsCommand.Invalid))]
    public void The_parser_knows_the_accounts_verbs(string text, Type expected)
    {
        var parsed = CommandParser.Parse(text);

        Assert.IsType(expected, parsed);
    }

    [Theory]
    [InlineData("disconnect LA Store", "LA Store")]
    [InlineData("disconnect   7100000000000000002 ", "7100000000000000002")]
    public void Disconnect_keeps_the_advertiser_as_typed_several_words_included(string text, string advertiser) =>
        Assert.Equal(advertiser, Assert.IsType<MetricsCommand.Disconnect>(CommandParser.Parse(text)).Advertiser);

    private async Task<string> WaitForPostAsync()
    {
        // The handler acknowledges first and posts after: once the dispatcher has no handler running, the post is made.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await _app.Services.GetRequiredService<TikTokBot.Slack.Handlers.SlackDispatcher>().WhenHandlersIdleAsync(timeout.Token);
        return Assert.Single(_app.Delivered, d => d.Method == "chat.postMessage").Body;
    }
}
