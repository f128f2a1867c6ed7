using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TikTokBot.Commands;
using TikTokBot.Domain.Metrics;
using TikTokBot.TikTok.Demo;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.Tests.Commands;

/// <summary>
/// The demo data behind a source that answers only when the test opens its gate, with the app's default inline
/// answer budget: the acknowledgement cannot wait for the source, whatever the speed of the machine.
/// </summary>
public sealed class SlowSourceAppFactory : KestrelAppFactory
{
    public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override IEnumerable<(string Key, string Value)> ExtraSettings() =>
        [("Commands:InlineAnswerBudget", new CommandOptions().InlineAnswerBudget.ToString("c", CultureInfo.InvariantCulture))];

    protected override void ReplaceServices(IServiceCollection services) =>
        services.Replace(ServiceDescriptor.Singleton<IMetricSource>(new GatedSource(new DemoMetricSource(TikTokBot.Testing.RunningClock.Shared), Gate.Task)));

    private sealed class GatedSource(IMetricSource inner, Task gate) : IMetricSource
    {
        public async Task<IReadOnlyList<CampaignInfo>> ListCampaignsAsync(CancellationToken ct)
        {
            await gate.WaitAsync(ct);
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
    public async Task A_source_that_has_not_answered_yet_is_acknowledged_and_the_report_follows_through_response_url()
    {
        var body = $"team_id=T-SLOW&channel_id=C1&user_id=U1&command=%2Fttmetrics&text=campaign-42&response_url={Uri.EscapeDataString(_hook.Url)}";
        using var request = SlackTestRequests.Signed("/slack/commands", body);
        using var client = _factory.CreateKestrelClient();

        // The gate opens only after the acknowledgement is back, so the app cannot have waited for the source.
        var ack = await client.SendAsync(request);
        var ackBody = await ack.Content.ReadAsStringAsync();
        _factory.Gate.SetResult();

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.Contains("Reading campaign-42", ackBody);
        Assert.Contains("Creative fatigue", await _hook.NextAsync());
    }
}
