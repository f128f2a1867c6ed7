using System.Diagnostics;
using System.Globalization;
using System.Net;
using CsCheck;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using TikTokBot.Slack.Handlers;
using TikTokBot.Slack.Verification;
using Xunit.Abstractions;

namespace TikTokBot.Tests.Security;

/// <summary>
/// The app as deployed (Production), with a fake Slack, both login pages served and everyone allowed to change
/// settings, so the generated requests reach as much code as they can.
/// </summary>
public sealed class PayloadFuzzAppFactory : FakeSlackAppFactory
{
    protected override IEnumerable<(string Key, string Value)> MoreSettings() =>
    [
        ("Permissions:ChangeSettings", "Everyone"), ("Slack:PostMessageInterval", "00:00:00.001"), ("Slack:AttemptTimeout", "00:00:10"),
        ("Scheduler:DashboardToken", LoginPagesAppFactory.Token), ("Web:Playground", "true"),
        // The fuzz is about what a login post holds, not how many come: the limit would answer most of them 429 unread.
        ("Web:LoginAttempts", "1000000"),
    ];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
    }
}

/// <summary>
/// Property: no request generated from an endpoint's payload grammar gets a 5xx. Each endpoint gets
/// <see cref="Cases"/> signed requests over a real Kestrel socket (several at once); CsCheck shrinks a failure to a
/// small body and prints it with its seed.
/// </summary>
public sealed class PayloadFuzzTests(PayloadFuzzAppFactory app, ITestOutputHelper output) : IClassFixture<PayloadFuzzAppFactory>, IAsyncLifetime
{
    public const int Cases = 10_000;

    private ResponseUrlHook _hook = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _hook = await ResponseUrlHook.StartAsync();
        _client = app.CreateKestrelClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        // Answers still on their way to the response_url land before it closes.
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await app.Services.GetRequiredService<SlackDispatcher>().WhenHandlersIdleAsync(wait.Token);
        await _hook.DisposeAsync();
    }

    [Fact]
    public Task Slash_commands() => RunAsync(PayloadGrammar.Mangle(PayloadGrammar.CommandForm(_hook.Url))
        .Select(body => new FuzzRequest("/slack/commands", PayloadGrammar.FormType, body)), signed: true);

    [Fact]
    public Task Interactions() => RunAsync(Gen.Frequency(
        (6, PayloadGrammar.Mangle(PayloadGrammar.InteractionJson(_hook.Url).Select(json => "payload=" + Uri.EscapeDataString(json)))
            .Select(body => new FuzzRequest("/slack/interactions", PayloadGrammar.FormType, body))),
        // The JSON unescaped in the form (Slack escapes it), as a bare body, or beside another field.
        (1, PayloadGrammar.Mangle(PayloadGrammar.InteractionJson(_hook.Url).Select(json => "payload=" + json))
            .Select(body => new FuzzRequest("/slack/interactions", PayloadGrammar.FormType, body))),
        (1, PayloadGrammar.Mangle(PayloadGrammar.InteractionJson(_hook.Url))
            .Select(body => new FuzzRequest("/slack/interactions", "application/json", body)))), signed: true);

    [Fact]
    public Task Events() => RunAsync(PayloadGrammar.Mangle(PayloadGrammar.EventJson)
        .Select(body => new FuzzRequest("/slack/events", "application/json", body)), signed: true);

    [Fact]
    public Task Login_pages() => RunAsync(PayloadGrammar.Login("/hangfire/login", "/playground/login"), signed: false);

    [Fact]
    public async Task Install_and_OAuth_callback()
    {
        // OAuth configured, and Slack itself out of reach: no generated request may get as far as a code exchange that
        // could succeed, and none may fail with a 5xx on the way there.
        await using var oauth = new ConfiguredAppFactory("Production",
            ("Slack:ClientId", "123.456"), ("Slack:ClientSecret", "client-secret-0123456789"), ("Slack:ApiBaseUrl", "http://127.0.0.1:9/api/"),
            ("Slack:OAuthStatesCap", "1000000"));
        using var probe = oauth.CreateKestrelClient();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = probe.BaseAddress };
        var install = await client.GetAsync("/slack/install");
        var issued = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(install.Headers.Location!.Query)["state"].ToString();
        var clock = Stopwatch.StartNew();
        var statuses = new System.Collections.Concurrent.ConcurrentDictionary<int, int>();

        await PayloadGrammar.OAuthCallback(issued).SampleAsync(async callback =>
        {
            var install = callback.Query.Length % 7 == 0;
            using var request = new HttpRequestMessage(HttpMethod.Get, install ? "/slack/install?" + callback.Query : "/slack/oauth/callback?" + callback.Query);
            if (callback.Cookie is { } cookie)
            {
                request.Headers.TryAddWithoutValidation("Cookie", cookie);
            }

            using var response = await client.SendAsync(request);
            statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
            Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode} for {request.RequestUri} cookie {callback.Cookie}");
        }, iter: Cases, threads: 4, print: c => $"{c.Query} cookie {c.Cookie}");

        output.WriteLine($"{Cases} cases in {clock.Elapsed.TotalSeconds:0.0} s: " +
            string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}")));
    }

    private async Task RunAsync(Gen<FuzzRequest> requests, bool signed)
    {
        var clock = Stopwatch.StartNew();
        var statuses = new System.Collections.Concurrent.ConcurrentDictionary<int, int>();
        await requests.SampleAsync(async request =>
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, request.Path) { Content = new ByteArrayContent(request.Body) };
            if (request.ContentType is { } type)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", type);
            }

            if (signed)
            {
                var timestamp = TikTokBot.Testing.RunningClock.Shared.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
                message.Headers.Add(SlackSignature.TimestampHeader, timestamp);
                message.Headers.Add(SlackSignature.SignatureHeader, SlackSignature.Sign(KestrelAppFactory.SigningSecret, timestamp, request.Body));
            }

            using var response = await _client.SendAsync(message);
            statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
            Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode} for {request}");
        }, iter: Cases, threads: 4, print: request => request.ToString());

        output.WriteLine($"{Cases} cases in {clock.Elapsed.TotalSeconds:0.0} s: " +
            string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}")));
        Assert.DoesNotContain(statuses.Keys, status => status >= 500);
    }
}
