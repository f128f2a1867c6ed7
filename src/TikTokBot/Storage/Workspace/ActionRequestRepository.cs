using static TikTokBot.Storage.ActionRequestState;
using static TikTokBot.Storage.Workspace.WorkspaceStorage;

namespace TikTokBot.Storage.Workspace;

/// <summary>The stored actions of one team; the enums' column text is <see cref="ActionColumns"/>'s.</summary>
internal sealed class ActionRequestRepository(TeamScope scope) : IActionRequestRepository
{
    private const string Select =
        """
        SELECT id AS Id, channel_id AS ChannelId, requested_by AS RequestedBy, advertiser_id AS AdvertiserId, campaign_id AS CampaignId,
               adgroup_id AS AdGroupId, level AS Level, kind AS Kind, asked AS Asked, from_value AS FromValue, to_value AS ToValue, state AS State,
               created_at AS CreatedAt, expires_at AS ExpiresAt, decided_by AS DecidedBy, decided_at AS DecidedAt, acted_on AS ActedOn,
               attempts AS Attempts, write_uncertain AS WriteUncertain, tiktok_request_id AS TikTokRequestId, before_json AS BeforeJson,
               after_json AS AfterJson, failure AS Failure, finished_at AS FinishedAt, undoes_id AS UndoesId, undone_by_id AS UndoneById
        FROM action_requests
        """;

    // States that took (or are taking) one of the campaign's daily actions.
    private static readonly string ActedStates = $"({Is(Executing)}, {Is(Done)}, {Is(Undone)})";

    public Task<bool> CreateAsync(ActionRequestDetails details, bool approved, CancellationToken ct) => scope.WriteAsync(async write =>
    {
        var db = write.Database;
        var state = ActionColumns.Text(approved ? Approved : Requested);
        var inserted = await write.ExecuteAsync(
            """
            INSERT INTO action_requests (team_id, id, channel_id, requested_by, advertiser_id, campaign_id, adgroup_id, level, kind, asked,
                                         from_value, to_value, state, created_at, expires_at, decided_by, decided_at, undoes_id)
            VALUES (@team, @Id, @ChannelId, @RequestedBy, @AdvertiserId, @CampaignId, @AdGroupId, @Level, @Kind, @Asked,
                    @FromValue, @ToValue, @state, @now, @expiresAt, @decidedBy, @decidedAt, @UndoesId)
            ON CONFLICT (team_id, id) DO NOTHING;
            """,
            new
            {
                details.Id, details.ChannelId, details.RequestedBy, details.AdvertiserId, details.CampaignId, details.AdGroupId, Level = ActionColumns.Text(details.Level),
                Kind = ActionColumns.Text(details.Kind), details.Asked, details.FromValue, details.ToValue, details.UndoesId, state, now = db.Instant(write.Now),
                expiresAt = db.Instant(details.ExpiresAt), decidedBy = approved ? details.RequestedBy : null, decidedAt = approved ? db.Instant(write.Now) : null,
            });
        if (inserted == 1)
        {
            await EventAsync(write, details.Id, approved ? "requested and approved (no approval needed)" : "requested", details.RequestedBy,
                $"{ActionColumns.Text(details.Kind)} {ActionColumns.Text(details.Level)} {details.AdGroupId ?? details.CampaignId}: {details.FromValue} -> {details.ToValue} ({details.Asked})");
        }

        return inserted == 1;
    }, ct);

    public async Task<StoredAction?> FindAsync(string actionId, CancellationToken ct)
    {
        var row = await scope.QuerySingleOrDefaultAsync<Row>($"{Select} WHERE team_id = @team AND id = @actionId;", new { actionId }, ct);
        return row is null ? null : ToAction(row);
    }

    public Task<bool> TryDecideAsync(string actionId, bool approve, string decidedBy, CancellationToken ct) => TransitionAsync(
        actionId,
        "state = @to, decided_by = @actor, decided_at = @now",
        $"state = {Is(Requested)} AND expires_at > @now",
        new { to = ActionColumns.Text(approve ? Approved : Rejected) },
        approve ? "approved" : "rejected",
        decidedBy,
        null,
        ct);

