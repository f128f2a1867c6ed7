using System.Globalization;
using TikTokBot.Domain.Metrics;
using static TikTokBot.Storage.Workspace.WorkspaceStorage;

namespace TikTokBot.Storage.Workspace;

internal sealed class FixRepository(TeamScope scope) : IFixRepository
{
    private const string Select =
        """
        SELECT fix_id AS FixId, campaign_id AS CampaignId, ad_group_id AS AdGroupId, rule_id AS RuleId, finding_title AS FindingTitle,
               metric AS Metric, metric_value AS MetricValue, standing AS Standing, owner_id AS OwnerId, taken_by AS TakenBy,
               channel_id AS ChannelId, thread_ts AS ThreadTs, state AS State, taken_at AS TakenAt, done_at AS DoneAt, done_by AS DoneBy,
               restarts_learning AS RestartsLearning, follow_up_due AS FollowUpDue, followed_up_at AS FollowedUpAt, verdict AS Verdict,
               verdict_note AS VerdictNote
        FROM fixes
        """;

    private const string InProgress = "state IN ('open', 'done', 'closed_by_action')";

    public Task<Fix> TakeAsync(FixDetails details, CancellationToken ct) =>
        // The workspace's write lock makes the look-up and the insert one step; the partial unique index still refuses a
        // second fix in progress for the same finding should anything get past it.
        scope.WriteAsync(async write =>
        {
            var adGroup = details.AdGroupId ?? "";
            var existing = await write.QuerySingleOrDefaultAsync<string>(
                $"SELECT fix_id FROM fixes WHERE team_id = @team AND campaign_id = @campaignId AND ad_group_id = @adGroup AND rule_id = @ruleId AND {InProgress};",
                new { campaignId = details.CampaignId, adGroup, ruleId = details.RuleId });
            if (existing is not null)
            {
                await write.ExecuteAsync(
                    "UPDATE fixes SET owner_id = @ownerId, taken_by = @takenBy WHERE team_id = @team AND fix_id = @fixId;",
                    new { ownerId = details.OwnerId, takenBy = details.TakenBy, fixId = existing });
            }
            else
            {
                await write.ExecuteAsync(
                    """
                    INSERT INTO fixes (team_id, fix_id, campaign_id, ad_group_id, rule_id, finding_title, metric, metric_value, standing, owner_id,
                                       taken_by, channel_id, thread_ts, state, taken_at)
                    VALUES (@team, @fixId, @campaignId, @adGroup, @ruleId, @findingTitle, @metric, @metricValue, @standing, @ownerId,
                            @takenBy, @channelId, @threadTs, 'open', @now);
                    """,
                    new
                    {
                        fixId = details.FixId, campaignId = details.CampaignId, adGroup, ruleId = details.RuleId, findingTitle = details.FindingTitle,
                        metric = details.Metric?.ToString(),
                        metricValue = details.MetricValue?.ToString(CultureInfo.InvariantCulture),
                        standing = details.Standing, ownerId = details.OwnerId, takenBy = details.TakenBy, channelId = details.ChannelId, threadTs = details.ThreadTs,
                        now = scope.Database.Instant(write.Now),
                    });
            }

            var row = await write.QuerySingleOrDefaultAsync<Row>($"{Select} WHERE team_id = @team AND fix_id = @fixId;", new { fixId = existing ?? details.FixId });
            return ToFix(row!);
        }, ct, changesSettings: false);

    public async Task<Fix?> FindAsync(string fixId, CancellationToken ct) =>
        await scope.QuerySingleOrDefaultAsync<Row>($"{Select} WHERE team_id = @team AND fix_id = @fixId;", new { fixId }, ct) is { } row ? ToFix(row) : null;

    public async Task<bool> MarkDoneAsync(string fixId, string doneBy, bool byAction, bool restartsLearning, DateOnly followUpDue, CancellationToken ct) =>
        await scope.ExecuteAsync(
            """
            UPDATE fixes SET state = @state, done_at = @now, done_by = @doneBy, restarts_learning = @restarts, follow_up_due = @due
            WHERE team_id = @team AND fix_id = @fixId AND state = 'open';
            """,
            new
            {
                fixId, doneBy,
                state = byAction ? "closed_by_action" : "done",
                now = scope.Database.Instant(scope.Now()),
                restarts = restartsLearning ? 1 : 0,
                due = scope.Database.Date(followUpDue),
            },
            ct) == 1;

