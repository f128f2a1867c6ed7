using Microsoft.Extensions.Diagnostics.HealthChecks;
using TikTokBot.TikTok.Quota;

namespace TikTokBot.Health;

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
