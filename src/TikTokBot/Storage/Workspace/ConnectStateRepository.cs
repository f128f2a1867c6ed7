using static TikTokBot.Storage.Workspace.WorkspaceStorage;
namespace TikTokBot.Storage.Workspace;

internal sealed class ConnectStateRepository(TeamScope scope) : IConnectStateRepository
{
    private const string Select =
        """
        SELECT state_id AS StateId, enterprise_id AS EnterpriseId, user_id AS UserId, created_at AS CreatedAt, expires_at AS ExpiresAt, used_at AS UsedAt
        FROM tiktok_connect_states
        """;

    /// <summary>How long a spent or expired state is kept, for the page that says it was used or expired.</summary>
    private static readonly TimeSpan Kept = TimeSpan.FromDays(1);

    public Task<ConnectState> CreateAsync(string stateId, string? enterpriseId, string userId, DateTimeOffset expiresAt, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stateId);
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        return scope.WriteAsync(async write =>
        {
            var db = write.Database;
            await write.ExecuteAsync("DELETE FROM tiktok_connect_states WHERE team_id = @team AND expires_at < @before;", new { before = db.Instant(write.Now - Kept) });
            await write.ExecuteAsync(
                """
                INSERT INTO tiktok_connect_states (team_id, state_id, enterprise_id, user_id, created_at, expires_at, used_at)
                VALUES (@team, @stateId, @enterpriseId, @userId, @createdAt, @expiresAt, NULL);
                """,
                new { stateId, enterpriseId, userId, createdAt = db.Instant(write.Now), expiresAt = db.Instant(expiresAt) });
            return new ConnectState(stateId, enterpriseId, userId, write.Now, expiresAt, null);
        }, ct);
    }

    public async Task<ConnectState?> FindAsync(string stateId, CancellationToken ct)
    {
        var row = await scope.QuerySingleOrDefaultAsync<Row>($"{Select} WHERE team_id = @team AND state_id = @stateId;", new { stateId }, ct);
        return row is null ? null : ToState(row);
    }

    public Task<ConnectStateClaim> ClaimAsync(string stateId, CancellationToken ct) => scope.WriteAsync(async write =>
    {
        // The team lock of the transaction makes simultaneous claims queue: the first one marks it used, the rest see that.
        var row = await write.QuerySingleOrDefaultAsync<Row>($"{Select} WHERE team_id = @team AND state_id = @stateId;", new { stateId });
        if (row is null)
        {
            return new ConnectStateClaim(ConnectStateOutcome.Unknown, null);
        }

        var state = ToState(row);
        if (state.UsedAt is not null)
        {
            return new ConnectStateClaim(ConnectStateOutcome.AlreadyUsed, state);
        }

        if (write.Now >= state.ExpiresAt)
        {
            return new ConnectStateClaim(ConnectStateOutcome.Expired, state);
        }

        var claimed = await write.ExecuteAsync(
            "UPDATE tiktok_connect_states SET used_at = @now WHERE team_id = @team AND state_id = @stateId AND used_at IS NULL;",
            new { stateId, now = write.Database.Instant(write.Now) });
        return claimed == 1
            ? new ConnectStateClaim(ConnectStateOutcome.Claimed, state with { UsedAt = write.Now })
            : new ConnectStateClaim(ConnectStateOutcome.AlreadyUsed, state);
    }, ct);

    private ConnectState ToState(Row row) => new(
        row.StateId, row.EnterpriseId, row.UserId, scope.Database.ReadInstant(row.CreatedAt), scope.Database.ReadInstant(row.ExpiresAt),
        scope.Database.ReadOptionalInstant(row.UsedAt));

    private sealed class Row
    {
        public string StateId { get; set; } = "";

        public string? EnterpriseId { get; set; }

        public string UserId { get; set; } = "";

        public object CreatedAt { get; set; } = "";

        public object ExpiresAt { get; set; } = "";

        public object? UsedAt { get; set; }
    }
}
