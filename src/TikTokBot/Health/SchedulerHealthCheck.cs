using Microsoft.Extensions.Diagnostics.HealthChecks;
using Hangfire;

namespace TikTokBot.Health;

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
