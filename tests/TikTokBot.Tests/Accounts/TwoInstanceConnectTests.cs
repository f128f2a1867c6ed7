using System.Net;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Microsoft.Extensions.DependencyInjection;
using TikTokBot.Accounts;
using TikTokBot.Testing;
using TikTokBot.Tests.Digests;
using TikTokBot.Testing.External;

namespace TikTokBot.Tests.Accounts;

/// <summary>Two app instances on one PostgreSQL database and one key ring, the way a load-balanced deployment runs.</summary>
public sealed class TwoInstanceConnectTests : IAsyncLifetime
{
    private readonly ThrowawayPostgresDatabase _database = new("accounts");
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("tiktokbot-accounts-shared-").FullName;
    private FakeTikTokApi _tiktok = null!;

    public async Task InitializeAsync()
    {
        _tiktok = await FakeTikTokApi.StartAsync(new DateOnly(2026, 12, 1));
        _tiktok.Accounts.Add(AccountsAppFactory.Tokyo, AccountsAppFactory.LosAngeles);
        await _database.CreateAsync();
    }

    public async Task DisposeAsync()
    {
        await _tiktok.DisposeAsync();
        await _database.DropAsync();

        Directory.Delete(_dataDirectory, recursive: true);
    }

    [NeedsFact(External.PostgreSql)]
    public async Task A_connect_started_on_one_instance_is_finished_on_the_other_and_seen_by_both()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        await using var first = Instance(clock);
        await using var second = Instance(clock);
        first.CreateKestrelClient().Dispose();
        second.CreateKestrelClient().Dispose();

        var state = await first.BeginAsync();
        var (status, page) = await second.CallbackAsync(state, _tiktok.Accounts.Authorise(AccountsAppFactory.Tokyo.AdvertiserId, AccountsAppFactory.LosAngeles.AdvertiserId));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("LA Store", page, StringComparison.Ordinal);
        var token = Assert.Single(_tiktok.Accounts.Issued);
        var seenByFirst = await first.Accounts.ListAsync(AccountsAppFactory.Team, default);
        Assert.Equal(["LA Store", "Tokyo <Shop> & Co"], seenByFirst.Select(a => a.Name));
        Assert.All(await first.RawConnectionsAsync(), row => Assert.DoesNotContain(token, row.Token, StringComparison.Ordinal));

        // The link is spent for both instances.
        var (again, said) = await first.CallbackAsync(state, _tiktok.Accounts.Authorise(AccountsAppFactory.Tokyo.AdvertiserId));
        Assert.Equal(HttpStatusCode.BadRequest, again);
        Assert.Contains("already used", said, StringComparison.Ordinal);
        Assert.Single(_tiktok.Accounts.Issued);
    }

    [NeedsFact(External.PostgreSql)]
    public async Task Each_instance_remembers_the_connections_for_a_few_seconds_and_the_one_that_connected_sees_them_at_once()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        await using var first = Instance(clock);
        await using var second = Instance(clock);
        first.CreateKestrelClient().Dispose();
        second.CreateKestrelClient().Dispose();
        var firstSources = first.Services.GetRequiredService<IWorkspaceSources>();
        var secondSources = second.Services.GetRequiredService<IWorkspaceSources>();
        // Any write to the workspace on an instance drops what it keeps, the connect link's included: read after it.
        var state = await first.BeginAsync();
        Assert.True((await firstSources.SourceForAsync(AccountsAppFactory.Team, default)).IsDemo);
        Assert.True((await secondSources.SourceForAsync(AccountsAppFactory.Team, default)).IsDemo);

        var (status, _) = await second.CallbackAsync(state, _tiktok.Accounts.Authorise(AccountsAppFactory.Tokyo.AdvertiserId));
        Assert.Equal(HttpStatusCode.OK, status);

        // The instance that stored the connection reads it at once; the other answers from its list of 5 s ago until it is stale.
        Assert.False((await secondSources.SourceForAsync(AccountsAppFactory.Team, default)).IsDemo);
        Assert.True((await firstSources.SourceForAsync(AccountsAppFactory.Team, default)).IsDemo);
        clock.Advance(TimeSpan.FromSeconds(5));
        var seenByFirst = await firstSources.SourceForAsync(AccountsAppFactory.Team, default);
        Assert.False(seenByFirst.IsDemo);
        Assert.StartsWith($"api:{AccountsAppFactory.Tokyo.AdvertiserId}:", seenByFirst.Name, StringComparison.Ordinal);

        // Disconnecting on the first forgets the token there at once.
        var removed = await first.Accounts.DisconnectAsync(null, AccountsAppFactory.Team, AccountsAppFactory.Admin, AccountsAppFactory.Tokyo.AdvertiserId, default);
        Assert.Equal(AccountChange.Done, removed.Change);
        Assert.True((await firstSources.SourceForAsync(AccountsAppFactory.Team, default)).IsDemo);
    }

    private AccountsAppFactory Instance(TimeProvider clock)
    {
        var server = _database.ConnectionString();
        return new AccountsAppFactory(_tiktok, (FakeTimeProvider)clock, new Dictionary<string, string>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = server.ConnectionString,
            ["Storage:DataDirectory"] = _dataDirectory,
            ["Scheduler:Store"] = "Memory",
        });
    }
}
