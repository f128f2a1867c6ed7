using System.Data.Common;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace TikTokBot.Storage.Database;

/// <summary>A SQLite file in WAL mode. Money is invariant TEXT and dates ISO 8601 TEXT, so nothing is rounded or localised.</summary>
internal sealed class SqliteDatabase : StorageDatabase
{
    private readonly string _connectionString;
    private readonly string _synchronous;
    // One turn per database file in this process, shared by every SqliteDatabase opened on it.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> Writers = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _writer;

    /// <param name="synchronous">SQLite's <c>synchronous</c> for every connection: <c>NORMAL</c> or <c>FULL</c> (see <see cref="StorageOptions.SqliteSynchronous"/>).</param>
    public SqliteDatabase(string connectionString, string synchronous = "FULL")
    {
        _synchronous = synchronous.ToUpperInvariant() is "FULL" or "NORMAL" ? synchronous.ToUpperInvariant() : throw new ArgumentException("NORMAL or FULL.", nameof(synchronous));
        // Foreign keys are off by default in SQLite and are a per-connection setting.
        var builder = new SqliteConnectionStringBuilder(connectionString) { ForeignKeys = true };
        if (string.IsNullOrWhiteSpace(builder.DataSource) || builder.DataSource == ":memory:")
        {
            throw new ArgumentException("Storage needs a SQLite file (Data Source=path/to/tiktokbot.db); an in-memory database would lose everything on restart.", nameof(connectionString));
        }

        _connectionString = builder.ToString();
        FilePath = Path.GetFullPath(builder.DataSource);
        _writer = Writers.GetOrAdd(FilePath, _ => new SemaphoreSlim(1, 1));
    }

    public override string Provider => "Sqlite";

    /// <summary>The database file.</summary>
    public string FilePath { get; }

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(ct);
        // A per-connection setting, and SQLite's own default is FULL: set on every open, pooled or new.
        if (_synchronous != "FULL")
        {
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA synchronous = NORMAL;";
            await pragma.ExecuteNonQueryAsync(ct);
        }

        return connection;
    }

    // SQLite has one writer. Microsoft.Data.Sqlite answers a writer that finds the lock taken by blocking its thread
    // for 150 ms before trying again, hundreds of times longer than a write holds the lock (under the digest fan-out about
    // half of the senders' time went to these sleeps): this process's writers wait for their turn here instead.
    internal override async ValueTask<IDisposable?> WriteTurnAsync(CancellationToken ct)
    {
        await _writer.WaitAsync(ct);
        return new Turn(_writer);
    }

    private sealed class Turn(SemaphoreSlim writer) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                writer.Release();
            }
        }
    }

    public override ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open; a disposed database must let go of it (restart, backup, delete).
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }

    internal override async Task PrepareAsync(CancellationToken ct)
    {
        Keys.PrivateFiles.Folder(Path.GetDirectoryName(FilePath)!);
        await using var connection = await OpenAsync(ct);
        await connection.ExecuteScalarAsync<string>(new CommandDefinition("PRAGMA journal_mode = WAL;", cancellationToken: ct));
        // SQLite gives the -wal and -shm files the database file's mode: narrowing it first narrows them too.
        Keys.PrivateFiles.Narrow(FilePath, FilePath + "-wal", FilePath + "-shm");
    }

    internal override string CreateVersionTableSql =>
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT;";

    // Write transactions begin IMMEDIATE (Microsoft.Data.Sqlite's default), which already holds the one writer lock.
    internal override Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct) => Task.CompletedTask;

    internal override Task LockTeamAsync(DbConnection connection, DbTransaction transaction, string teamId, CancellationToken ct) => Task.CompletedTask;

    internal override object Money(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    internal override object Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal override object Instant(DateTimeOffset value) => value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    internal override decimal ReadMoney(object value) => decimal.Parse((string)value, NumberStyles.Number, CultureInfo.InvariantCulture);

    internal override DateOnly ReadDate(object value) => DateOnly.ParseExact((string)value, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal override DateTimeOffset ReadInstant(object value) =>
        DateTimeOffset.ParseExact((string)value, "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
