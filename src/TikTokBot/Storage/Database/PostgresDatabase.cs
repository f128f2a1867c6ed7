using System.Data.Common;
using Dapper;
using Npgsql;

namespace TikTokBot.Storage.Database;

/// <summary>PostgreSQL through one Npgsql data source (its pool). Money is numeric, dates date, instants timestamptz.</summary>
internal sealed class PostgresDatabase : StorageDatabase
{
    // Any fixed number works, as long as nothing else in the database uses it for an advisory lock.
    private const long MigrationLockKey = 0x54696B546F6B4254; // "TikTokBT"

    private readonly NpgsqlDataSource _dataSource;

    public PostgresDatabase(string connectionString) => _dataSource = NpgsqlDataSource.Create(connectionString);

    public override string Provider => "Postgres";

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken ct) => await _dataSource.OpenConnectionAsync(ct);

    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    internal override Task PrepareAsync(CancellationToken ct) => Task.CompletedTask;

    internal override string CreateVersionTableSql =>
        "CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL);";

    internal override Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@key);", new { key = MigrationLockKey }, transaction, cancellationToken: ct));

    internal override Task LockTeamAsync(DbConnection connection, DbTransaction transaction, string teamId, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(hashtextextended(@teamId, 0));", new { teamId }, transaction, cancellationToken: ct));

    internal override object Money(decimal value) => value;

    internal override object Date(DateOnly value) => value;

    internal override object Instant(DateTimeOffset value) => value.ToUniversalTime();

    internal override decimal ReadMoney(object value) => Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture);

    internal override DateOnly ReadDate(object value) => value switch
    {
        DateOnly date => date,
        DateTime dateTime => DateOnly.FromDateTime(dateTime),
        _ => throw new InvalidCastException($"Expected a PostgreSQL date, got {value.GetType().Name}."),
    };

    internal override DateTimeOffset ReadInstant(object value) => value switch
    {
        DateTimeOffset instant => instant,
        DateTime dateTime => new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)),
        _ => throw new InvalidCastException($"Expected a PostgreSQL timestamptz, got {value.GetType().Name}."),
    };
}
