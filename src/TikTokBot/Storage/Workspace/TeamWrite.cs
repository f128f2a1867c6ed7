using System.Data.Common;
using Dapper;
using TikTokBot.Storage.Database;
using static TikTokBot.Storage.Workspace.WorkspaceStorage;

namespace TikTokBot.Storage.Workspace;

/// <summary>The statements of one transaction, plus the audit entry that must commit with them.</summary>
internal sealed class TeamWrite(TeamScope scope, DbConnection connection, DbTransaction transaction, CancellationToken ct)
{
    public DateTimeOffset Now { get; } = scope.Now();

    public StorageDatabase Database => scope.Database;

    public Task<int> ExecuteAsync(string sql, object? args) => connection.ExecuteAsync(scope.Command(sql, args, transaction, ct));

    public async Task<IReadOnlyList<TRow>> QueryAsync<TRow>(string sql, object? args) =>
        (await connection.QueryAsync<TRow>(scope.Command(sql, args, transaction, ct))).AsList();

    public Task<TRow?> QuerySingleOrDefaultAsync<TRow>(string sql, object? args) =>
        connection.QuerySingleOrDefaultAsync<TRow>(scope.Command(sql, args, transaction, ct));

    public Task AuditAsync(string setting, string subject, string? oldValue, string? newValue, string changedBy) => ExecuteAsync(
        """
        INSERT INTO settings_changes (team_id, setting, subject, old_value, new_value, changed_by, changed_at)
        VALUES (@team, @setting, @subject, @oldValue, @newValue, @changedBy, @changedAt);
        """,
        new { setting, subject, oldValue, newValue, changedBy, changedAt = Database.Instant(Now) });
}
