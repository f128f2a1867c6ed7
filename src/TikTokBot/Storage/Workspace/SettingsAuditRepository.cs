using static TikTokBot.Storage.Workspace.WorkspaceStorage;
namespace TikTokBot.Storage.Workspace;

internal sealed class SettingsAuditRepository(TeamScope scope) : ISettingsAuditRepository
{
    public async Task<IReadOnlyList<SettingsChange>> ListAsync(int limit, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var rows = await scope.QueryAsync<Row>(
            """
            SELECT setting AS Setting, subject AS Subject, old_value AS OldValue, new_value AS NewValue, changed_by AS ChangedBy, changed_at AS ChangedAt
            FROM settings_changes WHERE team_id = @team ORDER BY id DESC LIMIT @limit;
            """,
            new { limit },
            ct);
        return rows.Select(row => new SettingsChange(row.Setting, row.Subject, row.OldValue, row.NewValue, row.ChangedBy, scope.Database.ReadInstant(row.ChangedAt))).ToList();
    }

    private sealed class Row
    {
        public string Setting { get; set; } = "";

        public string Subject { get; set; } = "";

        public string? OldValue { get; set; }

        public string? NewValue { get; set; }

        public string ChangedBy { get; set; } = "";

        public object ChangedAt { get; set; } = "";
    }
}
