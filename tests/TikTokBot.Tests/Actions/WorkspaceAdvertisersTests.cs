using Microsoft.Extensions.Configuration;
using TikTokBot.Accounts;
using TikTokBot.Actions;
using TikTokBot.Storage;
using TikTokBot.TikTok.Demo;
using TikTokBot.TikTok.Writes;

namespace TikTokBot.Tests.Actions;

/// <summary>A workspace acts on what it reads: its connections, else the static token when it serves that workspace, else the demo data.</summary>
public sealed class WorkspaceAdvertisersTests
{
    private const string StaticAdvertiser = "7200000000000001";
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static WorkspaceAdvertisers With(IWorkspaceStorage storage, params (string Key, string Value)[] settings) =>
        new(WorkspaceReadPolicy.From(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build()),
            storage, new StoredConnections(storage));

    [Fact]
    public async Task With_the_OAuth_install_the_static_token_serves_only_its_team_and_the_others_act_on_the_demo_data_simulated()
    {
        await using var h = await ActionsHarness.StartAsync();
        var advertisers = With(h.Storage, ("Slack:ClientId", "123.456"), ("TikTok:Source", "Api"), ("TikTok:AccessToken", "t"),
            ("TikTok:AdvertiserIds", StaticAdvertiser), ("TikTok:StaticTokenTeam", "T-STATIC"), ("TikTok:AdvertiserTimeZone", "Europe/Paris"));

        Assert.Equal(new AdvertiserAccess(StaticAdvertiser, null, "USD", "Europe/Paris", WriteRoute.Deployment), await advertisers.FindAsync("T-STATIC", StaticAdvertiser, Ct));
        Assert.Null(await advertisers.FindAsync("T-OTHER", StaticAdvertiser, Ct));
        Assert.Equal(WriteRoute.Demo, (await advertisers.FindAsync("T-OTHER", DemoDataSet.AdvertiserId, Ct))!.Route);
        Assert.Null(await advertisers.FindAsync("T-STATIC", DemoDataSet.AdvertiserId, Ct));
    }

    [Fact]
    public async Task The_playground_acts_on_the_demo_data_only_even_where_the_static_token_serves_every_workspace()
    {
        await using var h = await ActionsHarness.StartAsync();
        await h.Storage.ForTeam(TikTokBot.Accounts.WorkspaceReadPolicy.PlaygroundTeam).TikTokConnections.ConnectAsync(
            [new TikTokAdvertiserDetails("7300000000000009", "Someone's shop", "USD", "UTC")], "connected-from-the-playground", "U1", Ct);
        var advertisers = With(h.Storage, ("TikTok:Source", "Api"), ("TikTok:AccessToken", "t"), ("TikTok:AdvertiserIds", StaticAdvertiser));

        Assert.Null(await advertisers.FindAsync(TikTokBot.Accounts.WorkspaceReadPolicy.PlaygroundTeam, StaticAdvertiser, Ct));
        Assert.Null(await advertisers.FindAsync(TikTokBot.Accounts.WorkspaceReadPolicy.PlaygroundTeam, "7300000000000009", Ct));
        Assert.Equal(WriteRoute.Demo, (await advertisers.FindAsync(TikTokBot.Accounts.WorkspaceReadPolicy.PlaygroundTeam, DemoDataSet.AdvertiserId, Ct))!.Route);
        Assert.Equal(WriteRoute.Deployment, (await advertisers.FindAsync("T-ANY", StaticAdvertiser, Ct))!.Route);
    }

    [Fact]
    public async Task A_workspace_with_connections_acts_only_on_them_with_their_token_currency_and_time_zone()
    {
        await using var h = await ActionsHarness.StartAsync();
        await h.Storage.ForTeam("T-TOKYO").TikTokConnections.ConnectAsync([new TikTokAdvertiserDetails("7300000000000001", "Tokyo Shop", "JPY", "Asia/Tokyo")], "tokyo-token", "U1", Ct);
        await h.Storage.ForTeam("T-LA").TikTokConnections.ConnectAsync([new TikTokAdvertiserDetails("7300000000000002", "LA Store", "USD", "America/Los_Angeles")], "la-token", "U2", Ct);
        var advertisers = With(h.Storage, ("TikTok:Source", "Api"), ("TikTok:AccessToken", "t"), ("TikTok:AdvertiserIds", StaticAdvertiser));

        Assert.Equal(new AdvertiserAccess("7300000000000001", "tokyo-token", "JPY", "Asia/Tokyo", WriteRoute.Connected), await advertisers.FindAsync("T-TOKYO", "7300000000000001", Ct));
        Assert.Null(await advertisers.FindAsync("T-TOKYO", "7300000000000002", Ct));
        Assert.Null(await advertisers.FindAsync("T-TOKYO", StaticAdvertiser, Ct));
        Assert.Equal(WriteRoute.Deployment, (await advertisers.FindAsync("T-ANY", StaticAdvertiser, Ct))!.Route);
    }

    [Fact]
    public async Task Buttons_are_decided_on_the_kept_connections_but_a_write_asks_the_database()
    {
        await using var h = await ActionsHarness.StartAsync();
        var connections = h.Storage.ForTeam("T-TOKYO").TikTokConnections;
        await connections.ConnectAsync([new TikTokAdvertiserDetails("7300000000000001", "Tokyo Shop", "JPY", "Asia/Tokyo")], "tokyo-token", "U1", Ct);
        // What an instance keeps for TikTok:ConnectionsFreshFor, and then another instance disconnects the advertiser.
        var kept = new KeptConnections(await connections.ListAsync(Ct));
        await connections.DisconnectAsync("7300000000000001", "U2", Ct);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new KeyValuePair<string, string?>("TikTok:Source", "Api")]).Build();
        IWorkspaceAdvertisers advertisers = new WorkspaceAdvertisers(WorkspaceReadPolicy.From(configuration), h.Storage, kept);

        Assert.Equal("tokyo-token", (await advertisers.FindForButtonsAsync("T-TOKYO", "7300000000000001", Ct))?.AccessToken);
        Assert.Null(await advertisers.FindAsync("T-TOKYO", "7300000000000001", Ct));
        Assert.Equal(1, kept.Reads);
    }

    private sealed class KeptConnections(IReadOnlyList<TikTokConnection> connections) : TikTokBot.Accounts.IWorkspaceSources
    {
        public int Reads { get; private set; }

        public Task<TikTokBot.Accounts.WorkspaceSources.WorkspaceSource> SourceForAsync(string teamId, CancellationToken ct) => throw new NotSupportedException();

        public Task<IReadOnlyList<TikTokConnection>> ConnectionsAsync(string teamId, CancellationToken ct)
        {
            Reads++;
            return Task.FromResult(connections);
        }
    }

    [Fact]
    public void Each_route_goes_to_its_own_target()
    {
        var deployment = new CsvWriteTarget();
        var api = new CsvWriteTarget();
        var demo = new CsvWriteTarget();
        var router = new WriteTargetRouter(deployment, () => api, () => demo);

        Assert.Same(deployment, router.For(new AdvertiserAccess("a", null)));
        Assert.Same(api, router.For(new AdvertiserAccess("a", "token", Route: WriteRoute.Connected)));
        Assert.Same(demo, router.For(new AdvertiserAccess(DemoDataSet.AdvertiserId, null, Route: WriteRoute.Demo)));
    }
}
