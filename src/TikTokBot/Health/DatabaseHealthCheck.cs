using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TikTokBot.Storage.Database;
using TikTokBot.Storage.Migrations;

namespace TikTokBot.Health;

/// <summary>The database answers, and carries every migration this build knows.</summary>
internal sealed class DatabaseHealthCheck(StorageDatabase database, SchemaMigrator migrator) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            // A plain read, not the migrator's locked one: a readiness probe must never queue behind a migration.
            var version = await connection.ExecuteScalarAsync<int?>(new CommandDefinition(
                "SELECT MAX(version) FROM schema_version;", cancellationToken: cancellationToken)) ?? 0;
            var data = new Dictionary<string, object> { ["provider"] = database.Provider, ["version"] = version, ["expected"] = migrator.LatestVersion };
            return version == migrator.LatestVersion
                ? HealthCheckResult.Healthy($"{database.Provider} reachable, schema version {version}", data)
                : HealthCheckResult.Unhealthy($"{database.Provider} schema is at version {version}, this build needs {migrator.LatestVersion}", data: data);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The exception's type says enough; its message may quote a connection string.
            return HealthCheckResult.Unhealthy($"{database.Provider} is not reachable ({e.GetType().Name})");
        }
    }
}
