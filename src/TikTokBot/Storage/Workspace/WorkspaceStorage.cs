using Dapper;
using Microsoft.AspNetCore.DataProtection;
using TikTokBot.Storage.Database;

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
}
