using Dapper;
using Microsoft.AspNetCore.DataProtection;
using TikTokBot.Storage.Database;

namespace TikTokBot.Storage.Workspace;

/// <summary>The repositories over one database, handed out per team.</summary>
internal sealed class WorkspaceStorage(StorageDatabase database, IDataProtectionProvider dataProtection, TimeProvider time, WorkspaceReadCache? reads = null) : IWorkspaceStorage
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

    private sealed class WorkspaceStore(TeamScope scope, IDataProtector tokens, IDataProtector tikTokTokens) : IWorkspaceStore
    {
        public string TeamId => scope.TeamId;

        public IInstallationRepository Installation { get; } = new InstallationRepository(scope, tokens);

        public ICampaignAliasRepository Aliases { get; } = new CampaignAliasRepository(scope);

        public ISuccessCriteriaRepository SuccessCriteria { get; } = new SuccessCriteriaRepository(scope);

        public ICreditWindowRepository CreditWindows { get; } = new CreditWindowRepository(scope);

        public IChannelSubscriptionRepository Subscriptions { get; } = new ChannelSubscriptionRepository(scope);

        public IDigestDeliveryRepository Deliveries { get; } = new DigestDeliveryRepository(scope);

        public ISettingsAuditRepository Audit { get; } = new SettingsAuditRepository(scope);

        public ITikTokConnectionRepository TikTokConnections { get; } = new TikTokConnectionRepository(scope, tikTokTokens);

        public IConnectStateRepository ConnectStates { get; } = new ConnectStateRepository(scope);

        public IChannelAdvertiserRepository ChannelAdvertisers { get; } = new ChannelAdvertiserRepository(scope);
        public IActionRequestRepository Actions { get; } = new ActionRequestRepository(scope);

        public IAlertSubscriptionRepository AlertSubscriptions { get; } = new AlertSubscriptionRepository(scope);

        public ISentAlertRepository SentAlerts { get; } = new SentAlertRepository(scope);

        public IFixRepository Fixes { get; } = new FixRepository(scope);
    }
}
