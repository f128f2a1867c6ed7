using System.Data;
using System.Data.Common;
using TikTokBot.Storage.Database;
using TikTokBot.TikTok.Quota;

namespace TikTokBot.Storage;

/// <summary>
/// The TikTok quota of every instance on one PostgreSQL database: the <c>tiktok_quota</c> row, read under its row lock,
/// decided by <see cref="QuotaRules"/> and written back in one short transaction. The time is the server's
/// <c>clock_timestamp()</c>, so instances whose clocks differ still count the same seconds. Row 1 is the app's main
/// budget, row 2 the report task budget (<see cref="TaskRow"/>).
/// </summary>
internal sealed class PostgresQuotaLedger(StorageDatabase database, QuotaRules rules) : IQuotaLedger
{
    /// <summary>The row of the report task budget (<c>TikTok:Quota:Tasks:*</c>).</summary>
    public const int TaskRow = 2;

    /// <summary>Which row of <c>tiktok_quota</c> this budget is: 1, the app's main budget, or <see cref="TaskRow"/>.</summary>
    public int Row { get; init; } = 1;

    private const string Columns =
        "second_start, second_used, minute_start, minute_used, day_start, day_used, next_at, paused_until, " +
        "person_waiting_until, digest_waiting_until, alert_scan_waiting_until, throttled_at";

    public string Where => "PostgreSQL, shared by every instance";

    public async ValueTask<QuotaTake> TakeAsync(TikTokCallPriority priority, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct).ConfigureAwait(false);
        var (state, now) = await ReadRowAsync(connection, transaction, Row, "FOR UPDATE", ct).ConfigureAwait(false);
        var (after, decision) = rules.Take(state, priority, now);
        await WriteRowAsync(connection, transaction, Row, after, ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return new QuotaTake(decision, after, now);
    }

    public async ValueTask<DateTimeOffset> PauseAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct).ConfigureAwait(false);
        var (state, now) = await ReadRowAsync(connection, transaction, Row, "FOR UPDATE", ct).ConfigureAwait(false);
        var after = rules.Pause(state, now);
        await WriteRowAsync(connection, transaction, Row, after, ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return after.PausedUntil!.Value;
    }

    public async ValueTask<(QuotaState State, DateTimeOffset Now)> ReadAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        var (state, now) = await ReadRowAsync(connection, null, Row, "", ct).ConfigureAwait(false);
        return (rules.Roll(state, now), now);
    }

    private static async Task<(QuotaState State, DateTimeOffset Now)> ReadRowAsync(DbConnection connection, DbTransaction? transaction, int id, string locking, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT clock_timestamp(), {Columns} FROM tiktok_quota WHERE id = {id} {locking};";
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        if (!await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"The tiktok_quota row {id} is missing; migrations 0011 and 0013 create rows 1 and 2.");
        }

        DateTimeOffset At(int i) => new(DateTime.SpecifyKind(reader.GetDateTime(i), DateTimeKind.Utc));
        var state = new QuotaState(
            At(1), reader.GetInt32(2), At(3), reader.GetInt32(4), At(5), reader.GetInt32(6), At(7),
            reader.IsDBNull(8) ? null : At(8), At(9), At(10), At(11), At(12));
        return (state, At(0));
    }

    private static async Task WriteRowAsync(DbConnection connection, DbTransaction transaction, int id, QuotaState state, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            "UPDATE tiktok_quota SET second_start = @second_start, second_used = @second_used, minute_start = @minute_start, " +
            "minute_used = @minute_used, day_start = @day_start, day_used = @day_used, next_at = @next_at, paused_until = @paused_until, " +
            "person_waiting_until = @person, digest_waiting_until = @digest, alert_scan_waiting_until = @alert_scan, throttled_at = @throttled_at WHERE id = @id;";
        void Add(string name, object? value)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        Add("id", id);
        Add("second_start", Utc(state.SecondStart));
        Add("second_used", state.SecondUsed);
        Add("minute_start", Utc(state.MinuteStart));
        Add("minute_used", state.MinuteUsed);
        Add("day_start", Utc(state.DayStart));
        Add("day_used", state.DayUsed);
        Add("next_at", Utc(state.NextAt));
        Add("paused_until", state.PausedUntil is { } paused ? Utc(paused) : null);
        Add("person", Utc(state.PersonWaitingUntil));
        Add("digest", Utc(state.DigestWaitingUntil));
        Add("alert_scan", Utc(state.AlertScanWaitingUntil));
        Add("throttled_at", Utc(state.ThrottledAt));
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    // Npgsql writes timestamptz from a UTC DateTime; the state's "never" (MinValue) is stored as the epoch.
    private static DateTime Utc(DateTimeOffset instant) => instant < DateTimeOffset.UnixEpoch ? DateTime.UnixEpoch : instant.UtcDateTime;
}
