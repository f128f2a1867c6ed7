using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TikTokBot.Tests.Digests;
using TikTokBot.Testing.External;

namespace TikTokBot.Tests.Security;

/// <summary>
/// Slack install states live in the database: an install started on one instance finishes on another sharing the
/// database (or on the same one after a restart), once, from the browser that started it; the cap counts every instance's.
/// </summary>
public sealed class InstallStateTests : IAsyncLifetime
{
    private WebApplication _slack = null!;
    private string _apiBaseUrl = "";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _slack = builder.Build();
        _slack.MapPost("/api/oauth.v2.access", () => Results.Content(
            """{"ok":true,"access_token":"xoxb-installed-0123","token_type":"bot","scope":"commands","bot_user_id":"U0BOT","app_id":"A1","team":{"id":"T9","name":"Acme Ads"},"authed_user":{"id":"U1"}}""",
            "application/json"));
        await _slack.StartAsync();
        _apiBaseUrl = _slack.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/api/";
    }

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    [Fact]
    public async Task On_SQLite_an_install_started_on_one_instance_finishes_on_another_once()
    {
        var folder = Directory.CreateTempSubdirectory("tiktokbot-install-").FullName;
        try
        {
            await FinishElsewhereAsync([("Storage:DataDirectory", folder)]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [NeedsFact(External.PostgreSql)]
    public async Task On_PostgreSQL_an_install_started_on_one_instance_finishes_on_another_once()
    {
        var database = new ThrowawayPostgresDatabase("install_states");
        await database.CreateAsync();
        try
        {
            await FinishElsewhereAsync([("Storage:Provider", "Postgres"), ("Storage:ConnectionString", database.ConnectionString().ToString())]);
        }
        finally
        {
            await database.DropAsync();
        }
    }

    private async Task FinishElsewhereAsync((string Key, string Value)[] storage)
    {
        (string, string)[] settings =
        [
            .. storage, ("Scheduler:Store", "Memory"), ("Slack:ClientId", "123.456"), ("Slack:ClientSecret", "client-secret-0123456789"),
            ("Slack:ApiBaseUrl", _apiBaseUrl), ("Slack:OAuthStatesCap", "3"),
        ];
        await using var first = new ConfiguredAppFactory("Production", settings);
        await using var second = new ConfiguredAppFactory("Production", settings);
        using var one = Client(first);
        using var other = Client(second);

        var install = await one.GetAsync("/slack/install");
        Assert.Equal(HttpStatusCode.Redirect, install.StatusCode);
        var state = Uri.EscapeDataString(QueryHelpers.ParseQuery(install.Headers.Location!.Query)["state"].ToString());
        var cookie = Assert.Single(install.Headers.GetValues("Set-Cookie")).Split(';')[0];

        // The browser comes back from Slack to whichever instance the load balancer picks, with its cookie.
        using var callback = new HttpRequestMessage(HttpMethod.Get, $"/slack/oauth/callback?code=c1&state={state}");
        callback.Headers.Add("Cookie", cookie);
        var finished = await other.SendAsync(callback);
        Assert.Equal(HttpStatusCode.OK, finished.StatusCode);
        Assert.Contains("Acme Ads", await finished.Content.ReadAsStringAsync());

        using var replay = new HttpRequestMessage(HttpMethod.Get, $"/slack/oauth/callback?code=c1&state={state}");
        replay.Headers.Add("Cookie", cookie);
        Assert.Equal("used_state", await (await one.SendAsync(replay)).Content.ReadAsStringAsync());

        // The cap counts the states waiting on every instance.
        Assert.Equal(HttpStatusCode.Redirect, (await one.GetAsync("/slack/install")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await other.GetAsync("/slack/install")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await one.GetAsync("/slack/install")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await other.GetAsync("/slack/install")).StatusCode);
    }

    private static HttpClient Client(KestrelAppFactory app)
    {
        using var probe = app.CreateKestrelClient();
        return new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = probe.BaseAddress };
    }
}