    public Task<bool> TryExpireAsync(string actionId, CancellationToken ct) =>
        TransitionAsync(actionId, $"state = {Is(Expired)}, finished_at = @now", $"state = {Is(Requested)} AND expires_at <= @now", null, "expired", "TikTokBot", null, ct);

    public Task<bool> TryStartAsync(string actionId, DateOnly actedOn, int maxPerCampaignPerDay, string actor, CancellationToken ct) => TransitionAsync(
        actionId,
        $"state = {Is(Executing)}, acted_on = @actedOn, attempts = attempts + 1",
        // The day's count is read in the same statement that claims the action; team writes are serialised (SQLite's one
        // writer, PostgreSQL's per-team advisory lock), so two starts cannot both take the last slot.
        $"""
        state = {Is(Approved)} AND (SELECT COUNT(*) FROM action_requests other
                                WHERE other.team_id = @team AND other.campaign_id = action_requests.campaign_id
                                  AND other.acted_on = @actedOn AND other.state IN {ActedStates}) < @max
        """,
        new { actedOn = scope.Database.Date(actedOn), max = maxPerCampaignPerDay },
        "executing",
        actor,
        null,
        ct);

    public Task<bool> MarkUncertainAsync(string actionId, string failure, CancellationToken ct) => TransitionAsync(
        actionId,
        $"state = {Is(Approved)}, write_uncertain = 1, failure = @failure, acted_on = NULL",
        $"state = {Is(Executing)}",
        new { failure },
        "write timed out; TikTok may have applied it",
        "TikTokBot",
        failure,
        ct);

    public Task<bool> MarkDoneAsync(string actionId, string? tikTokRequestId, string beforeJson, string afterJson, string actor, CancellationToken ct) => TransitionAsync(
        actionId,
        $"state = {Is(Done)}, tiktok_request_id = @tikTokRequestId, before_json = @beforeJson, after_json = @afterJson, failure = NULL, write_uncertain = 0, finished_at = @now",
        $"state = {Is(Executing)}",
        new { tikTokRequestId, beforeJson, afterJson },
        "done",
        actor,
        $"TikTok request {tikTokRequestId ?? "none (nothing needed writing)"}; before {beforeJson}; after {afterJson}",
        ct);

    public Task<bool> MarkFailedAsync(string actionId, string failure, string actor, CancellationToken ct) => TransitionAsync(
        actionId,
        $"state = {Is(Failed)}, failure = @failure, finished_at = @now",
        $"state IN ({Is(Executing)}, {Is(Approved)}, {Is(Requested)})",
        new { failure },
        "failed",
        actor,
        failure,
        ct);

    public Task<bool> MarkUndoneAsync(string actionId, string undoneById, string actor, CancellationToken ct) => TransitionAsync(
        actionId,
        $"state = {Is(Undone)}, undone_by_id = @undoneById",
        $"state = {Is(Done)}",
        new { undoneById },
        "undone",
        actor,
        $"by action {undoneById}",
        ct);

    public async Task<IReadOnlyList<StoredAction>> ListActedAsync(string campaignId, DateOnly actedOn, CancellationToken ct) =>
        (await scope.QueryAsync<Row>(
            $"{Select} WHERE team_id = @team AND campaign_id = @campaignId AND acted_on = @actedOn AND state IN {ActedStates} ORDER BY created_at, id;",
            new { campaignId, actedOn = scope.Database.Date(actedOn) },
            ct))
        .Select(ToAction)
        .ToList();

    public async Task<IReadOnlyList<ActionEvent>> ListEventsAsync(string actionId, CancellationToken ct) =>
        (await scope.QueryAsync<EventRow>(
            "SELECT action_id AS ActionId, event AS Event, actor AS Actor, detail AS Detail, at AS At FROM action_events WHERE team_id = @team AND action_id = @actionId ORDER BY id;",
            new { actionId },
            ct))
        .Select(e => new ActionEvent(e.ActionId, e.Event, e.Actor, e.Detail, scope.Database.ReadInstant(e.At)))
        .ToList();

