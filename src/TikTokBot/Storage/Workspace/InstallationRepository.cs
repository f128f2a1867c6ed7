using Microsoft.AspNetCore.DataProtection;
using static TikTokBot.Storage.Workspace.WorkspaceStorage;

namespace TikTokBot.Storage.Workspace;

internal sealed class InstallationRepository(TeamScope scope, IDataProtector tokens) : IInstallationRepository
{
    private const string Columns = "enterprise_id AS EnterpriseId, bot_token AS BotToken, bot_user_id AS BotUserId, installed_by AS InstalledBy, installed_at AS InstalledAt";

    public Task<Installation> SaveAsync(InstallationDetails details, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(details.BotToken);
        return scope.WriteAsync(async write =>
        {
            var old = await write.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM installations WHERE team_id = @team;", null);
            await write.ExecuteAsync(
                """
                INSERT INTO installations (team_id, enterprise_id, bot_token, bot_user_id, installed_by, installed_at)
                VALUES (@team, @enterpriseId, @botToken, @botUserId, @installedBy, @installedAt)
                ON CONFLICT (team_id) DO UPDATE SET
                    enterprise_id = excluded.enterprise_id, bot_token = excluded.bot_token, bot_user_id = excluded.bot_user_id,
                    installed_by = excluded.installed_by, installed_at = excluded.installed_at;
                """,
                new
                {
                    enterpriseId = details.EnterpriseId,
                    botToken = tokens.Protect(details.BotToken),
                    botUserId = details.BotUserId,
                    installedBy = details.InstalledBy,
                    installedAt = write.Database.Instant(write.Now),
                });

            // The audit trail names the bot and the installer, never the token.
            await write.AuditAsync("installation", scope.TeamId, old is null ? null : Describe(old.BotUserId, old.InstalledBy), Describe(details.BotUserId, details.InstalledBy), details.InstalledBy);
            return new Installation(details.EnterpriseId, details.BotToken, details.BotUserId, details.InstalledBy, write.Now);
        }, ct);
    }

    public async Task<Installation?> FindAsync(CancellationToken ct)
    {
        var row = await scope.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM installations WHERE team_id = @team;", null, ct);
        return row is null
            ? null
            : new Installation(row.EnterpriseId, tokens.Unprotect(row.BotToken), row.BotUserId, row.InstalledBy, scope.Database.ReadInstant(row.InstalledAt));
    }

    public Task<bool> DeleteAsync(string removedBy, CancellationToken ct) => scope.WriteAsync(async write =>
    {
        var old = await write.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM installations WHERE team_id = @team;", null);
        if (old is null)
        {
            return false;
        }

        await write.ExecuteAsync("DELETE FROM installations WHERE team_id = @team;", null);
        await write.AuditAsync("installation", scope.TeamId, Describe(old.BotUserId, old.InstalledBy), null, removedBy);
        return true;
    }, ct);

    private static string Describe(string? botUserId, string installedBy) => $"bot {botUserId ?? "(unknown)"} installed by {installedBy}";

    private sealed class Row
    {
        public string? EnterpriseId { get; set; }

        public string BotToken { get; set; } = "";

        public string? BotUserId { get; set; }

        public string InstalledBy { get; set; } = "";

        public object InstalledAt { get; set; } = "";
    }
}
