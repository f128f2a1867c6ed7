using Dapper;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Npgsql;
using TikTokBot.Storage.Database;
using TikTokBot.Testing.External;

namespace TikTokBot.Storage.Tests.Infrastructure;

/// <summary>
/// A fresh, empty database of one provider and a folder for its Data Protection keys. <see cref="Open"/> returns a
/// new <see cref="StorageDatabase"/> each time, as a restarted (or second) app instance would.
/// </summary>
internal abstract class DatabaseUnderTest : IAsyncDisposable
{
    protected DatabaseUnderTest()
    {
        Folder = Directory.CreateTempSubdirectory("tiktokbot-storage-").FullName;
    }

    public string Folder { get; }

    public abstract StorageDatabase Open();

    /// <summary>Data Protection over the keys folder, as the app sets it up; a new instance each call, as after a restart.</summary>
    public IDataProtectionProvider DataProtection() =>
        DataProtectionProvider.Create(new DirectoryInfo(Path.Combine(Folder, "keys")), builder => builder.SetApplicationName("TikTokBot"));

    /// <summary>Makes every insert into the audit trail fail, the last statement of every settings write.</summary>
    public abstract Task FailEveryAuditWriteAsync();

    public async Task<IReadOnlyList<T>> QueryRawAsync<T>(string sql)
    {
        await using var database = Open();
        await using var connection = await database.OpenAsync(CancellationToken.None);
        return (await connection.QueryAsync<T>(sql)).AsList();
    }

    public async Task ExecuteRawAsync(string sql)
    {
        await using var database = Open();
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync(sql);
    }

    public virtual ValueTask DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}

internal sealed class SqliteDatabaseUnderTest : DatabaseUnderTest
{
    public string FilePath => Path.Combine(Folder, "tiktokbot.db");

    public override StorageDatabase Open() => new SqliteDatabase($"Data Source={FilePath}");

    public override Task FailEveryAuditWriteAsync() => ExecuteRawAsync(
        """
        CREATE TRIGGER audit_fails BEFORE INSERT ON settings_changes BEGIN SELECT RAISE(ABORT, 'simulated failure at the last statement'); END;
        CREATE TRIGGER action_audit_fails BEFORE INSERT ON action_events BEGIN SELECT RAISE(ABORT, 'simulated failure at the last statement'); END;
        """);

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        return base.DisposeAsync();
    }
}

/// <summary>A schema of its own on the test server, so tests never see each other's rows or migrations.</summary>
[ExternalResource(External.PostgreSql)]
internal sealed class PostgresDatabaseUnderTest : DatabaseUnderTest
{
    private readonly string _schema = "test_" + Guid.NewGuid().ToString("N");
    private readonly string _connectionString;

    private PostgresDatabaseUnderTest(string serverConnectionString)
    {
        _connectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { SearchPath = _schema }.ToString();
    }

    public static async Task<PostgresDatabaseUnderTest> CreateAsync()
    {
        var server = ExternalResources.PostgresConnectionString ?? throw new InvalidOperationException($"{ExternalResources.PostgresVariable} is not set.");
        var database = new PostgresDatabaseUnderTest(server);
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await connection.ExecuteAsync($"CREATE SCHEMA {database._schema};");
        return database;
    }

    public override StorageDatabase Open() => new PostgresDatabase(_connectionString);

    public override Task FailEveryAuditWriteAsync() => ExecuteRawAsync(
        """
        CREATE FUNCTION audit_fails() RETURNS trigger LANGUAGE plpgsql AS
        $$ BEGIN RAISE EXCEPTION 'simulated failure at the last statement'; END $$;
        CREATE TRIGGER audit_fails BEFORE INSERT ON settings_changes FOR EACH ROW EXECUTE FUNCTION audit_fails();
        CREATE TRIGGER action_audit_fails BEFORE INSERT ON action_events FOR EACH ROW EXECUTE FUNCTION audit_fails();
        """);

    public override async ValueTask DisposeAsync()
    {
        await using (var connection = new NpgsqlConnection(ExternalResources.PostgresConnectionString))
        {
            await connection.OpenAsync();
            await connection.ExecuteAsync($"DROP SCHEMA {_schema} CASCADE;");
        }

        await base.DisposeAsync();
    }
}
