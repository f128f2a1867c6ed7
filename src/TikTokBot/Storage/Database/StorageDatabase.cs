using System.Data.Common;

namespace TikTokBot.Storage.Database;

/// <summary>
/// One database behind the repositories: opens connections and translates the values whose storage differs
/// between providers (money, dates, instants). Everything else in the SQL is shared.
/// </summary>
internal abstract class StorageDatabase : IAsyncDisposable
{
    /// <summary>The provider's name, which is also the folder of its migration scripts.</summary>
    public abstract string Provider { get; }

    /// <summary>An open connection; the caller disposes it.</summary>
    public abstract ValueTask<DbConnection> OpenAsync(CancellationToken ct);

    public abstract ValueTask DisposeAsync();

    /// <summary>
    /// This process's turn to write, held until disposed: null where the database queues writers itself.
    /// </summary>
    internal virtual ValueTask<IDisposable?> WriteTurnAsync(CancellationToken ct) => ValueTask.FromResult<IDisposable?>(null);

    /// <summary>Creates what must exist before the first connection (the SQLite folder, WAL mode).</summary>
    internal abstract Task PrepareAsync(CancellationToken ct);

    internal abstract string CreateVersionTableSql { get; }

    /// <summary>Keeps other instances out of the migration until <paramref name="transaction"/> ends.</summary>
    internal abstract Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct);

    /// <summary>Serialises one team's read-then-write changes, so an audited old value is the value replaced.</summary>
    internal abstract Task LockTeamAsync(DbConnection connection, DbTransaction transaction, string teamId, CancellationToken ct);

    internal abstract object Money(decimal value);

    internal abstract object Date(DateOnly value);

    internal abstract object Instant(DateTimeOffset value);

    internal abstract decimal ReadMoney(object value);

    internal abstract DateOnly ReadDate(object value);

    internal abstract DateTimeOffset ReadInstant(object value);

    internal object? Instant(DateTimeOffset? value) => value is { } instant ? Instant(instant) : null;

    internal DateTimeOffset? ReadOptionalInstant(object? value) => value is null or DBNull ? null : ReadInstant(value);
}
