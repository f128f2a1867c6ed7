using Npgsql;
using TikTokBot.Tests.Digests;

namespace TikTokBot.Tests;

/// <summary>
/// A database of its own on the PostgreSQL server .ci/run starts (<see cref="PostgresFactAttribute.Variable"/>), for tests
/// that run several app instances on one database; without the server, creating and dropping do nothing.
/// </summary>
public sealed class ThrowawayPostgresDatabase(string prefix)
{
    public string Name { get; } = $"{prefix}_{Guid.NewGuid():N}";

    /// <summary>The server's connection string, aimed at this database.</summary>
    public NpgsqlConnectionStringBuilder ConnectionString() => new(Environment.GetEnvironmentVariable(PostgresFactAttribute.Variable)) { Database = Name };

    public Task CreateAsync() => RunAsync($"CREATE DATABASE {Name};", clearPools: false);

    /// <summary>Drops it, connections still open included (the apps' pools are cleared first).</summary>
    public Task DropAsync() => RunAsync($"DROP DATABASE IF EXISTS {Name} WITH (FORCE);", clearPools: true);

    private static async Task RunAsync(string sql, bool clearPools)
    {
        if (Environment.GetEnvironmentVariable(PostgresFactAttribute.Variable) is not { Length: > 0 } server)
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
