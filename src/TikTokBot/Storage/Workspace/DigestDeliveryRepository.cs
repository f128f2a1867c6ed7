using static TikTokBot.Storage.Workspace.WorkspaceStorage;
namespace TikTokBot.Storage.Workspace;

internal sealed class DigestDeliveryRepository(TeamScope scope) : IDigestDeliveryRepository
{
    private const string Columns =
        """
        subscription_id AS SubscriptionId, local_date AS LocalDate, state AS State, message_ts AS MessageTs, failure AS Failure,
               attempts AS Attempts, claimed_at AS ClaimedAt, finished_at AS FinishedAt, parts_posted AS PartsPosted,
               next_attempt_at AS NextAttemptAt
        """;

    private const string Select = $"SELECT {Columns} FROM digest_deliveries";

    public async Task<DigestDelivery?> ClaimAsync(string subscriptionId, DateOnly localDate, TimeSpan lease, CancellationToken ct)
    {
        var db = scope.Database;
        var now = scope.Now();

        // One statement decides the claim, so two senders racing for the same day cannot both win. Selecting from
        // the team's active subscriptions makes another team's (or a cancelled or paused) subscription claim nothing.
        // A claim older than the lease belongs to a sender that died before it could finish, so it may be taken over.
        // The row comes back from the same statement: the sender needs no second read to learn the parts already posted.
        var row = await scope.ExecuteReturningAsync<Row>(
            $$"""
            INSERT INTO digest_deliveries (team_id, subscription_id, local_date, state, message_ts, failure, attempts, claimed_at, finished_at)
            SELECT team_id, id, @localDate, 'claimed', NULL, NULL, 1, @now, NULL
            FROM channel_subscriptions WHERE team_id = @team AND id = @subscriptionId AND unsubscribed_at IS NULL AND paused_at IS NULL
            ON CONFLICT (team_id, subscription_id, local_date) DO UPDATE SET
                state = 'claimed', failure = NULL, attempts = digest_deliveries.attempts + 1, claimed_at = excluded.claimed_at, finished_at = NULL,
                next_attempt_at = NULL
            WHERE digest_deliveries.state = 'failed'
               OR (digest_deliveries.state = 'claimed' AND digest_deliveries.claimed_at < @staleBefore)
            RETURNING {{Columns}};
            """,
            new { subscriptionId, localDate = db.Date(localDate), now = db.Instant(now), staleBefore = db.Instant(now - lease) },
            ct);
        return row is null ? null : ToDelivery(row);
    }

    public async Task<bool> RecordPartsPostedAsync(string subscriptionId, DateOnly localDate, int partsPosted, string messageTs, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageTs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(partsPosted);
        var updated = await scope.ExecuteAsync(
            """
            UPDATE digest_deliveries SET parts_posted = @partsPosted, message_ts = COALESCE(message_ts, @messageTs)
            WHERE team_id = @team AND subscription_id = @subscriptionId AND local_date = @localDate AND state = 'claimed';
            """,
            new { subscriptionId, localDate = scope.Database.Date(localDate), partsPosted, messageTs },
            ct);
        return updated == 1;
    }

    public async Task<bool> MarkDeliveredAsync(string subscriptionId, DateOnly localDate, string messageTs, int partsPosted, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageTs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(partsPosted);
        return await FinishAsync(subscriptionId, localDate, "delivered", messageTs, partsPosted, null, null, ct);
    }

    public async Task<bool> MarkFailedAsync(string subscriptionId, DateOnly localDate, string failure, DateTimeOffset? retryAt, CancellationToken ct) =>
        await FinishAsync(subscriptionId, localDate, "failed", null, null, failure, retryAt, ct);

    public async Task<DigestDelivery?> FindAsync(string subscriptionId, DateOnly localDate, CancellationToken ct)
    {
        var row = await scope.QuerySingleOrDefaultAsync<Row>(
            $"{Select} WHERE team_id = @team AND subscription_id = @subscriptionId AND local_date = @localDate;",
            new { subscriptionId, localDate = scope.Database.Date(localDate) },
            ct);
        return row is null ? null : ToDelivery(row);
    }

    public async Task<IReadOnlyList<DigestDelivery>> ListAsync(string subscriptionId, CancellationToken ct) =>
        (await scope.QueryAsync<Row>($"{Select} WHERE team_id = @team AND subscription_id = @subscriptionId ORDER BY local_date DESC;", new { subscriptionId }, ct))
        .Select(ToDelivery)
        .ToList();

    private async Task<bool> FinishAsync(
        string subscriptionId, DateOnly localDate, string state, string? messageTs, int? partsPosted, string? failure, DateTimeOffset? retryAt, CancellationToken ct)
    {
        var db = scope.Database;
        var updated = await scope.ExecuteAsync(
            """
            UPDATE digest_deliveries SET state = @state, message_ts = COALESCE(message_ts, @messageTs), failure = @failure, finished_at = @now,
                parts_posted = COALESCE(@partsPosted, parts_posted), next_attempt_at = @retryAt
            WHERE team_id = @team AND subscription_id = @subscriptionId AND local_date = @localDate AND state = 'claimed';
            """,
            new { subscriptionId, localDate = db.Date(localDate), state, messageTs, partsPosted, failure, now = db.Instant(scope.Now()), retryAt = db.Instant(retryAt) },
            ct);
        return updated == 1;
    }

    private DigestDelivery ToDelivery(Row row)
    {
        var db = scope.Database;
        var state = row.State switch
        {
            "delivered" => DeliveryState.Delivered,
            "failed" => DeliveryState.Failed,
            _ => DeliveryState.Claimed,
        };
        return new(row.SubscriptionId, db.ReadDate(row.LocalDate), state, row.MessageTs, row.Failure, (int)row.Attempts, db.ReadInstant(row.ClaimedAt), db.ReadOptionalInstant(row.FinishedAt), (int)row.PartsPosted,
            db.ReadOptionalInstant(row.NextAttemptAt));
    }

    private sealed class Row
    {
        public string SubscriptionId { get; set; } = "";

        public object LocalDate { get; set; } = "";

        public string State { get; set; } = "";

        public string? MessageTs { get; set; }

        public string? Failure { get; set; }

        public long Attempts { get; set; }

        public object ClaimedAt { get; set; } = "";

        public object? FinishedAt { get; set; }

        public long PartsPosted { get; set; }

        public object? NextAttemptAt { get; set; }
    }
}
