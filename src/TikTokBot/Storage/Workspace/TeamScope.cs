using System.Data.Common;
using Dapper;
using TikTokBot.Storage.Database;

namespace TikTokBot.Storage.Workspace;

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
