using System.Reflection;
using Dapper;
using TikTokBot.Storage.Database;

namespace TikTokBot.Storage.Migrations;

/// <summary>
/// Applies the provider's embedded scripts in order, each in its own transaction together with its row in
/// <c>schema_version</c>. Every transaction first takes the migration lock and re-reads the version, so instances
/// starting at once apply each script exactly once.
/// </summary>
internal sealed class SchemaMigrator(StorageDatabase database, TimeProvider time, ILogger<SchemaMigrator> logger)
{
    private readonly ILogger _logger = logger;

    /// <summary>The scripts this build knows for the database's provider, in version order.</summary>
    public IReadOnlyList<Migration> Migrations { get; } = ScriptsFor(database.Provider);

    public int LatestVersion => Migrations[^1].Version;

    /// <summary>Brings the database to <see cref="LatestVersion"/>; returns the number of scripts applied.</summary>
    public Task<int> MigrateAsync(CancellationToken ct) => MigrateToAsync(LatestVersion, ct);

    /// <summary>Brings the database up to <paramref name="targetVersion"/> (never down); returns the number of scripts applied.</summary>
    /// <exception cref="SchemaTooNewException">The database was migrated by a newer build.</exception>
    public async Task<int> MigrateToAsync(int targetVersion, CancellationToken ct)
    {
        await database.PrepareAsync(ct);
        var applied = 0;
        foreach (var migration in Migrations.Where(m => m.Version <= targetVersion))
        {
            if (await ApplyAsync(migration, ct))
            {
                applied++;
            }
        }

        // A database already at the latest version still has to be checked against this build.
        await CurrentVersionAsync(ct);
        return applied;
    }

    /// <summary>The highest version applied, 0 for an empty database.</summary>
    /// <exception cref="SchemaTooNewException">The database was migrated by a newer build.</exception>
    public async Task<int> CurrentVersionAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await database.LockForMigrationAsync(connection, transaction, ct);
        await connection.ExecuteAsync(new CommandDefinition(database.CreateVersionTableSql, transaction: transaction, cancellationToken: ct));
        var version = await ReadVersionAsync(connection, transaction, ct);
        await transaction.CommitAsync(ct);
        return version;
    }

    private async Task<bool> ApplyAsync(Migration migration, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await database.LockForMigrationAsync(connection, transaction, ct);
        await connection.ExecuteAsync(new CommandDefinition(database.CreateVersionTableSql, transaction: transaction, cancellationToken: ct));

        var current = await ReadVersionAsync(connection, transaction, ct);
        if (current >= migration.Version)
        {
            await transaction.RollbackAsync(ct);
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: transaction, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO schema_version (version, name, applied_at) VALUES (@version, @name, @appliedAt);",
            new { version = migration.Version, name = migration.Name, appliedAt = database.Instant(time.GetUtcNow()) },
            transaction,
            cancellationToken: ct));
        await transaction.CommitAsync(ct);
        _logger.LogInformation("Applied {Provider} schema migration {Version} {Name}", database.Provider, migration.Version, migration.Name);
        return true;
    }

    private async Task<int> ReadVersionAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, CancellationToken ct)
    {
        var version = await connection.ExecuteScalarAsync<int?>(new CommandDefinition(
            "SELECT MAX(version) FROM schema_version;", transaction: transaction, cancellationToken: ct)) ?? 0;
        if (version > LatestVersion)
        {
            throw new SchemaTooNewException(version, LatestVersion);
        }

        return version;
    }

    /// <summary>The scripts embedded for <paramref name="provider"/> (<c>Sqlite</c> or <c>Postgres</c>), in version order.</summary>
    public static IReadOnlyList<Migration> ScriptsFor(string provider)
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var prefix = $"Migrations/{provider}/";
        var migrations = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => Read(assembly, name, name[prefix.Length..^".sql".Length]))
            .OrderBy(m => m.Version)
            .ToArray();

        if (migrations.Length == 0)
        {
            throw new InvalidOperationException($"No migration scripts for {provider} are embedded in {assembly.GetName().Name}.");
        }

        for (var i = 0; i < migrations.Length; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException($"The {provider} migration scripts must be numbered 1, 2, 3... without gaps; found {migrations[i].Version} at position {i + 1}.");
            }
        }

        return migrations;
    }

    private static Migration Read(Assembly assembly, string resource, string fileName)
    {
        // File names are NNNN_what_it_does.sql.
        var separator = fileName.IndexOf('_', StringComparison.Ordinal);
        if (separator <= 0 || !int.TryParse(fileName[..separator], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version))
        {
            throw new InvalidOperationException($"Migration script '{resource}' is not named NNNN_description.sql.");
        }

        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return new Migration(version, fileName[(separator + 1)..], reader.ReadToEnd());
    }
}
