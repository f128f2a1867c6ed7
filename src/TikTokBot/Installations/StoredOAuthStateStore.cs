using Dapper;
using TikTokBot.Slack.OAuth;
using TikTokBot.Storage.Database;

namespace TikTokBot.Installations;

/// <summary>
/// Slack install states in the app's database (<c>slack_install_states</c>): shared by every instance on one database,
/// kept across restarts, taken by exactly one callback (a DELETE that returns the row), and capped.
/// </summary>
internal sealed class StoredOAuthStateStore(StorageDatabase database) : IOAuthStateStore
{
    // One lock name for the count-then-insert, so two instances cannot both slip under the cap.
    private const string LockName = "slack-install-states";

    public async Task<bool> TryAddAsync(string nonce, KeptOAuthState state, int cap, DateTimeOffset now, CancellationToken ct)
    {
        using var turn = await database.WriteTurnAsync(ct);
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await database.LockTeamAsync(connection, transaction, LockName, ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM slack_install_states WHERE expires_at < @now;", new { now = database.Instant(now) }, transaction, cancellationToken: ct));
        var waiting = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM slack_install_states;", null, transaction, cancellationToken: ct));
        if (waiting >= cap)
        {
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO slack_install_states (state_id, browser_hash, expires_at) VALUES (@nonce, @hash, @expires);",
            new { nonce, hash = state.BrowserHash, expires = database.Instant(state.ExpiresAt) }, transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
        return true;
    }

    public async Task<KeptOAuthState?> TakeAsync(string nonce, CancellationToken ct)
    {
        using var turn = await database.WriteTurnAsync(ct);
        await using var connection = await database.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            "DELETE FROM slack_install_states WHERE state_id = @nonce RETURNING browser_hash AS BrowserHash, expires_at AS ExpiresAt;",
            new { nonce }, cancellationToken: ct));
        return row is null ? null : new KeptOAuthState(row.BrowserHash, database.ReadInstant(row.ExpiresAt));
    }

    private sealed class Row
    {
        public string BrowserHash { get; set; } = "";

        public object ExpiresAt { get; set; } = "";
    }
}
