using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TikTokBot.Accounts;
using TikTokBot.Home;
using TikTokBot.Slack.BlockKit;
using TikTokBot.Testing;

namespace TikTokBot.Tests.Accounts;

/// <summary>
/// What every reply to a workspace must say besides its answer: a token TikTok refused (revoked mid-series on the fake
/// TikTok) and demo figures for a workspace with nothing connected, in commands, the digest and the Home tab.
/// </summary>
public sealed class WorkspaceNoticeTests : IAsyncLifetime
{
    private const string Team = AccountsAppFactory.Team;
    private const string Unconnected = "T0UNCONNECTED";
    private const string Refused = "TikTok refused the token of LA Store: `/ttmetrics connect` reconnects it.";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private FakeTikTokApi _tiktok = null!;
    private AccountsAppFactory _app = null!;

    public async Task InitializeAsync()
    {
        _tiktok = await FakeTikTokApi.StartAsync(new DateOnly(2026, 12, 1));
        _tiktok.Accounts.Add(AccountsAppFactory.LosAngeles, AccountsAppFactory.Tokyo);
        _app = new AccountsAppFactory(_tiktok, _clock);
        _app.CreateKestrelClient().Dispose();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _tiktok.DisposeAsync();
    }

    private async Task<string> HomeTabAsync(string team)
    {
        using var scope = _app.Services.CreateScope();
        var page = await scope.ServiceProvider.GetRequiredService<HomeService>().PageAsync(team, CancellationToken.None);
        using var json = JsonDocument.Parse(BlockKitJson.Serialize(AppHomeHandler.View(page.Overviews, page.Notice)));
        return string.Join('\n', AccountsAppFactory.Strings(json.RootElement));
    }

    [Fact]
    public async Task A_token_revoked_mid_series_is_marked_once_and_every_reply_and_the_home_tab_then_say_reconnect()
    {
        var token = await _app.ConnectAsync(Team, AccountsAppFactory.LosAngeles);
        var before = await _app.AskAsync(Team, "campaign-42");
        Assert.Contains("LA Store · campaign-42 Autumn Sale", before, StringComparison.Ordinal);
        Assert.DoesNotContain("refused", before, StringComparison.Ordinal);

        _tiktok.Accounts.Revoke(token);
        // Another period: TikTok is asked again, and refuses the token.
        var refusedNow = await _app.AskAsync(Team, "campaign-44 14d");

        Assert.Contains(Refused, refusedNow, StringComparison.Ordinal);
        Assert.DoesNotContain("TikTok:AccessToken", refusedNow, StringComparison.Ordinal);
        var connection = Assert.Single(await _app.Accounts.ListAsync(Team, CancellationToken.None));
        Assert.Equal(Storage.TikTokTokenState.Refused, connection.TokenState);
        Assert.Equal(_clock.GetUtcNow(), connection.TokenRefusedAt);
        Assert.Single(_app.Logs.Entries, l => l.Message.Contains("TikTok refused the token of advertiser 7100000000000000002", StringComparison.Ordinal));

        // From now on nothing asks TikTok with the dead token: every command and the Home tab say how to reconnect.
        var asked = _tiktok.Requests.Count;
        foreach (var command in new[] { "campaign-42", "campaign-42 fix", "campaign-42 by age", "list", "digest now", "campaign-44 yesterday" })
        {
            Assert.Contains(Refused, await _app.AskAsync(Team, command), StringComparison.Ordinal);
        }

        Assert.Contains(Refused, await HomeTabAsync(Team), StringComparison.Ordinal);
        Assert.Contains("TikTok refused the token on 2026-12-01: reconnect TikTok with `/ttmetrics connect`", await _app.AskAsync(Team, "accounts"), StringComparison.Ordinal);
        Assert.True(asked == _tiktok.Requests.Count, "asked TikTok after the refusal: " + string.Join(", ", _tiktok.Requests.Skip(asked)));
        Assert.Single(_app.Logs.Entries, l => l.Message.Contains("TikTok refused the token of advertiser", StringComparison.Ordinal));

        // Reconnecting clears it: the same summary is read with the new token.
        await _app.ConnectAsync(Team, AccountsAppFactory.LosAngeles);
        var after = await _app.AskAsync(Team, "campaign-44 14d");
        Assert.Contains("LA Store · campaign-44 Webinar Leads", after, StringComparison.Ordinal);
        Assert.DoesNotContain("refused", after, StringComparison.Ordinal);
        Assert.DoesNotContain("refused", await HomeTabAsync(Team), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_advertiser_whose_token_was_refused_is_named_while_the_others_are_still_read()
    {
        var laToken = await _app.ConnectAsync(Team, AccountsAppFactory.LosAngeles);
        await _app.ConnectAsync(Team, AccountsAppFactory.Tokyo);
        _tiktok.Accounts.Revoke(laToken);

        var refusedNow = await _app.AskAsync(Team, "list");
        var list = await _app.AskAsync(Team, "list");

        Assert.Contains(Refused, refusedNow, StringComparison.Ordinal);
        // The Tokyo account still answers, with the LA one named as needing a reconnect.
        Assert.Contains("Co · campaign-42 Autumn Sale", list, StringComparison.Ordinal);
        Assert.DoesNotContain("LA Store · campaign", list, StringComparison.Ordinal);
        Assert.Contains(Refused, list, StringComparison.Ordinal);
        Assert.Contains(Refused, await HomeTabAsync(Team), StringComparison.Ordinal);
        Assert.Contains("Co · campaign-42 Autumn Sale", await HomeTabAsync(Team), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_workspace_reading_the_demo_data_is_told_so_in_every_reply_and_on_the_home_tab()
    {
        foreach (var command in new[] { "campaign-42", "campaign-42 fix", "campaign-42 by age", "list", "digest now" })
        {
            var reply = await _app.AskAsync(Unconnected, command);
            Assert.Contains(WorkspaceNotices.Demo, reply, StringComparison.Ordinal);
            Assert.Contains("campaign-42 Autumn Sale", reply, StringComparison.Ordinal);
        }

        Assert.Contains(WorkspaceNotices.Demo, await HomeTabAsync(Unconnected), StringComparison.Ordinal);
        Assert.Contains("Demo data: these campaigns and figures are made up, not yours.", WorkspaceNotices.Demo, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connected_workspace_is_never_told_it_reads_demo_data()
    {
        await _app.ConnectAsync(Team, AccountsAppFactory.LosAngeles);

        foreach (var command in new[] { "campaign-42", "campaign-42 fix", "list", "digest now" })
        {
            Assert.DoesNotContain("Demo data", await _app.AskAsync(Team, command), StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Demo data", await HomeTabAsync(Team), StringComparison.Ordinal);
    }
}
