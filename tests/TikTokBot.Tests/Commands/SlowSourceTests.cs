using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using TikTokBot.Domain.Metrics;
using TikTokBot.Slack.Verification;
using TikTokBot.TikTok.Demo;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.Tests.Commands;

/// <summary>The demo data behind a source that takes 3 seconds per call, longer than Slack waits.</summary>
public sealed class SlowSourceAppFactory : KestrelAppFactory
{
    protected override void ReplaceServices(IServiceCollection services) =>
        services.Replace(ServiceDescriptor.Singleton<IMetricSource>(new SlowSource(new DemoMetricSource(TimeProvider.System))));

    private sealed class SlowSource(IMetricSource inner) : IMetricSource
    {
        private static readonly TimeSpan Delay = TimeSpan.FromSeconds(3);

        public async Task<IReadOnlyList<CampaignInfo>> ListCampaignsAsync(CancellationToken ct)
        {
            await Task.Delay(Delay, ct);
            return await inner.ListCampaignsAsync(ct);
        }

        public Task<IReadOnlyList<DailyTotals>> GetDailyAsync(Scope scope, DateRange range, CancellationToken ct) => inner.GetDailyAsync(scope, range, ct);

        public Task<long?> GetReachAsync(Scope scope, DateRange range, CancellationToken ct) => inner.GetReachAsync(scope, range, ct);

        public Task<IReadOnlyList<BreakdownRow>> GetBreakdownAsync(string campaignId, BreakdownDimension by, DateRange range, CancellationToken ct) =>
            inner.GetBreakdownAsync(campaignId, by, range, ct);
    }
}

public sealed class SlowSourceTests : IClassFixture<SlowSourceAppFactory>, IAsyncLifetime
{
    private readonly SlowSourceAppFactory _factory;
    private readonly ConcurrentQueue<string> _delivered = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private WebApplication _hook = null!;
    private string _hookUrl = "";

    public SlowSourceTests(SlowSourceAppFactory factory) => _factory = factory;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _hook = builder.Build();
        _hook.MapPost("/hook", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            _delivered.Enqueue(await reader.ReadToEndAsync());
            _arrived.Release();
            return Results.Ok();
        });
        await _hook.StartAsync();
        _hookUrl = _hook.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/hook";
    }

    public async Task DisposeAsync() => await _hook.DisposeAsync();

    [Fact]
    public async Task A_slow_source_is_acknowledged_at_once_and_the_report_follows_through_response_url()
    {
        var body = $"team_id=T-SLOW&channel_id=C1&user_id=U1&command=%2Fttmetrics&text=campaign-42&response_url={Uri.EscapeDataString(_hookUrl)}";
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/slack/commands") { Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded") };
        request.Headers.Add(SlackSignature.TimestampHeader, timestamp);
        request.Headers.Add(SlackSignature.SignatureHeader, SlackSignature.Sign(KestrelAppFactory.SigningSecret, timestamp, Encoding.UTF8.GetBytes(body)));
        using var client = _factory.CreateKestrelClient();

        var ack = await client.SendAsync(request);
        var ackBody = await ack.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.Contains("Reading campaign-42", ackBody);
        Assert.True(await _arrived.WaitAsync(TimeSpan.FromSeconds(30)), "the report never arrived at the response_url");
        Assert.Contains("Creative fatigue", _delivered.Single());
    }
}
