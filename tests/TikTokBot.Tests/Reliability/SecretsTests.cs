using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TikTokBot.Slack.Verification;
using TikTokBot.Testing;
using TikTokBot.Tests.Permissions;
using TikTokBot.TikTok.Demo;

namespace TikTokBot.Tests.Reliability;

/// <summary>Every secret configured, TikTok read through the API, and every log line kept down to Debug.</summary>
public sealed class SecretsAppFactory : FakeSlackAppFactory
{
    public const string ClientSecret = "client-secret-9f8e7d6c5b4a";
    public const string AppToken = "xapp-1-app-level-secret";

    public SecretsAppFactory() => TikTok = FakeTikTokApi.StartAsync(DateOnly.FromDateTime(RunningClock.Shared.GetUtcNow().UtcDateTime)).GetAwaiter().GetResult();

    public FakeTikTokApi TikTok { get; }

    public LogCapture Logs { get; } = new();

    public static string[] Secrets => [SigningSecret, BotToken, ClientSecret, FakeTikTokApi.Token];

    protected override IEnumerable<(string Key, string Value)> MoreSettings() =>
    [
        ("Logging:LogLevel:Default", "Debug"), ("Logging:LogLevel:Microsoft.AspNetCore", "Debug"),
        ("Slack:ClientId", "123.456"), ("Slack:ClientSecret", ClientSecret),
        ("TikTok:Source", "Api"), ("TikTok:StaticTokenTeam", "T-SECRET"), ("TikTok:AccessToken", FakeTikTokApi.Token), ("TikTok:AdvertiserIds", DemoDataSet.AdvertiserId),
        ("TikTok:ApiBaseUrl", TikTok.BaseUrl.ToString()),
    ];

    protected override void ReplaceServices(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(Logs);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            TikTok.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}

/// <summary>
/// No token, signing secret or client secret appears in a log line, an exception, a reply or the health endpoint,
/// through normal use, refused requests, TikTok refusing the token, Slack failing and a botched OAuth install.
/// </summary>
public sealed class SecretsTests : IClassFixture<SecretsAppFactory>
{
    private readonly SecretsAppFactory _factory;

    public SecretsTests(SecretsAppFactory factory) => _factory = factory;

    [Fact]
    public async Task No_secret_appears_in_logs_exceptions_replies_or_the_health_endpoint()
    {
        var said = new List<string>();
        await using var hook = await ResponseUrlHook.StartAsync();
        foreach (var text in new[] { "campaign-42", "campaign-44 by age", "list", "target campaign-42 cpa 25 min 50", "nonsense <!channel>" })
        {
            said.Add(await SlackAsk.Command(_factory, "T-SECRET", "U-ADMIN-S", text, hook.Url));
        }

        _factory.TikTok.Refuse = (40105, "Access token " + FakeTikTokApi.Token + " is invalid or has expired.");
        said.Add(await SlackAsk.Command(_factory, "T-SECRET", "U-MEMBER", "campaign-43 30d", hook.Url));
        _factory.TikTok.Refuse = null;
        _factory.Script("chat.postMessage", SlackFault.Error("invalid_auth"));
        said.Add(await SlackAsk.Interaction(_factory, new Dictionary<string, object>
        {
            ["type"] = "block_actions",
            ["team"] = new { id = "T-SECRET" },
            ["user"] = new { id = "U-ADMIN-S" },
            ["channel"] = new { id = "C-S" },
            ["message"] = new { ts = "1700000003.000001" },
            ["response_url"] = hook.Url,
            ["actions"] = new[] { new { action_id = "report.fix", type = "button", value = "1800000000000042|7d" } },
        }));
        said.Add(await hook.NextAsync());

        using var client = _factory.CreateKestrelClient();
        using var unsigned = new HttpRequestMessage(HttpMethod.Post, "/slack/commands") { Content = new StringContent("team_id=T1&command=%2Fttmetrics") };
        unsigned.Headers.Add(SlackSignature.SignatureHeader, "v0=" + new string('0', 64));
        said.Add(await (await client.SendAsync(unsigned)).Content.ReadAsStringAsync());
        _factory.Script("oauth.v2.access", SlackFault.Error("invalid_client_secret"));
        said.Add(await (await client.GetAsync("/slack/oauth/callback?code=abc&state=forged")).Content.ReadAsStringAsync());
        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = client.BaseAddress };
        said.Add((await noRedirects.GetAsync("/slack/install")).Headers.Location!.ToString());
        var health = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        said.Add(await health.Content.ReadAsStringAsync());
        said.AddRange(hook.Delivered);

        var logs = _factory.Logs.Entries;
        Assert.Contains(logs, l => l.Message.Contains("Refused Slack request", StringComparison.Ordinal));
        Assert.Contains(logs, l => l.Message.Contains("TikTok API error 40105", StringComparison.Ordinal));
        foreach (var secret in SecretsAppFactory.Secrets)
        {
            Assert.DoesNotContain(logs, l => l.Message.Contains(secret, StringComparison.Ordinal) || (l.Exception?.Contains(secret, StringComparison.Ordinal) ?? false));
            Assert.DoesNotContain(said, s => s.Contains(secret, StringComparison.Ordinal));
        }

        Assert.Equal("""{"status":"ok"}""", said[^(hook.Delivered.Count + 1)]);
    }
}
