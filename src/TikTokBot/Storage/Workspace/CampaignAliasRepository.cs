using static TikTokBot.Storage.Workspace.WorkspaceStorage;
namespace TikTokBot.Storage.Workspace;

internal sealed class CampaignAliasRepository(TeamScope scope) : ICampaignAliasRepository
{
    private const string Select = "SELECT alias AS Alias, campaign_id AS CampaignId, set_by AS SetBy, set_at AS SetAt FROM campaign_aliases";

    public Task<CampaignAlias> SetAsync(string alias, string campaignId, string changedBy, CancellationToken ct)
    {
        var key = Normalise(alias);
        ArgumentException.ThrowIfNullOrWhiteSpace(campaignId);
        return scope.WriteAsync(async write =>
        {
            var old = await write.QuerySingleOrDefaultAsync<Row>($"{Select} WHERE team_id = @team AND alias = @key;", new { key });
            await write.ExecuteAsync(
                """
                INSERT INTO campaign_aliases (team_id, alias, campaign_id, set_by, set_at) VALUES (@team, @key, @campaignId, @changedBy, @setAt)
                ON CONFLICT (team_id, alias) DO UPDATE SET campaign_id = excluded.campaign_id, set_by = excluded.set_by, set_at = excluded.set_at;
                """,
                new { key, campaignId, changedBy, setAt = write.Database.Instant(write.Now) });
            await write.AuditAsync("alias", key, old?.CampaignId, campaignId, changedBy);
            return new CampaignAlias(key, campaignId, changedBy, write.Now);
        }, ct);
    }

    public async Task<CampaignAlias?> FindAsync(string alias, CancellationToken ct)
    {
        var row = await scope.QuerySingleOrDefaultAsync<Row>($"{Select} WHERE team_id = @team AND alias = @key;", new { key = Normalise(alias) }, ct);
        return row is null ? null : ToAlias(row);
    }

    public async Task<IReadOnlyList<CampaignAlias>> ListAsync(CancellationToken ct) =>
        (await scope.QueryAsync<Row>($"{Select} WHERE team_id = @team ORDER BY alias;", null, ct)).Select(ToAlias).ToList();

    public Task<bool> RemoveAsync(string alias, string changedBy, CancellationToken ct)
    {
        var key = Normalise(alias);
        return scope.WriteAsync(async write =>
        {
            var old = await write.QuerySingleOrDefaultAsync<Row>($"{Select} WHERE team_id = @team AND alias = @key;", new { key });
            if (old is null)
            {
                return false;
            }

            await write.ExecuteAsync("DELETE FROM campaign_aliases WHERE team_id = @team AND alias = @key;", new { key });
            await write.AuditAsync("alias", key, old.CampaignId, null, changedBy);
            return true;
        }, ct);
    }

    private static string Normalise(string alias)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(alias);
        return alias.Trim().ToLowerInvariant();
    }

    private CampaignAlias ToAlias(Row row) => new(row.Alias, row.CampaignId, row.SetBy, scope.Database.ReadInstant(row.SetAt));

    private sealed class Row
    {
        public string Alias { get; set; } = "";

        public string CampaignId { get; set; } = "";

        public string SetBy { get; set; } = "";

        public object SetAt { get; set; } = "";
    }
}
