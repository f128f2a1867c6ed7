using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Hangfire;
using TikTokBot.Hosting;
using TikTokBot.Storage.Database;
using TikTokBot.Storage.Migrations;
using TikTokBot.TikTok.Quota;
using TikTokBot.Deployment;

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

/// <summary>
/// The digest scheduler (Hangfire) has a server running and can read its store.
/// </summary>
internal sealed class SchedulerHealthCheck(IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (services.GetService<JobStorage>() is not { } storage)
        {
            return Task.FromResult(HealthCheckResult.Healthy("no scheduler configured"));
        }

        try
        {
            // Listing the servers reads the store, so an unreachable store fails here; a store that answers with no
            // server in it means nothing would run the digests.
            var servers = storage.GetMonitoringApi().Servers();
            return Task.FromResult(servers.Count == 0
                ? HealthCheckResult.Degraded("the scheduler's store answers, but no Hangfire server has announced itself yet")
                : HealthCheckResult.Healthy($"running ({servers.Count} Hangfire server(s)), its store answers"));
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"the scheduler's store is not reachable ({e.GetType().Name})"));
        }
    }
}

/// <summary>Slack and TikTok settings are complete for the mode they choose; gaps that still let the app work only degrade it.</summary>
internal sealed class ConfigurationHealthCheck(IConfiguration configuration) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var running = RunningConfiguration.Read(configuration);
        var result = running.Problems.Count > 0 ? HealthCheckResult.Unhealthy(string.Join(" ", running.Problems))
            : running.Notes.Count > 0 ? HealthCheckResult.Degraded(string.Join(" ", running.Notes))
            : HealthCheckResult.Healthy($"Slack: {running.SlackDescription}; data: {running.DataSource}");
        return Task.FromResult(result);
    }
}

/// <summary>
/// The app's TikTok quota, as every instance shares it: used this second, minute and day, and a pause after TikTok's
/// 40100 (degraded: TikTok calls wait, the app still answers from what it keeps).
/// </summary>
internal sealed class TikTokQuotaHealthCheck(TikTokQuota quota) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var snapshot = await quota.SnapshotAsync(cancellationToken);
            return snapshot.Paused ? HealthCheckResult.Degraded(snapshot.Describe()) : HealthCheckResult.Healthy(snapshot.Describe());
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Degraded($"the TikTok quota could not be read ({e.GetType().Name})");
        }
    }
}
