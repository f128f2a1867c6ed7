using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using TikTokBot.Slack.OAuth;
using TikTokBot.Slack.Tests.Infrastructure;

namespace TikTokBot.Slack.Tests.OAuth;

public class OAuthTests
{
    private static async Task<(FakeSlack Slack, SlackTestHost Host)> StartAsync()
    {
        var slack = await FakeSlack.StartAsync();
        var host = await SlackTestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl,
            ["Slack:ClientId"] = "123.456",
            ["Slack:ClientSecret"] = "client-secret",
            ["Slack:Scopes"] = "commands,chat:write",
            ["Slack:RedirectUri"] = "https://bot.example/slack/oauth/callback",
        });
        return (slack, host);
    }

    private static async Task<string> InstallStateAsync(SlackTestHost host)
    {
        var response = await host.Client.GetAsync("/slack/install");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return QueryHelpers.ParseQuery(response.Headers.Location!.Query)["state"]!;
    }

    [Fact]
    public async Task Install_redirects_to_slacks_authorize_page_with_client_id_scopes_and_a_signed_state()
    {
        var (slack, host) = await StartAsync();
        await using var _ = slack;
        await using var __ = host;

        var response = await host.Client.GetAsync("/slack/install");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal("https://slack.com/oauth/v2/authorize", location.GetLeftPart(UriPartial.Path));
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal(("123.456", "commands,chat:write", "https://bot.example/slack/oauth/callback"),
            (query["client_id"].ToString(), query["scope"].ToString(), query["redirect_uri"].ToString()));
        Assert.Matches("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$", query["state"].ToString());
    }

    [Fact]
    public async Task The_callback_exchanges_the_code_and_saves_the_installation_once_per_state()
    {
        var (slack, host) = await StartAsync();
        await using var _ = slack;
        await using var __ = host;
        var state = await InstallStateAsync(host);

        var first = await host.Client.GetAsync($"/slack/oauth/callback?code=code-1&state={Uri.EscapeDataString(state)}");
        var replay = await host.Client.GetAsync($"/slack/oauth/callback?code=code-1&state={Uri.EscapeDataString(state)}");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("Acme Ads", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Equal("used_state", await replay.Content.ReadAsStringAsync());
        var exchange = Assert.Single(slack.CallsTo("oauth.v2.access"));
        Assert.Equal(("123.456", "code-1", "https://bot.example/slack/oauth/callback"), (exchange.Form("client_id"), exchange.Form("code"), exchange.Form("redirect_uri")));
        var saved = await host.Services.GetRequiredService<IInstallationStore>().FindAsync(null, "T9", CancellationToken.None);
        Assert.Equal(("xoxb-installed", "U0BOT", "U1"), (saved!.BotToken, saved.BotUserId, saved.InstallerUserId));
        Assert.DoesNotContain("xoxb-installed", saved.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "invalid_state")]
    [InlineData("garbage", "invalid_state")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "invalid_state")]
    public async Task The_callback_refuses_a_state_it_did_not_issue(string state, string reason)
    {
        var (slack, host) = await StartAsync();
        await using var _ = slack;
        await using var __ = host;
        var response = await host.Client.GetAsync($"/slack/oauth/callback?code=c&state={Uri.EscapeDataString(state)}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(reason, await response.Content.ReadAsStringAsync());
        Assert.Empty(slack.Calls);
    }

    [Fact]
    public async Task A_state_is_finished_only_by_the_browser_that_started_the_install()
    {
        var (slack, host) = await StartAsync();
        await using var _ = slack;
        await using var __ = host;
        var install = await host.Client.GetAsync("/slack/install");
        var cookie = Assert.Single(install.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("tiktokbot_slack_install=", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/slack", cookie, StringComparison.OrdinalIgnoreCase);
        var state = QueryHelpers.ParseQuery(install.Headers.Location!.Query)["state"].ToString();

        // Another browser (no cookie: a link sent to someone else, or a login-CSRF) cannot finish it, and spends it.
        using var other = new HttpClient { BaseAddress = host.Client.BaseAddress };
        var elsewhere = await other.GetAsync($"/slack/oauth/callback?code=c&state={Uri.EscapeDataString(state)}");
        Assert.Equal("state_from_another_browser", await elsewhere.Content.ReadAsStringAsync());
        Assert.Equal("used_state", await (await host.Client.GetAsync($"/slack/oauth/callback?code=c&state={Uri.EscapeDataString(state)}")).Content.ReadAsStringAsync());
        Assert.Empty(slack.CallsTo("oauth.v2.access"));
    }

    [Fact]
    public async Task Past_the_cap_of_waiting_states_install_answers_429_until_one_is_used()
    {
        var slack = await FakeSlack.StartAsync();
        await using var _ = slack;
        await using var host = await SlackTestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl, ["Slack:ClientId"] = "123.456", ["Slack:ClientSecret"] = "client-secret",
            ["Slack:OAuthStatesCap"] = "2",
        });
        var first = await InstallStateAsync(host);
        await InstallStateAsync(host);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await host.Client.GetAsync("/slack/install")).StatusCode);
        await host.Client.GetAsync($"/slack/oauth/callback?code=c&state={Uri.EscapeDataString(first)}");
        await InstallStateAsync(host);
        host.Clock.Now += TimeSpan.FromMinutes(11);
        await InstallStateAsync(host);
    }

    [Fact]
    public async Task The_callback_refuses_a_tampered_state()
    {
        var (slack, host) = await StartAsync();
        await using var _ = slack;
        await using var __ = host;
        var state = await InstallStateAsync(host);
        var tampered = (state[0] == 'A' ? "B" : "A") + state[1..];
        var response = await host.Client.GetAsync($"/slack/oauth/callback?code=c&state={Uri.EscapeDataString(tampered)}");
        Assert.Equal("invalid_state", await response.Content.ReadAsStringAsync());
        Assert.Empty(slack.Calls);
    }

    [Fact]
    public async Task The_callback_refuses_an_expired_state()
    {
        var (slack, host) = await StartAsync();
        await using var _ = slack;
        await using var __ = host;
        var state = await InstallStateAsync(host);
        host.Clock.Now += TimeSpan.FromMinutes(11);
        var response = await host.Client.GetAsync($"/slack/oauth/callback?code=c&state={Uri.EscapeDataString(state)}");
        Assert.Equal("expired_state", await response.Content.ReadAsStringAsync());
        Assert.Empty(slack.Calls);
    }

    [Fact]
    public async Task A_failed_code_exchange_is_reported_with_slacks_error_code_and_saves_nothing()
    {
        var (slack, host) = await StartAsync();
        await using var _ = slack;
        await using var __ = host;
        slack.Script("oauth.v2.access", FakeAnswer.Error("invalid_code"));
        var state = await InstallStateAsync(host);
        var response = await host.Client.GetAsync($"/slack/oauth/callback?code=bad&state={Uri.EscapeDataString(state)}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("oauth_failed: invalid_code", await response.Content.ReadAsStringAsync());
        Assert.Null(await host.Services.GetRequiredService<IInstallationStore>().FindAsync(null, "T9", CancellationToken.None));
    }

    [Fact]
    public async Task Install_answers_404_when_oauth_is_not_configured()
    {
        await using var host = await SlackTestHost.StartAsync();
        var response = await host.Client.GetAsync("/slack/install");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("""{"type":"event_callback","team_id":"T9","event":{"type":"app_uninstalled"}}""", true)]
    [InlineData("""{"type":"event_callback","team_id":"T9","event":{"type":"tokens_revoked","tokens":{"bot":["U0BOT"]}}}""", true)]
    [InlineData("""{"type":"event_callback","team_id":"T9","event":{"type":"tokens_revoked","tokens":{"oauth":["U1"]}}}""", false)]
    public async Task Uninstalling_or_revoking_the_bot_token_deletes_the_installation(string eventJson, bool deleted)
    {
        await using var host = await SlackTestHost.StartAsync();
        var store = host.Services.GetRequiredService<IInstallationStore>();
        await store.SaveAsync(new SlackInstallation { TeamId = "T9", BotToken = "xoxb-t9" }, CancellationToken.None);

        var response = await host.PostSignedAsync("/slack/events", eventJson);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await host.Services.GetRequiredService<TikTokBot.Slack.Handlers.SlackBackgroundWork>().StopAsync(CancellationToken.None);

        Assert.Equal(deleted, await store.FindAsync(null, "T9", CancellationToken.None) is null);
    }
}

public class InstallationStoreTests
{
    [Fact]
    public async Task A_workspace_install_is_found_by_team_and_an_org_wide_install_by_enterprise()
    {
        var store = new InMemoryInstallationStore();
        await store.SaveAsync(new SlackInstallation { EnterpriseId = "E1", TeamId = "T1", BotToken = "xoxb-workspace" }, CancellationToken.None);
        await store.SaveAsync(new SlackInstallation { EnterpriseId = "E2", IsEnterpriseInstall = true, BotToken = "xoxb-org" }, CancellationToken.None);

        Assert.Equal("xoxb-workspace", (await store.FindAsync("E1", "T1", CancellationToken.None))?.BotToken);
        Assert.Equal("xoxb-org", (await store.FindAsync("E2", "T5", CancellationToken.None))?.BotToken);
        Assert.Null(await store.FindAsync("E3", "T6", CancellationToken.None));

        await store.DeleteAsync("E2", null, CancellationToken.None);
        await store.DeleteAsync("E1", "T1", CancellationToken.None);
        Assert.Null(await store.FindAsync("E2", "T5", CancellationToken.None));
        Assert.Null(await store.FindAsync("E1", "T1", CancellationToken.None));
    }
}
