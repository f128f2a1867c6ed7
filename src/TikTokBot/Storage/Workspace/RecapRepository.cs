using static TikTokBot.Storage.Workspace.WorkspaceStorage;
namespace TikTokBot.Storage.Workspace;

internal sealed class RecapRepository(TeamScope scope) : IRecapRepository
{
    public async Task<bool> TryClaimAsync(string subscriptionId, DateOnly weekStart, TimeSpan lease, CancellationToken ct)
    {
        var db = scope.Database;
        var now = scope.Now();

        // One statement decides the claim, so two instances racing for the same week cannot both win. Selecting from the
        // team's active subscriptions makes another team's (or a cancelled or paused) subscription claim nothing.
        return await scope.ExecuteAsync(
            """
            INSERT INTO checkin_recaps (team_id, subscription_id, week_start, claimed_at)
            SELECT team_id, id, @weekStart, @now
            FROM channel_subscriptions WHERE team_id = @team AND id = @subscriptionId AND unsubscribed_at IS NULL AND paused_at IS NULL
            ON CONFLICT (team_id, subscription_id, week_start) DO UPDATE SET claimed_at = excluded.claimed_at
            WHERE checkin_recaps.posted_at IS NULL AND checkin_recaps.claimed_at < @staleBefore;
            """,
            new { subscriptionId, weekStart = db.Date(weekStart), now = db.Instant(now), staleBefore = db.Instant(now - lease) },
            ct) == 1;
    }

    public async Task<bool> MarkPostedAsync(string subscriptionId, DateOnly weekStart, string messageTs, CancellationToken ct) =>
        await scope.ExecuteAsync(
            """
            UPDATE checkin_recaps SET posted_at = @now, message_ts = @messageTs
            WHERE team_id = @team AND subscription_id = @subscriptionId AND week_start = @weekStart AND posted_at IS NULL;
            """,
            new { subscriptionId, weekStart = scope.Database.Date(weekStart), messageTs, now = scope.Database.Instant(scope.Now()) },
            ct) == 1;

    public async Task ReleaseAsync(string subscriptionId, DateOnly weekStart, CancellationToken ct) =>
        await scope.ExecuteAsync(
            "DELETE FROM checkin_recaps WHERE team_id = @team AND subscription_id = @subscriptionId AND week_start = @weekStart AND posted_at IS NULL;",
            new { subscriptionId, weekStart = scope.Database.Date(weekStart) },
            ct);

    public Task<string?> FindPostedAsync(string subscriptionId, DateOnly weekStart, CancellationToken ct) =>
        scope.QuerySingleOrDefaultAsync<string?>(
            "SELECT message_ts FROM checkin_recaps WHERE team_id = @team AND subscription_id = @subscriptionId AND week_start = @weekStart AND posted_at IS NOT NULL;",
            new { subscriptionId, weekStart = scope.Database.Date(weekStart) },
            ct);
}
