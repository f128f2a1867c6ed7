using Microsoft.Extensions.Diagnostics.HealthChecks;
using TikTokBot.Deployment;

namespace TikTokBot.Health;

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
