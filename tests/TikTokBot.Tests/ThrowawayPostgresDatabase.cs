using Npgsql;
using TikTokBot.Testing.External;

namespace TikTokBot.Tests;

/// <summary>
/// A database of its own on the PostgreSQL server .ci/run starts (<see cref="ExternalResources.PostgresVariable"/>), for tests
/// that run several app instances on one database; without the server, creating and dropping do nothing.
/// </summary>
public sealed class ThrowawayPostgresDatabase(string prefix)
{
    public string Name { get; } = $"{prefix}_{Guid.NewGuid():N}";

    /// <summary>The server's connection string, aimed at this database.</summary>
    [ExternalResource(External.PostgreSql)]
    public NpgsqlConnectionStringBuilder ConnectionString() => new(ExternalResources.PostgresConnectionString) { Database = Name };

    public Task CreateAsync() => RunAsync($"CREATE DATABASE {Name};", clearPools: false);

    /// <summary>Drops it, connections still open included (the apps' pools are cleared first).</summary>
    public Task DropAsync() => RunAsync($"DROP DATABASE IF EXISTS {Name} WITH (FORCE);", clearPools: true);

    private static async Task RunAsync(string sql, bool clearPools)
    {
        if (ExternalResources.PostgresForSetUp is not { } server)
        {
            return;
        }

        if (clearPools)
        {
            NpgsqlConnection.ClearAllPools();
        }

        await using var admin = new NpgsqlConnection(server);
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand(sql, admin);
        await command.ExecuteNonQueryAsync();
    }
}
