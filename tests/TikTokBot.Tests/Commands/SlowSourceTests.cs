using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TikTokBot.Domain.Metrics;
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
    private ResponseUrlHook _hook = null!;

    public SlowSourceTests(SlowSourceAppFactory factory) => _factory = factory;

    public async Task InitializeAsync() => _hook = await ResponseUrlHook.StartAsync();

    public async Task DisposeAsync() => await _hook.DisposeAsync();

    [Fact]
    public async Task A_slow_source_is_acknowledged_at_once_and_the_report_follows_through_response_url()
    {
        var body = $"team_id=T-SLOW&channel_id=C1&user_id=U1&command=%2Fttmetrics&text=campaign-42&response_url={Uri.EscapeDataString(_hook.Url)}";
        using var request = SlackTestRequests.Signed("/slack/commands", body);
        using var client = _factory.CreateKestrelClient();

        var ack = await client.SendAsync(request);
        var ackBody = await ack.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.Contains("Reading campaign-42", ackBody);
        Assert.Contains("Creative fatigue", await _hook.NextAsync());
    }
}
