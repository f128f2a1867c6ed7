using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TikTokBot.Accounts;
using TikTokBot.Actions;
using TikTokBot.Domain;
using TikTokBot.Domain.Actions;
using TikTokBot.Permissions;
using TikTokBot.Storage;
using TikTokBot.Storage.Database;
using TikTokBot.Storage.Migrations;
using TikTokBot.Storage.Workspace;
using TikTokBot.Testing;
using TikTokBot.TikTok.Api;
using TikTokBot.TikTok.Demo;
using TikTokBot.TikTok.Sources;
using TikTokBot.TikTok.Writes;
using TikTokBot.Testing.External;
using static TikTokBot.Accounts.WorkspaceSources;

namespace TikTokBot.Tests.Actions;

/// <summary>Slack's answer about who may act, as users.info and the user group would give it.</summary>
internal sealed class SlackRoles(params string[] mayAct) : IPermissionPolicy
{
    public Task<PermissionResult> CheckAsync(Permission permission, string? enterpriseId, string teamId, string userId, CancellationToken ct) => Task.FromResult(mayAct.Contains(userId)
        ? PermissionResult.Granted
        : new PermissionResult(false, "Only workspace admins can pause, resume or change budgets here. Nothing was changed."));
}

internal sealed class Fixed<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}

/// <summary>The connections as the database has them now: what a workspace's reads keep, never stale here.</summary>
internal sealed class StoredConnections(IWorkspaceStorage storage) : IWorkspaceSources
{
    public Task<WorkspaceSource> SourceForAsync(string teamId, CancellationToken ct) => throw new NotSupportedException();

    public Task<IReadOnlyList<TikTokConnection>> ConnectionsAsync(string teamId, CancellationToken ct) => storage.ForTeam(teamId).TikTokConnections.ListAsync(ct);
}

/// <summary>
/// ActionsService over real parts: a SQLite file (or the PostgreSQL server of TIKTOKBOT_TEST_POSTGRES), the fake
/// TikTok on Kestrel speaking the write endpoints, the API write client, the demo data for the learning phase.
/// </summary>
internal sealed class ActionsHarness : IAsyncDisposable
{
    public const string Team = "T-ACT";
    public const string Requester = "U-ADMIN-1";
    public const string Approver = "U-ADMIN-2";
    public const string SecondApprover = "U-ADMIN-3";
    public const string Member = "U-MEMBER";
    public const string AdGroup42 = "1800000000000042-g1";
    public const string Campaign45AdGroup = "1800000000000045-g1";

    private readonly string _folder;
    private readonly StorageDatabase _database;
    private readonly HttpClient _http;
    private readonly ServiceProvider _services;

