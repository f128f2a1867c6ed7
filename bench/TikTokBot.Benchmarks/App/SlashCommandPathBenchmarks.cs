using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using TikTokBot.Commands;
using TikTokBot.Permissions;
using TikTokBot.Slack.Verification;

namespace TikTokBot.Benchmarks.App;

/// <summary>
/// One cached <c>/ttmetrics campaign-42</c> through the whole app in process (ASP.NET Core's test server: routing,
/// signature check, parse, dispatch, storage reads, engine, Block Kit, JSON), and the handler's reply alone, so the
/// difference is the HTTP and Slack plumbing. Allocations are per request, both sides of the test server included.
/// </summary>
[MemoryDiagnoser]
public class SlashCommandPathBenchmarks
{
    private const string Secret = "bench-signing-secret";

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("tiktokbot-bench-").FullName;
    private WebApplicationFactory<Program> _factory = null!;
    private HttpClient _client = null!;
    private byte[] _body = [];
    private string _timestamp = "";
    private string _signature = "";

    /// <summary>The app's services, for <see cref="AllocBreakdown"/>.</summary>
    internal IServiceProvider Services => _factory.Services;

    [GlobalSetup]
    public void Setup()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseSetting("Slack:SigningSecret", Secret);
            host.UseSetting("Storage:DataDirectory", _dataDirectory);
        });
        _client = _factory.CreateClient();
        _body = Encoding.UTF8.GetBytes(
            "token=bench&team_id=T-BENCH&team_domain=bench&channel_id=C-BENCH&user_id=U-BENCH&command=%2Fttmetrics&text=campaign-42" +
            "&response_url=http%3A%2F%2F127.0.0.1%3A9%2Fhook&trigger_id=1.2.3&api_app_id=A-BENCH");
        // Slack accepts a signature for five minutes: one signing covers every iteration of this benchmark.
        _timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        _signature = SlackSignature.Sign(Secret, _timestamp, _body);
        if (!SignedSummary().GetAwaiter().GetResult().Contains("Creative fatigue", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The warm-up request did not answer with the report inline.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _factory.Dispose();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    [Benchmark(Description = "signed /ttmetrics campaign-42, cached, through the app")]
    public async Task<int> CachedSummaryThroughTheApp() => (await SignedSummary()).Length;

    [Benchmark(Description = "the handler's reply only (storage, engine, Block Kit)")]
    public async Task<int> HandlerReplyOnly()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetRequiredService<MetricsCommandHandler>();
        var messages = await handler.ReplyAsync(CommandParser.Parse("campaign-42"), new Asker("T-BENCH", "U-BENCH"), CancellationToken.None);
        return messages.Count;
    }

    private async Task<string> SignedSummary()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/slack/commands") { Content = new ByteArrayContent(_body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        request.Headers.Add(SlackSignature.TimestampHeader, _timestamp);
        request.Headers.Add(SlackSignature.SignatureHeader, _signature);
        using var response = await _client.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }
}
