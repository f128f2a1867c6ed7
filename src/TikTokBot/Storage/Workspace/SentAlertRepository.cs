using static TikTokBot.Storage.Workspace.WorkspaceStorage;
namespace TikTokBot.Storage.Workspace;

internal sealed class SentAlertRepository(TeamScope scope) : ISentAlertRepository
{
    private const string Select =
        """
        SELECT channel_id AS ChannelId, campaign_id AS CampaignId, rule_id AS RuleId, local_date AS LocalDate, advertiser_id AS AdvertiserId,
               summary AS Summary, state AS State, message_ts AS MessageTs, claimed_at AS ClaimedAt, recovered_at AS RecoveredAt
        FROM sent_alerts
        """;

    private const string Key = "team_id = @team AND channel_id = @channelId AND campaign_id = @campaignId AND rule_id = @ruleId AND local_date = @localDate";

    public Task<SentAlertState?> TryClaimAsync(SentAlertKey key, string advertiserId, string summary, bool hold, int dailyCap, CancellationToken ct) =>
        // The workspace's write lock (PostgreSQL: an advisory lock; SQLite: one writer) makes the count and the insert one
        // step: two scans claiming at the same instant cannot both take the last place under the cap. The primary key still
        // decides between scans claiming the same alert: exactly one row goes in.
        scope.WriteAsync(async write =>
        {
            var state = await write.QuerySingleOrDefaultAsync<string>(
                """
                INSERT INTO sent_alerts (team_id, channel_id, campaign_id, rule_id, local_date, advertiser_id, summary, state, claimed_at)
                SELECT @team, @channelId, @campaignId, @ruleId, @localDate, @advertiserId, @summary,
                       CASE WHEN @held = 1 THEN 'held'
                            WHEN (SELECT COUNT(*) FROM sent_alerts
                                  WHERE team_id = @team AND channel_id = @channelId AND local_date = @localDate AND state IN ('claimed', 'posted')) < @dailyCap
                            THEN 'claimed'
                            ELSE 'capped' END,
                       @now
                WHERE 1 = 1
                ON CONFLICT (team_id, channel_id, campaign_id, rule_id, local_date) DO NOTHING
                RETURNING state;
                """,
                Args(key, new { advertiserId, summary, held = hold ? 1 : 0, dailyCap, now = scope.Database.Instant(write.Now) }));
            return state is null ? (SentAlertState?)null : Enum.Parse<SentAlertState>(state, ignoreCase: true);
        }, ct, changesSettings: false);

    public async Task<bool> TryReclaimAsync(SentAlertKey key, DateTimeOffset claimedBefore, CancellationToken ct) =>
        await scope.ExecuteAsync(
            $"UPDATE sent_alerts SET claimed_at = @now WHERE {Key} AND state = 'claimed' AND claimed_at < @before;",
            Args(key, new { now = scope.Database.Instant(scope.Now()), before = scope.Database.Instant(claimedBefore) }),
            ct) == 1;

    public async Task<bool> MarkAsync(SentAlertKey key, SentAlertState state, string? messageTs, CancellationToken ct) =>
        await scope.ExecuteAsync(
            $"UPDATE sent_alerts SET state = @state, message_ts = COALESCE(@messageTs, message_ts) WHERE {Key} AND state IN ('claimed', 'held');",
            Args(key, new { state = state.ToString().ToLowerInvariant(), messageTs }),
            ct) == 1;

    public async Task<bool> RecordMessageAsync(SentAlertKey key, string messageTs, CancellationToken ct) =>
        await scope.ExecuteAsync(
            $"UPDATE sent_alerts SET message_ts = @messageTs WHERE {Key} AND state = 'posted' AND message_ts IS NULL;",
            Args(key, new { messageTs }),
            ct) == 1;

    public async Task<bool> MarkRecoveredAsync(SentAlertKey key, CancellationToken ct) =>
        await scope.ExecuteAsync(
            $"UPDATE sent_alerts SET recovered_at = @now WHERE {Key} AND recovered_at IS NULL;",
            Args(key, new { now = scope.Database.Instant(scope.Now()) }),
            ct) == 1;

    public async Task<IReadOnlyList<SentAlert>> ListForDayAsync(string channelId, DateOnly localDate, CancellationToken ct) =>
        (await scope.QueryAsync<Row>($"{Select} WHERE team_id = @team AND channel_id = @channelId AND local_date = @localDate ORDER BY claimed_at, campaign_id, rule_id;",
            new { channelId, localDate = scope.Database.Date(localDate) }, ct))
        .Select(ToAlert)
        .ToList();

    public async Task<IReadOnlyList<SentAlert>> ListRecentAsync(string channelId, int limit, CancellationToken ct) =>
        (await scope.QueryAsync<Row>($"{Select} WHERE team_id = @team AND channel_id = @channelId ORDER BY claimed_at DESC, campaign_id, rule_id LIMIT @limit;",
            new { channelId, limit }, ct))
        .Select(ToAlert)
        .ToList();