    private ActionsHarness(string folder, StorageDatabase database, FakeTikTokApi tiktok, FakeTimeProvider clock, ActionOptions options, ITikTokWriteTarget? target)
    {
        _folder = folder;
        _database = database;
        TikTok = tiktok;
        Clock = clock;
        Options = options;
        Storage = new WorkspaceStorage(database, DataProtectionProvider.Create(new DirectoryInfo(Path.Combine(folder, "keys"))), clock,
            new WorkspaceReadCache(new TikTokBot.TikTok.Caching.ReportCache(clock), new StorageOptions { SettingsFreshFor = TimeSpan.Zero }));
        // Long enough for a loaded machine's first request; the timeout fault holds its answer until this runs out.
        _http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var api = new TikTokApiOptions { ApiBaseUrl = tiktok.BaseUrl, AccessToken = FakeTikTokApi.Token, RateLimitBackoff = TimeSpan.FromMilliseconds(1) };
        Target = target ?? new TikTokWriteClient(_http, api, TestClock.WaitsPassAtOnce(), NullLogger<TikTokWriteClient>.Instance);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["TikTok:Source"] = target is DemoWriteTarget ? "Demo" : "Api",
            ["TikTok:AdvertiserIds"] = DemoDataSet.AdvertiserId,
        }).Build();
        var demo = new DemoMetricSource(clock);
        _services = new ServiceCollection()
            .AddSingleton<IWorkspaceStorage>(Storage)
            .AddSingleton<IWorkspaceAdvertisers>(new WorkspaceAdvertisers(WorkspaceReadPolicy.From(configuration), Storage, new StoredConnections(Storage)))
            .AddSingleton<IWriteTargets>(WriteTargetRouter.Only(Target))
            .AddSingleton<IPermissionPolicy>(new SlackRoles(Requester, Approver, SecondApprover))
            .AddSingleton<IActionLearning>(new CampaignLearning(demo, new CampaignFactsLoader(demo), new CampaignEngine(new DiagnosisOptions()), NullLogger<CampaignLearning>.Instance))
            .AddSingleton<IOptionsMonitor<ActionOptions>>(new Fixed<ActionOptions>(options))
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddActionSteps()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        Service = _services.GetRequiredService<IActionsService>();
    }

    public FakeTikTokApi TikTok { get; }

    public FakeTikTokWrites Writes => TikTok.Writes;

    public FakeTimeProvider Clock { get; }

    public ActionOptions Options { get; }

    public WorkspaceStorage Storage { get; }

    public ITikTokWriteTarget Target { get; }

    public IActionsService Service { get; }

    public IWorkspaceStore Store => Storage.ForTeam(Team);

    public static ActionAsker Asker(string user, string team = Team) => new(team, "C-ACT", user);

    public static Task<ActionsHarness> StartAsync(ActionOptions? options = null, Func<DemoMetricSource, ITikTokWriteTarget>? target = null) =>
        StartOnAsync(folder => Task.FromResult<StorageDatabase>(new SqliteDatabase($"Data Source={Path.Combine(folder, "tiktokbot.db")}")), options, target);

    /// <summary>The same harness on a schema of its own on the PostgreSQL test server.</summary>
    [ExternalResource(External.PostgreSql)]
    public static Task<ActionsHarness> StartOnPostgresAsync(ActionOptions? options = null) =>
        StartOnAsync(async _ => new PostgresDatabase(await CreateSchemaAsync()), options, target: null);

    private static async Task<ActionsHarness> StartOnAsync(Func<string, Task<StorageDatabase>> open, ActionOptions? options, Func<DemoMetricSource, ITikTokWriteTarget>? target)
    {
        var today = new DateOnly(2026, 11, 20);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 15, 0, 0, TimeSpan.Zero));
        var folder = Directory.CreateTempSubdirectory("tiktokbot-actions-").FullName;
        var database = await open(folder);
        await new SchemaMigrator(database, clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        var tiktok = await FakeTikTokApi.StartAsync(today);
        return new ActionsHarness(folder, database, tiktok, clock, options ?? new ActionOptions(), target?.Invoke(new DemoMetricSource(clock)));
    }

    [ExternalResource(External.PostgreSql)]
    private static async Task<string> CreateSchemaAsync()
    {
        var server = ExternalResources.PostgresConnectionString!;
        var schema = "actions_" + Guid.NewGuid().ToString("N");
        await using var connection = new Npgsql.NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand($"CREATE SCHEMA {schema};", connection);
        await command.ExecuteNonQueryAsync();
        return new Npgsql.NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ToString();
    }

    public Task<ActionOutcome> ProposeAsync(ActionIntent intent, string user = Requester, string advertiser = DemoDataSet.AdvertiserId) =>
        Service.ProposeAsync(Asker(user), advertiser, intent, CancellationToken.None);

    /// <summary>A proposal that must be allowed: fails with the refusal's text otherwise.</summary>
    public async Task<ActionOutcome> ProposedAsync(ActionIntent intent)
    {
        var outcome = await ProposeAsync(intent);
        Assert.True(outcome.Kind == ActionOutcomeKind.Proposed, outcome.Message);
        return outcome;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _services.DisposeAsync();
        await TikTok.DisposeAsync();
        await _database.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
