using System.Data;
using System.Data.Common;
using TikTokBot.Storage.Database;
using TikTokBot.TikTok.Quota;

namespace TikTokBot.Storage;

/// <summary>
/// The TikTok quota of every instance on one PostgreSQL database: the <c>tiktok_quota</c> row, read under its row lock,
/// decided by <see cref="QuotaRules"/> and written back in one short transaction. The time is the server's
/// <c>clock_timestamp()</c>, so instances whose clocks differ still count the same seconds.
/// </summary>
internal sealed class PostgresQuotaLedger(StorageDatabase database, QuotaRules rules) : IQuotaLedger
{
    private const string Columns =
        "second_start, second_used, minute_start, minute_used, day_start, day_used, next_at, paused_until, " +
        "person_waiting_until, digest_waiting_until, alert_scan_waiting_until";

    public string Where => "PostgreSQL, shared by every instance";

    public async ValueTask<QuotaTake> TakeAsync(TikTokCallPriority priority, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct).ConfigureAwait(false);
        var (state, now) = await ReadRowAsync(connection, transaction, "FOR UPDATE", ct).ConfigureAwait(false);
        var (after, decision) = rules.Take(state, priority, now);
        await WriteRowAsync(connection, transaction, after, ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return new QuotaTake(decision, after, now);
    }

    public async ValueTask<DateTimeOffset> PauseAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct).ConfigureAwait(false);
        var (state, now) = await ReadRowAsync(connection, transaction, "FOR UPDATE", ct).ConfigureAwait(false);
        var after = rules.Pause(state, now);
        await WriteRowAsync(connection, transaction, after, ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return after.PausedUntil!.Value;
    }

    public async ValueTask<(QuotaState State, DateTimeOffset Now)> ReadAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        var (state, now) = await ReadRowAsync(connection, null, "", ct).ConfigureAwait(false);
        return (rules.Roll(state, now), now);
    }

    private static async Task<(QuotaState State, DateTimeOffset Now)> ReadRowAsync(DbConnection connection, DbTransaction? transaction, string locking, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT clock_timestamp(), {Columns} FROM tiktok_quota WHERE id = 1 {locking};";
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        if (!await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            throw new InvalidOperationException("The tiktok_quota row is missing; migration 0009 creates it.");
        }

        DateTimeOffset At(int i) => new(DateTime.SpecifyKind(reader.GetDateTime(i), DateTimeKind.Utc));
        var state = new QuotaState(
            At(1), reader.GetInt32(2), At(3), reader.GetInt32(4), At(5), reader.GetInt32(6), At(7),
            reader.IsDBNull(8) ? null : At(8), At(9), At(10), At(11));
        return (state, At(0));
    }

    private static async Task WriteRowAsync(DbConnection connection, DbTransaction transaction, QuotaState state, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            "UPDATE tiktok_quota SET second_start = @second_start, second_used = @second_used, minute_start = @minute_start, " +
            "minute_used = @minute_used, day_start = @day_start, day_used = @day_used, next_at = @next_at, paused_until = @paused_until, " +
            "person_waiting_until = @person, digest_waiting_until = @digest, alert_scan_waiting_until = @alert_scan WHERE id = 1;";
        void Add(string name, object? value)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

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
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    // Npgsql writes timestamptz from a UTC DateTime; the state's "never" (MinValue) is stored as the epoch.
    private static DateTime Utc(DateTimeOffset instant) => instant < DateTimeOffset.UnixEpoch ? DateTime.UnixEpoch : instant.UtcDateTime;
}
