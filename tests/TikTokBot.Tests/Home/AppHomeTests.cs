using Microsoft.Extensions.DependencyInjection;
using TikTokBot.Domain.Learning;
using TikTokBot.Home;
using TikTokBot.Slack.BlockKit;
using TikTokBot.Storage;

namespace TikTokBot.Tests.Home;

public sealed class AppHomeTests : IClassFixture<FixedClockAppFactory>
{
    private readonly FixedClockAppFactory _factory;

    public AppHomeTests(FixedClockAppFactory factory) => _factory = factory;

    [Fact]
    public async Task The_home_tab_lists_each_campaign_with_learning_credit_left_and_top_finding()
    {
        using var scope = _factory.Services.CreateScope();
        var storage = scope.ServiceProvider.GetRequiredService<IWorkspaceStorage>();
        var store = storage.ForTeam("T-HOME");
        var today = FixedClockAppFactory.Today;
        await store.CreditWindows.AddAsync(new CreditWindowDetails(CreditScope.Campaign, "1800000000000046", 6_000m, today.AddDays(-18), today.AddDays(40)), "U1", CancellationToken.None);
        var home = scope.ServiceProvider.GetRequiredService<HomeService>();

        var rows = await home.OverviewsAsync("T-HOME", CancellationToken.None);
        var json = BlockKitJson.Serialize(AppHomeHandler.View(rows));

        Assert.Equal(8, rows.Count);
        Assert.Equal("Creative fatigue", rows.Single(r => r.Campaign.Id == "1800000000000042").TopFinding?.Title);
        var learning = rows.Single(r => r.Campaign.Id == "1800000000000045").Learning;
        Assert.Equal((2, LearningState.Learning), (learning.Day, learning.State));
        var credit = rows.Single(r => r.Campaign.Id == "1800000000000046").Credit!.Report;
        Assert.InRange(credit.CreditRemaining, 1m, 1_000m);
        Assert.Null(rows.Single(r => r.Campaign.Id == "1800000000000041").Credit);
        Assert.Contains("credit left $", json);
        Assert.Contains("learning, day 2", json);
    }

    [Fact]
    public async Task Another_workspaces_credit_never_shows_on_this_home_tab()
    {
        using var scope = _factory.Services.CreateScope();
        var storage = scope.ServiceProvider.GetRequiredService<IWorkspaceStorage>();
        var today = FixedClockAppFactory.Today;
        await storage.ForTeam("T-HOME-OWNER").CreditWindows.AddAsync(
            new CreditWindowDetails(CreditScope.Campaign, "1800000000000047", 7_777m, today.AddDays(-3), today.AddDays(20)), "U1", CancellationToken.None);
        var home = scope.ServiceProvider.GetRequiredService<HomeService>();

        var rows = await home.OverviewsAsync("T-HOME-VISITOR", CancellationToken.None);

        // The visitor has only the demo data's own credit windows, never the owner's.
        Assert.All(rows, r => Assert.NotEqual(7_777m, r.Credit?.Report.Grant.Amount));
        Assert.Equal(5_000m, rows.Single(r => r.Campaign.Id == "1800000000000047").Credit!.Report.Grant.Amount);
    }
}
