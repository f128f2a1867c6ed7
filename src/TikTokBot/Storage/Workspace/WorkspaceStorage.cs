using Dapper;
using Microsoft.AspNetCore.DataProtection;
using TikTokBot.Storage.Database;
using System.Data.Common;

namespace TikTokBot.Storage.Workspace;

/// <summary>The repositories over one database, handed out per team.</summary>
internal sealed class WorkspaceStorage(StorageDatabase database, IDataProtectionProvider dataProtection, TimeProvider time, WorkspaceReadCache reads) : IWorkspaceStorage
{
    private readonly IDataProtector _tokens = dataProtection.CreateProtector("TikTokBot.Storage.BotToken");
    private readonly IDataProtector _tikTokTokens = dataProtection.CreateProtector("TikTokBot.Storage.TikTokToken");

    public IWorkspaceStore ForTeam(string teamId)
    {
        if (string.IsNullOrWhiteSpace(teamId))
        {
            throw new ArgumentException("A Slack team id is required: every stored row belongs to one workspace.", nameof(teamId));
        }

        // A token is bound to its team: copied into another team's row it cannot be decrypted.
        return new WorkspaceStore(new TeamScope(database, time, teamId, reads), _tokens.CreateProtector(teamId), _tikTokTokens.CreateProtector(teamId));
    }

    public async Task<IReadOnlyList<string>> ListTeamsAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var teams = await connection.QueryAsync<string>(new CommandDefinition(
            """
            SELECT team_id FROM installations
            UNION
            SELECT team_id FROM channel_subscriptions WHERE unsubscribed_at IS NULL
            UNION
            SELECT team_id FROM alert_subscriptions
            ORDER BY team_id;
            """,
            cancellationToken: ct));
        return teams.AsList();
    }

    // Each repository is made on first use: a request reads two or three of the thirteen, and a repository holds no
    // state but the scope, so two made at once by a race are harmless.
    private sealed class WorkspaceStore(TeamScope scope, IDataProtector tokens, IDataProtector tikTokTokens) : IWorkspaceStore
    {
        public string TeamId => scope.TeamId;

        public IInstallationRepository Installation => field ??= new InstallationRepository(scope, tokens);

        public ICampaignAliasRepository Aliases => field ??= new CampaignAliasRepository(scope);

        public ISuccessCriteriaRepository SuccessCriteria => field ??= new SuccessCriteriaRepository(scope);

        public ICreditWindowRepository CreditWindows => field ??= new CreditWindowRepository(scope);

        public IChannelSubscriptionRepository Subscriptions => field ??= new ChannelSubscriptionRepository(scope);

        public IDigestDeliveryRepository Deliveries => field ??= new DigestDeliveryRepository(scope);

        public ISettingsAuditRepository Audit => field ??= new SettingsAuditRepository(scope);

        public ITikTokConnectionRepository TikTokConnections => field ??= new TikTokConnectionRepository(scope, tikTokTokens);

        public IConnectStateRepository ConnectStates => field ??= new ConnectStateRepository(scope);

        public IChannelAdvertiserRepository ChannelAdvertisers => field ??= new ChannelAdvertiserRepository(scope);

        public IActionRequestRepository Actions => field ??= new ActionRequestRepository(scope);

        public IAlertSubscriptionRepository AlertSubscriptions => field ??= new AlertSubscriptionRepository(scope);

        public ISentAlertRepository SentAlerts => field ??= new SentAlertRepository(scope);

        public IFixRepository Fixes => field ??= new FixRepository(scope);

        public IRecapRepository Recaps => field ??= new RecapRepository(scope);
    }

    /// <summary>
    /// Runs one team's SQL. Every statement gets the team id as <c>@team</c> and is refused unless it uses it, so a
    /// query that forgets the team fails the first time it runs instead of returning another workspace's rows.
    /// </summary>
    internal sealed class TeamScope(StorageDatabase database, TimeProvider time, string teamId, WorkspaceReadCache reads)
    {
        public string TeamId => teamId;

        public StorageDatabase Database => database;

        public DateTimeOffset Now() => time.GetUtcNow();

        public async Task<IReadOnlyList<TRow>> QueryAsync<TRow>(string sql, object? args, CancellationToken ct)
        {
            await using var connection = await database.OpenAsync(ct);
            return (await connection.QueryAsync<TRow>(Command(sql, args, null, ct))).AsList();
        }

        public async Task<TRow?> QuerySingleOrDefaultAsync<TRow>(string sql, object? args, CancellationToken ct)
        {
            await using var connection = await database.OpenAsync(ct);
            return await connection.QuerySingleOrDefaultAsync<TRow>(Command(sql, args, null, ct));
        }

        public async Task<int> ExecuteAsync(string sql, object? args, CancellationToken ct)
        {
            using var turn = await database.WriteTurnAsync(ct);
            await using var connection = await database.OpenAsync(ct);
            return await connection.ExecuteAsync(Command(sql, args, null, ct));
        }

        /// <summary>One write statement that answers with the row it wrote (<c>RETURNING</c>), or null when it wrote none.</summary>
        public async Task<TRow?> ExecuteReturningAsync<TRow>(string sql, object? args, CancellationToken ct)
        {
            using var turn = await database.WriteTurnAsync(ct);
            await using var connection = await database.OpenAsync(ct);
            return await connection.QuerySingleOrDefaultAsync<TRow>(Command(sql, args, null, ct));
        }

        /// <summary>Runs <paramref name="work"/> in one transaction: it is all written, or (on any exception) none of it.</summary>
        /// <param name="changesSettings">False for a write no cached read depends on (an alert claim): the read cache is kept.</param>
        public async Task<T> WriteAsync<T>(Func<TeamWrite, Task<T>> work, CancellationToken ct, bool changesSettings = true)
        {
            using var turn = await database.WriteTurnAsync(ct);
            await using var connection = await database.OpenAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await database.LockTeamAsync(connection, transaction, teamId, ct);
            var result = await work(new TeamWrite(this, connection, transaction, ct));
            await transaction.CommitAsync(ct);
            if (changesSettings)
            {
                reads.Changed(teamId);
            }

            return result;
        }

        internal CommandDefinition Command(string sql, object? args, DbTransaction? transaction, CancellationToken ct)
        {
            if (!sql.Contains("@team", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("Every workspace query must be scoped with team_id = @team (or write @team into the row).");
            }

            var parameters = new DynamicParameters(args);
            parameters.Add("team", teamId);
            return new CommandDefinition(sql, parameters, transaction, cancellationToken: ct);
        }
    }
}
