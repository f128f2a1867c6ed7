using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TikTokBot.Health;

internal static class HealthApi
{
    /// <summary>
    /// Maps <c>GET /healthz</c>, a liveness answer that touches nothing and reveals nothing, and <c>GET /readyz</c>,
    /// the readiness checks with a JSON body naming each check and what failed (503 when one is unhealthy).
    /// </summary>
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/healthz", () => TypedResults.Ok(new HealthStatus("ok")));
        routes.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(HealthRegistration.Ready),
            ResponseWriter = WriteReport,
        });
        return routes;
    }

    private static Task WriteReport(HttpContext http, HealthReport report)
    {
        var body = new ReadinessReport(
            report.Status.ToString().ToLowerInvariant(),
            report.Entries.Select(e => new ReadinessEntry(e.Key, e.Value.Status.ToString().ToLowerInvariant(), e.Value.Description,
                Math.Round(e.Value.Duration.TotalMilliseconds, 1))).ToArray(),
            report.Entries.Where(e => e.Value.Status == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy).Select(e => e.Key).ToArray());
        http.Response.ContentType = "application/json; charset=utf-8";
        return http.Response.WriteAsync(JsonSerializer.Serialize(body, JsonOptions), http.RequestAborted);
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