    public async Task<IReadOnlyList<Fix>> ListInProgressAsync(string? ownerId, string? campaignId, CancellationToken ct) =>
        (await scope.QueryAsync<Row>(
            $"""
            {Select}
            WHERE team_id = @team AND {InProgress} AND (@ownerId IS NULL OR owner_id = @ownerId) AND (@campaignId IS NULL OR campaign_id = @campaignId)
            ORDER BY owner_id, campaign_id, taken_at, fix_id;
            """,
            new { ownerId, campaignId }, ct))
        .Select(ToFix)
        .ToList();

    public async Task<IReadOnlyList<Fix>> ListSinceAsync(DateTimeOffset since, CancellationToken ct) =>
        (await scope.QueryAsync<Row>(
            $"{Select} WHERE team_id = @team AND ({InProgress} OR taken_at >= @since OR done_at >= @since OR followed_up_at >= @since) ORDER BY taken_at, fix_id;",
            new { since = scope.Database.Instant(since) }, ct))
        .Select(ToFix)
        .ToList();

    public async Task<IReadOnlyList<Fix>> ListFollowUpsDueAsync(DateOnly lastClosedDay, CancellationToken ct) =>
        (await scope.QueryAsync<Row>(
            $"{Select} WHERE team_id = @team AND state IN ('done', 'closed_by_action') AND follow_up_due <= @day ORDER BY follow_up_due, fix_id;",
            new { day = scope.Database.Date(lastClosedDay) }, ct))
        .Select(ToFix)
        .ToList();

    public async Task<bool> TryClaimFollowUpAsync(string fixId, DateTimeOffset claimedBefore, CancellationToken ct) =>
        await scope.ExecuteAsync(
            """
            UPDATE fixes SET follow_up_claimed_at = @now
            WHERE team_id = @team AND fix_id = @fixId AND state IN ('done', 'closed_by_action')
              AND (follow_up_claimed_at IS NULL OR follow_up_claimed_at < @before);
            """,
            new { fixId, now = scope.Database.Instant(scope.Now()), before = scope.Database.Instant(claimedBefore) },
            ct) == 1;

    public async Task<bool> RecordFollowUpAsync(string fixId, string verdict, string note, CancellationToken ct) =>
        await scope.ExecuteAsync(
            """
            UPDATE fixes SET state = 'followed_up', followed_up_at = @now, verdict = @verdict, verdict_note = @note
            WHERE team_id = @team AND fix_id = @fixId AND state IN ('done', 'closed_by_action');
            """,
            new { fixId, verdict, note, now = scope.Database.Instant(scope.Now()) },
            ct) == 1;

    private Fix ToFix(Row row)
    {
        var db = scope.Database;
        var details = new FixDetails(
            row.FixId, row.CampaignId, row.AdGroupId.Length == 0 ? null : row.AdGroupId, row.RuleId, row.FindingTitle,
            row.Metric is null ? null : Enum.Parse<MetricId>(row.Metric),
            row.MetricValue is null ? null : decimal.Parse(row.MetricValue, CultureInfo.InvariantCulture),
            row.Standing, row.OwnerId, row.TakenBy, row.ChannelId, row.ThreadTs);
        var state = row.State switch
        {
            "open" => FixState.Open,
            "done" => FixState.Done,
            "closed_by_action" => FixState.ClosedByAction,
            _ => FixState.FollowedUp,
        };
        return new Fix(details, state, db.ReadInstant(row.TakenAt), db.ReadOptionalInstant(row.DoneAt), row.DoneBy, Convert.ToInt64(row.RestartsLearning, CultureInfo.InvariantCulture) == 1,
            row.FollowUpDue is null or DBNull ? null : db.ReadDate(row.FollowUpDue), db.ReadOptionalInstant(row.FollowedUpAt), row.Verdict, row.VerdictNote);
    }

    private sealed class Row
    {
        public string FixId { get; set; } = "";

        public string CampaignId { get; set; } = "";

        public string AdGroupId { get; set; } = "";

        public string RuleId { get; set; } = "";

        public string FindingTitle { get; set; } = "";

        public string? Metric { get; set; }

        public string? MetricValue { get; set; }

        public string Standing { get; set; } = "";

        public string OwnerId { get; set; } = "";

        public string TakenBy { get; set; } = "";

        public string ChannelId { get; set; } = "";

        public string ThreadTs { get; set; } = "";

        public string State { get; set; } = "";

        public object TakenAt { get; set; } = "";

        public object? DoneAt { get; set; }

        public string? DoneBy { get; set; }

        public object RestartsLearning { get; set; } = 0L;

        public object? FollowUpDue { get; set; }

        public object? FollowedUpAt { get; set; }

        public string? Verdict { get; set; }

        public string? VerdictNote { get; set; }
    }
}
