using System.Globalization;
using static TikTokBot.Storage.Workspace.WorkspaceStorage;

namespace TikTokBot.Storage.Workspace;

internal sealed class SuccessCriteriaRepository(TeamScope scope) : ISuccessCriteriaRepository
{
    private const string Select =
        """
        SELECT campaign_id AS CampaignId, objective AS Objective, target_cost_per_outcome AS TargetCostPerOutcome,
               minimum_volume AS MinimumVolume, set_by AS SetBy, set_at AS SetAt, metric AS Metric
        FROM success_criteria
        """;

    public Task<CampaignSuccessCriteria> SetAsync(SuccessCriteriaDetails criteria, string changedBy, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(criteria.CampaignId);
        ArgumentException.ThrowIfNullOrWhiteSpace(criteria.Objective);
        return scope.WriteAsync(async write =>
        {
            var old = await write.QuerySingleOrDefaultAsync<Row>($"{Select} WHERE team_id = @team AND campaign_id = @campaignId;", new { campaignId = criteria.CampaignId });
            await write.ExecuteAsync(
                """
                INSERT INTO success_criteria (team_id, campaign_id, objective, target_cost_per_outcome, minimum_volume, set_by, set_at, metric)
                VALUES (@team, @campaignId, @objective, @target, @minimumVolume, @changedBy, @setAt, @metric)
                ON CONFLICT (team_id, campaign_id) DO UPDATE SET
                    objective = excluded.objective, target_cost_per_outcome = excluded.target_cost_per_outcome,
                    minimum_volume = excluded.minimum_volume, set_by = excluded.set_by, set_at = excluded.set_at, metric = excluded.metric;
                """,
                new
                {
                    campaignId = criteria.CampaignId,
                    objective = criteria.Objective,
                    target = write.Database.Money(criteria.TargetCostPerOutcome),
                    minimumVolume = criteria.MinimumVolume,
                    metric = criteria.Metric,
                    changedBy,
                    setAt = write.Database.Instant(write.Now),
                });
            await write.AuditAsync("success-criteria", criteria.CampaignId, old is null ? null : Describe(ToCriteria(old)), Describe(criteria.Objective, criteria.Metric, criteria.TargetCostPerOutcome, criteria.MinimumVolume), changedBy);
            return new CampaignSuccessCriteria(criteria.CampaignId, criteria.Objective, criteria.TargetCostPerOutcome, criteria.MinimumVolume, changedBy, write.Now, criteria.Metric);
        }, ct);
    }

    public async Task<CampaignSuccessCriteria?> FindAsync(string campaignId, CancellationToken ct)
    {
        var row = await scope.QuerySingleOrDefaultAsync<Row>($"{Select} WHERE team_id = @team AND campaign_id = @campaignId;", new { campaignId }, ct);
        return row is null ? null : ToCriteria(row);
    }

    public async Task<IReadOnlyList<CampaignSuccessCriteria>> ListAsync(CancellationToken ct) =>
        (await scope.QueryAsync<Row>($"{Select} WHERE team_id = @team ORDER BY campaign_id;", null, ct)).Select(ToCriteria).ToList();

    public Task<bool> RemoveAsync(string campaignId, string changedBy, CancellationToken ct) => scope.WriteAsync(async write =>
    {
        var old = await write.QuerySingleOrDefaultAsync<Row>($"{Select} WHERE team_id = @team AND campaign_id = @campaignId;", new { campaignId });
        if (old is null)
        {
            return false;
        }

        await write.ExecuteAsync("DELETE FROM success_criteria WHERE team_id = @team AND campaign_id = @campaignId;", new { campaignId });
        await write.AuditAsync("success-criteria", campaignId, Describe(ToCriteria(old)), null, changedBy);
        return true;
    }, ct);

    private static string Describe(CampaignSuccessCriteria criteria) => Describe(criteria.Objective, criteria.Metric, criteria.TargetCostPerOutcome, criteria.MinimumVolume);

    private static string Describe(string objective, string? metric, decimal target, long minimumVolume) =>
        string.Create(CultureInfo.InvariantCulture, $"{objective}: target {target} {(metric is null ? "per outcome" : $"on {metric}")}, minimum {minimumVolume}");

    private CampaignSuccessCriteria ToCriteria(Row row) => new(
        row.CampaignId, row.Objective, scope.Database.ReadMoney(row.TargetCostPerOutcome), row.MinimumVolume, row.SetBy, scope.Database.ReadInstant(row.SetAt), row.Metric);

    private sealed class Row
    {
        public string CampaignId { get; set; } = "";

        public string Objective { get; set; } = "";

        public object TargetCostPerOutcome { get; set; } = "";

        public long MinimumVolume { get; set; }

        public string SetBy { get; set; } = "";

        public object SetAt { get; set; } = "";

        public string? Metric { get; set; }
    }
}
