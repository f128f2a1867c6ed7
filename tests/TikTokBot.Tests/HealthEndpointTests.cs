using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace TikTokBot.Tests;

public sealed class HealthEndpointTests : IClassFixture<KestrelAppFactory>
{
    private readonly KestrelAppFactory _factory;

    public HealthEndpointTests(KestrelAppFactory factory) => _factory = factory;

    [Fact]
    public async Task Healthz_answers_ok_over_a_real_socket_and_reveals_nothing_else()
    {
        using var client = _factory.CreateKestrelClient();
        Assert.NotEqual(0, client.BaseAddress!.Port);

        var response = await client.GetAsync("/healthz", CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(CancellationToken.None));
        var property = Assert.Single(body.RootElement.EnumerateObject());
        Assert.Equal("status", property.Name);
        Assert.Equal("ok", property.Value.GetString());
    }
}

public sealed class CompositionTests : IClassFixture<KestrelAppFactory>
{
    private readonly KestrelAppFactory _factory;

    public CompositionTests(KestrelAppFactory factory) => _factory = factory;

    [Fact]
    public async Task On_its_defaults_the_app_reads_the_demo_campaigns_and_campaign_42_leads_with_a_finding()
    {
        var services = _factory.Services;
        var source = services.GetRequiredService<TikTokBot.TikTok.Sources.IMetricSource>();
        var engine = services.GetRequiredService<TikTokBot.Domain.CampaignEngine>();
        var campaigns = await source.ListCampaignsAsync(CancellationToken.None);
        var campaign = TikTokBot.TikTok.Naming.CampaignResolver.Resolve("campaign-42", campaigns).Campaign!;
        var yesterday = DateOnly.FromDateTime(services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime).AddDays(-1);

        var facts = await services.GetRequiredService<TikTokBot.TikTok.Sources.CampaignFactsLoader>()
            .LoadAsync(campaign, TikTokBot.Domain.Metrics.DateRange.Ending(yesterday, 7), null, CancellationToken.None);

        Assert.Equal(8, campaigns.Count);
        Assert.Equal("creative-fatigue", engine.Diagnose(facts).TopFinding!.RuleId);
    }
}