    public Task CountSilenceAsync(string channelId, string ruleId, bool mute, CancellationToken ct) =>
        scope.ExecuteAsync(
            """
            INSERT INTO alert_silence_counts (team_id, channel_id, rule_id, snoozes, mutes) VALUES (@team, @channelId, @ruleId, @snoozes, @mutes)
            ON CONFLICT (team_id, channel_id, rule_id) DO UPDATE SET
                snoozes = alert_silence_counts.snoozes + excluded.snoozes, mutes = alert_silence_counts.mutes + excluded.mutes;
            """,
            new { channelId, ruleId, snoozes = mute ? 0 : 1, mutes = mute ? 1 : 0 }, ct);

    public async Task<IReadOnlyList<AlertSilenceCount>> ListSilenceCountsAsync(string channelId, CancellationToken ct) =>
        (await scope.QueryAsync<CountRow>(
            """
            SELECT rule_id AS RuleId, snoozes AS Snoozes, mutes AS Mutes FROM alert_silence_counts
            WHERE team_id = @team AND channel_id = @channelId ORDER BY snoozes + mutes DESC, rule_id;
            """,
            new { channelId }, ct))
        .Select(r => new AlertSilenceCount(r.RuleId, (int)r.Snoozes, (int)r.Mutes))
        .ToList();

    public async Task<bool> NoteForDigestAsync(SentAlertKey key, string campaignName, string summary, CancellationToken ct) =>
        await scope.ExecuteAsync(
            """
            INSERT INTO alert_digest_notes (team_id, channel_id, campaign_id, rule_id, local_date, campaign_name, summary, noted_at)
            VALUES (@team, @channelId, @campaignId, @ruleId, @localDate, @campaignName, @summary, @now)
            ON CONFLICT (team_id, channel_id, campaign_id, rule_id, local_date) DO NOTHING;
            """,
            Args(key, new { campaignName, summary, now = scope.Database.Instant(scope.Now()) }), ct) == 1;

    public async Task<IReadOnlyList<AlertDigestNote>> ListDigestNotesAsync(string channelId, DateOnly from, CancellationToken ct) =>
        (await scope.QueryAsync<NoteRow>(
            """
            SELECT campaign_id AS CampaignId, rule_id AS RuleId, local_date AS LocalDate, campaign_name AS CampaignName, summary AS Summary
            FROM alert_digest_notes WHERE team_id = @team AND channel_id = @channelId AND local_date >= @from
            ORDER BY local_date, campaign_name, rule_id;
            """,
            new { channelId, from = scope.Database.Date(from) }, ct))
        .Select(r => new AlertDigestNote(new SentAlertKey(channelId, r.CampaignId, r.RuleId, scope.Database.ReadDate(r.LocalDate)), r.CampaignName, r.Summary))
        .ToList();

    private Dictionary<string, object?> Args(SentAlertKey key, object extra)
    {
        var args = new Dictionary<string, object?>
        {
            ["channelId"] = key.ChannelId,
            ["campaignId"] = key.CampaignId,
            ["ruleId"] = key.RuleId,
            ["localDate"] = scope.Database.Date(key.LocalDate),
        };
        foreach (var property in extra.GetType().GetProperties())
        {
            args[property.Name] = property.GetValue(extra);
        }

        return args;
    }

    private SentAlert ToAlert(Row row)
    {
        var db = scope.Database;
        var state = Enum.Parse<SentAlertState>(row.State, ignoreCase: true);
        return new(new SentAlertKey(row.ChannelId, row.CampaignId, row.RuleId, db.ReadDate(row.LocalDate)), row.AdvertiserId, row.Summary, state, row.MessageTs,
            db.ReadInstant(row.ClaimedAt), db.ReadOptionalInstant(row.RecoveredAt));
    }

    private sealed class Row
    {
        public string ChannelId { get; set; } = "";

        public string CampaignId { get; set; } = "";

        public string RuleId { get; set; } = "";

        public object LocalDate { get; set; } = "";

        public string AdvertiserId { get; set; } = "";

        public string Summary { get; set; } = "";

        public string State { get; set; } = "";

        public string? MessageTs { get; set; }

        public object ClaimedAt { get; set; } = "";

        public object? RecoveredAt { get; set; }
    }

    private sealed class CountRow
    {
        public string RuleId { get; set; } = "";

        public long Snoozes { get; set; }

        public long Mutes { get; set; }
    }

    private sealed class NoteRow
    {
        public string CampaignId { get; set; } = "";

        public string RuleId { get; set; } = "";

        public object LocalDate { get; set; } = "";

        public string CampaignName { get; set; } = "";

        public string Summary { get; set; } = "";
    }
}
