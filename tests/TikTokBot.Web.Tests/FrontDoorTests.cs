using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using TikTokBot.Reports;
using TikTokBot.Tests;
using TikTokBot.TikTok.Calendar;
using TikTokBot.Requests;
using static TikTokBot.Requests.ButtonCodec;

namespace TikTokBot.Web.Tests;

/// <summary>The app with every secret set to a recognisable value.</summary>
public sealed class SecretsAppFactory : KestrelAppFactory
{
    public static readonly string[] Secrets =
    [
        SigningSecret, "xoxb-bot-token-do-not-show-1234", "client-secret-do-not-show-9012",
        "tiktok-access-token-do-not-show-3456", "dashboard-token-do-not-show-7890", "tiktok-app-secret-do-not-show-2468",
    ];

    protected override IEnumerable<(string Key, string Value)> ExtraSettings() =>
    [
        ("Slack:BotToken", Secrets[1]), ("Slack:ClientId", "12345.67890"), ("Slack:ClientSecret", Secrets[2]),
        ("TikTok:AccessToken", Secrets[3]), ("Scheduler:DashboardToken", Secrets[4]), ("TikTok:AppSecret", Secrets[5]),
    ];
}

public sealed class FrontPageTests(SecretsAppFactory app) : IClassFixture<SecretsAppFactory>
{
    [Fact]
    public async Task The_front_page_and_readiness_name_the_modes_and_never_a_secret()
    {
        using var client = app.CreateKestrelClient();

        var page = await client.GetStringAsync("/");
        var ready = await client.GetStringAsync("/playground");
        var readiness = await (await client.GetAsync("/readyz")).Content.ReadAsStringAsync();

        Assert.Contains("installed per workspace through OAuth", page);
        Assert.Contains("href=\"/slack/install\"", page);
        Assert.Contains("href=\"/hangfire\"", page);
        // The app's TikTok quota and what of it is used; nothing has called TikTok yet.
        Assert.Contains("<th>TikTok quota</th><td>0/10 this second, 0/600 this minute, 0/864,000 today (kept in this process)</td>", page);
        Assert.Contains("\"name\":\"tiktok-quota\",\"status\":\"healthy\"", readiness);
        foreach (var secret in SecretsAppFactory.Secrets)
        {
            Assert.DoesNotContain(secret, page);
            Assert.DoesNotContain(secret, ready);
            Assert.DoesNotContain(secret, readiness);
        }
    }
}

/// <summary>
/// The app in Production listening on every interface: the playground is closed unless <c>Web:Playground=true</c>,
/// and then only to holders of the dashboard token (tests/TikTokBot.Tests/Security/ProxyTests.cs: the same on loopback).
/// </summary>
public sealed class PublicAppFactory(bool playground) : WebApplicationFactory<Program>
{
    public const string Token = "dashboard-token-0123456789";
    private readonly string _data = Directory.CreateTempSubdirectory("tiktokbot-web-").FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Storage:DataDirectory", _data);
        builder.UseSetting("Slack:SigningSecret", KestrelAppFactory.SigningSecret);
        builder.UseSetting("Scheduler:DashboardToken", Token);
        builder.UseSetting("Web:Playground", playground ? "true" : "");
    }

    public HttpClient Client(CookieContainer? cookies = null)
    {
        UseKestrel(kestrel => kestrel.ListenAnyIP(0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var port = new Uri(address.Replace("[::]", "localhost", StringComparison.Ordinal).Replace("0.0.0.0", "localhost", StringComparison.Ordinal)).Port;
        var handler = new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false };
        return new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}

public sealed class PlaygroundAccessTests
{
    private static StringContent Command(string text) => new($$"""{"text":"{{text}}"}""", Encoding.UTF8, "application/json");

    [Fact]
    public async Task Off_loopback_and_outside_Development_the_playground_is_not_there_by_default()
    {
        await using var app = new PublicAppFactory(playground: false);
        using var client = app.Client();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/playground")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/playground/api/command", Command("campaign-42"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/playground/playground.js")).StatusCode);
        Assert.Contains("The playground is off here", await client.GetStringAsync("/"));
        // Even with the token: it is switched off, not hidden.
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", PublicAppFactory.Token);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/playground/api/command", Command("campaign-42"))).StatusCode);
    }

    [Fact]
    public async Task Switched_on_elsewhere_the_playground_answers_only_with_the_dashboard_token_as_bearer_or_login_cookie()
    {
        await using var app = new PublicAppFactory(playground: true);
        var cookies = new CookieContainer();
        using var client = app.Client(cookies);

        var page = await client.GetAsync("/playground");
        Assert.Equal(HttpStatusCode.Unauthorized, page.StatusCode);
        Assert.Contains("action=\"/playground/login\"", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/playground/api/command", Command("campaign-42"))).StatusCode);

        var wrong = await client.PostAsync("/playground/login", new FormUrlEncodedContent([new("token", "not-the-token")]));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Empty(cookies.GetAllCookies());

        using (var bearer = new HttpRequestMessage(HttpMethod.Post, "/playground/api/command") { Content = Command("campaign-42") })
        {
            bearer.Headers.Authorization = new AuthenticationHeaderValue("Bearer", PublicAppFactory.Token);
            var answer = await client.SendAsync(bearer);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Contains("campaign-42 Autumn Sale", await answer.Content.ReadAsStringAsync());
        }

        var login = await client.PostAsync("/playground/login", new FormUrlEncodedContent([new("token", PublicAppFactory.Token)]));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var cookie = Assert.Single(cookies.GetAllCookies());
        Assert.DoesNotContain(PublicAppFactory.Token, cookie.Value);
        Assert.True(cookie.HttpOnly);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/playground")).StatusCode);
        var fixes = await client.PostAsync("/playground/api/action",
            new StringContent($$"""{"actionId":"report.fix","value":"{{ButtonCodec.Encode(new ReportRequest("1800000000000042", Period.Default))}}"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, fixes.StatusCode);
        Assert.Contains("What to fix: campaign-42 Autumn Sale", await fixes.Content.ReadAsStringAsync());
    }
}
