using Microsoft.Extensions.DependencyInjection;
using TikTokBot.Accounts;
using TikTokBot.Domain.Actions;
using TikTokBot.Domain.Metrics;
using TikTokBot.Reports;
using TikTokBot.Storage;
using TikTokBot.TikTok.Caching;
using TikTokBot.TikTok.Calendar;
using TikTokBot.TikTok.Demo;
using TikTokBot.TikTok.Writes;
using static TikTokBot.Reports.ReportService;
using static TikTokBot.Storage.WorkspaceReadCache;

namespace TikTokBot.Tests.Reports;

/// <summary>
/// Every write that changes an input of what the one cache keeps drops it at once (the whole app, its SQLite storage):
/// a workspace's writes drop what was read or built for the workspace (its settings and connections, its overviews and
/// replies); a pause or a budget sent to TikTok drops what was read of the advertiser.
/// </summary>
public sealed class CacheInvalidationTests(FixedClockAppFactory factory) : IClassFixture<FixedClockAppFactory>
{
    private const string Campaign = "1800000000000041";

    public static TheoryData<string> WorkspaceWrites =>
    [
        "target saved", "target removed", "credit added", "credit removed", "alias saved", "alias removed",
        "account connected", "account disconnected", "token refused", "channel's advertiser set", "digest subscribed",
    ];

    private ReportCache Cache => factory.Services.GetRequiredService<ReportCache>();

    private ReportService Reports => factory.Services.GetRequiredService<ReportService>();

    [Theory]
    [MemberData(nameof(WorkspaceWrites))]
    public async Task A_workspace_write_drops_its_reads_and_what_was_built_for_it_and_nothing_of_another_workspace(string write)
    {
        var team = $"T-INV-{write.Replace(' ', '-').Replace('\'', '-')}";
        var store = factory.Services.GetRequiredService<IWorkspaceStorage>().ForTeam(team);
        // What a removal removes is there first.
        switch (write)
        {
            case "target removed":
                await store.SuccessCriteria.SetAsync(new SuccessCriteriaDetails(Campaign, "WEB_CONVERSIONS", 25m, 50), "U1", default);
                break;
            case "credit removed":
                await store.CreditWindows.AddAsync(new CreditWindowDetails(CreditScope.Campaign, Campaign, 500m, new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 31)), "U1", default);
                break;
            case "alias removed":
                await store.Aliases.SetAsync("evergreen", Campaign, "U1", default);
                break;
            case "account disconnected" or "token refused":
                await store.TikTokConnections.ConnectAsync([new TikTokAdvertiserDetails("7000000000000077", "Shop", "USD", "UTC")], "token-1", "U1", default);
                break;
        }

        var (overview, connections) = await PrimeAsync(team);
        var (otherOverview, otherConnections) = await PrimeAsync($"{team}-other");

        await WriteAsync(store, write);

        Assert.False(Cache.TryPeek<CampaignOverview>(overview, out _), $"{write}: the overview is still kept");
        Assert.False(Cache.TryPeek<IReadOnlyList<TikTokConnection>>(connections, out _), $"{write}: the connections read is still kept");
        Assert.True(Cache.TryPeek<CampaignOverview>(otherOverview, out _), $"{write}: another workspace's overview was dropped");
        Assert.True(Cache.TryPeek<IReadOnlyList<TikTokConnection>>(otherConnections, out _), $"{write}: another workspace's read was dropped");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_pause_or_a_budget_sent_to_the_advertiser_drops_its_rows_lists_and_overviews(bool pause)
    {
        var team = $"T-INV-WRITE-{pause}";
        var (overview, _) = await PrimeAsync(team);
        await Reports.CampaignsAsync(team, default);
        Assert.True(Cache.TryPeek<IReadOnlyList<TikTok.Sources.CampaignInfo>>(new CampaignListKey("demo"), out _));

        var access = new AdvertiserAccess(DemoDataSet.AdvertiserId, null, Route: WriteRoute.Demo);
        var target = factory.Services.GetRequiredService<IWriteTargets>().For(access);
        _ = pause
            ? await target.SetStatusAsync(access, ActionLevel.Campaign, "1800000000000048", enabled: false, default)
            : await target.SetBudgetAsync(access, ActionLevel.Campaign, "1800000000000048", 120m, BudgetMode.Daily, default);

        Assert.False(Cache.TryPeek<IReadOnlyList<TikTok.Sources.CampaignInfo>>(new CampaignListKey("demo"), out _));
        Assert.False(Cache.TryPeek<CampaignOverview>(overview, out _));
    }