    /// <summary>One conditional UPDATE decides; only the caller that changed the row writes the audit line.</summary>
    private Task<bool> TransitionAsync(
        string actionId, string set, string when, object? args, string eventName, string actor, string? detail, CancellationToken ct) => scope.WriteAsync(async write =>
    {
        var parameters = new Dapper.DynamicParameters(args);
        parameters.Add("actionId", actionId);
        parameters.Add("actor", actor);
        parameters.Add("now", write.Database.Instant(write.Now));
        var changed = await write.ExecuteAsync($"UPDATE action_requests SET {set} WHERE team_id = @team AND id = @actionId AND {when};", parameters);
        if (changed == 1)
        {
            await EventAsync(write, actionId, eventName, actor, detail);
        }

        return changed == 1;
    }, ct);

    /// <summary>The state as an SQL literal, for the conditions (its text is a fixed word, never input).</summary>
    private static string Is(ActionRequestState state) => $"'{ActionColumns.Text(state)}'";

    private static Task<int> EventAsync(TeamWrite write, string actionId, string eventName, string actor, string? detail) => write.ExecuteAsync(
        "INSERT INTO action_events (team_id, action_id, event, actor, detail, at) VALUES (@team, @actionId, @eventName, @actor, @detail, @at);",
        new { actionId, eventName, actor, detail, at = write.Database.Instant(write.Now) });

    private StoredAction ToAction(Row row)
    {
        var db = scope.Database;
        var details = new ActionRequestDetails(row.Id, row.ChannelId, row.RequestedBy, row.AdvertiserId, row.CampaignId, row.AdGroupId,
            ActionColumns.Level(row.Level, row.Id), ActionColumns.Kind(row.Kind, row.Id), row.Asked, row.FromValue, row.ToValue, db.ReadInstant(row.ExpiresAt), row.UndoesId);
        var state = ActionColumns.State(row.State, row.Id);
        return new StoredAction(details, state, db.ReadInstant(row.CreatedAt), row.DecidedBy, db.ReadOptionalInstant(row.DecidedAt),
            row.ActedOn is null or DBNull ? null : db.ReadDate(row.ActedOn), (int)row.Attempts, row.WriteUncertain != 0, row.TikTokRequestId, row.BeforeJson,
            row.AfterJson, row.Failure, db.ReadOptionalInstant(row.FinishedAt), row.UndoneById);
    }

    private sealed class Row
    {
        public string Id { get; set; } = "";

        public string ChannelId { get; set; } = "";

        public string RequestedBy { get; set; } = "";

        public string AdvertiserId { get; set; } = "";

        public string CampaignId { get; set; } = "";

        public string? AdGroupId { get; set; }

        public string Level { get; set; } = "";

        public string Kind { get; set; } = "";

        public string Asked { get; set; } = "";

        public string FromValue { get; set; } = "";

        public string ToValue { get; set; } = "";

        public string State { get; set; } = "";

        public object CreatedAt { get; set; } = "";

        public object ExpiresAt { get; set; } = "";

        public string? DecidedBy { get; set; }

        public object? DecidedAt { get; set; }

        public object? ActedOn { get; set; }

        public long Attempts { get; set; }

        public long WriteUncertain { get; set; }

        public string? TikTokRequestId { get; set; }

        public string? BeforeJson { get; set; }

        public string? AfterJson { get; set; }

        public string? Failure { get; set; }

        public object? FinishedAt { get; set; }

        public string? UndoesId { get; set; }

        public string? UndoneById { get; set; }
    }

    private sealed class EventRow
    {
        public string ActionId { get; set; } = "";

        public string Event { get; set; } = "";

        public string Actor { get; set; } = "";

        public string? Detail { get; set; }

        public object At { get; set; } = "";
    }
}
