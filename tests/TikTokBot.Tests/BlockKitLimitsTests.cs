using Microsoft.Extensions.DependencyInjection;
using TikTokBot.Commands;
using TikTokBot.Home;
using TikTokBot.Permissions;
using TikTokBot.Reports;
using TikTokBot.Settings;
using TikTokBot.Slack.BlockKit;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.Tests;

/// <summary>Every reply the app can give for the demo campaigns, checked on the wire against Slack's Block Kit limits.</summary>
public sealed class BlockKitLimitsTests : IClassFixture<KestrelAppFactory>
{
    private readonly KestrelAppFactory _factory;

    public BlockKitLimitsTests(KestrelAppFactory factory) => _factory = factory;

    [Fact]
    public async Task Every_command_reply_modal_and_home_tab_fits_slacks_limits_and_pings_nobody()
    {
        using var scope = _factory.Services.CreateScope();
        var handler = scope.ServiceProvider.GetRequiredService<MetricsCommandHandler>();
        var campaigns = await scope.ServiceProvider.GetRequiredService<IMetricSource>().ListCampaignsAsync(CancellationToken.None);
        var texts = new List<string> { "help", "list", "nonsense words here", "<!channel> 7d", "digest now" };
        foreach (var campaign in campaigns)
        {
            texts.AddRange([$"{campaign.Id}", $"{campaign.Id} 30d", $"{campaign.Id} lifetime", $"{campaign.Id} today", $"{campaign.Id} fix"]);
            texts.AddRange(new[] { "adgroup", "ad", "age", "gender", "placement", "device" }.Select(by => $"{campaign.Id} by {by}"));
            texts.AddRange(Domain.Metrics.MetricCatalogue.All.Select(m => $"{campaign.Id} chart {MetricNames.Short(m.Id)} 30d"));
        }

        var checkedMessages = 0;
        foreach (var text in texts)
        {
            foreach (var message in await handler.ReplyAsync(CommandParser.Parse(text), new Asker("T-LIMITS", "U1"), CancellationToken.None))
            {
                Check(BlockKitJson.Serialize(message), maxBlocks: 50, text);
                checkedMessages++;
            }
        }

        foreach (var campaign in campaigns)
        {
            Check(BlockKitJson.Serialize(SettingsModals.CriteriaModal(campaign, null)), maxBlocks: 100, "criteria modal");
            Check(BlockKitJson.Serialize(SettingsModals.CreditModal(campaign)), maxBlocks: 100, "credit modal");
        }

        var overviews = await scope.ServiceProvider.GetRequiredService<HomeService>().OverviewsAsync("T-LIMITS", CancellationToken.None);
        Check(BlockKitJson.Serialize(AppHomeHandler.View(overviews)), maxBlocks: 100, "home tab");
        Assert.True(checkedMessages >= texts.Count);
    }

    private static void Check(string json, int maxBlocks, string what) => BlockKitLimits.Check(json, maxBlocks, what);
}