    // The workspace's campaign overview and its connections read, both kept.
    private async Task<(OverviewKey Overview, WorkspaceReadKey Connections)> PrimeAsync(string team)
    {
        await factory.Services.GetRequiredService<IWorkspaceSources>().ConnectionsAsync(team, default);
        var connections = new WorkspaceReadKey(team, WorkspaceReadKind.TikTokConnections);
        Assert.True(Cache.TryPeek<IReadOnlyList<TikTokConnection>>(connections, out _));
        if ((await Reports.SourceAsync(team, default)).IsDemo is false)
        {
            // A connected workspace with nothing to read here: its overview is the demo's, kept under its tags all the same.
            return (await DemoOverviewAsync(team), connections);
        }

        return ((await Reports.OverviewAsync(team, (await Reports.FindByIdAsync(team, Campaign, default))!, Period.Default, default)).Key, connections);
    }

    // An overview kept for the workspace as the app keeps one, over the demo data: the connected workspace's own figures
    // would be asked of TikTok, which this test does not run.
    private async Task<OverviewKey> DemoOverviewAsync(string team)
    {
        var key = new OverviewKey("demo", Campaign, DateRange.Ending(FixedClockAppFactory.Today.AddDays(-1), 7), FixedClockAppFactory.Today, TeamId: team);
        await Cache.GetOrLoad(key, TimeSpan.FromMinutes(5), [CacheTag.Workspace(team)], () => Task.FromResult<CampaignOverview>(null!), default);
        return key;
    }

    private static async Task WriteAsync(IWorkspaceStore store, string write)
    {
        switch (write)
        {
            case "target saved":
                await store.SuccessCriteria.SetAsync(new SuccessCriteriaDetails(Campaign, "WEB_CONVERSIONS", 25m, 50), "U1", default);
                break;
            case "target removed":
                Assert.True(await store.SuccessCriteria.RemoveAsync(Campaign, "U1", default));
                break;
            case "credit added":
                await store.CreditWindows.AddAsync(new CreditWindowDetails(CreditScope.Campaign, Campaign, 500m, new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 31)), "U1", default);
                break;
            case "credit removed":
                Assert.True(await store.CreditWindows.RemoveAsync((await store.CreditWindows.ListAsync(default)).Single().Id, "U1", default));
                break;
            case "alias saved":
                await store.Aliases.SetAsync("evergreen", Campaign, "U1", default);
                break;
            case "alias removed":
                Assert.True(await store.Aliases.RemoveAsync("evergreen", "U1", default));
                break;
            case "account connected":
                await store.TikTokConnections.ConnectAsync([new TikTokAdvertiserDetails("7000000000000077", "Shop", "USD", "UTC")], "token-1", "U1", default);
                break;
            case "account disconnected":
                Assert.True(await store.TikTokConnections.DisconnectAsync("7000000000000077", "U1", default));
                break;
            case "token refused":
                Assert.True(await store.TikTokConnections.MarkTokenRefusedAsync("7000000000000077", default));
                break;
            case "channel's advertiser set":
                await store.ChannelAdvertisers.SetAsync("C1", DemoDataSet.AdvertiserId, "U1", default);
                break;
            case "digest subscribed":
                await store.Subscriptions.SubscribeAsync(new SubscriptionDetails("C1", [], new TimeOnly(9, 0), "UTC"), "U1", default);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(write), write, null);
        }
    }
}
