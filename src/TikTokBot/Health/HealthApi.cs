using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TikTokBot.Health;

internal static class HealthRegistration
{
    public const string Ready = "ready";
    public const string DatabaseCheck = "database";
    public const string SchedulerCheck = "scheduler";
    public const string ConfigurationCheck = "configuration";
    public const string TikTokQuotaCheck = "tiktok-quota";

    /// <summary>The readiness checks behind <c>/readyz</c>: database, scheduler, configuration, and the TikTok quota's state.</summary>
    public static IServiceCollection AddReadinessChecks(this IServiceCollection services)
    {
        // Each check has a deadline of its own: a database that stopped answering fails the probe instead of hanging it.
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>(DatabaseCheck, tags: [Ready], timeout: TimeSpan.FromSeconds(5))
            .AddCheck<SchedulerHealthCheck>(SchedulerCheck, tags: [Ready], timeout: TimeSpan.FromSeconds(5))
            .AddCheck<ConfigurationHealthCheck>(ConfigurationCheck, tags: [Ready])
            .AddCheck<TikTokQuotaHealthCheck>(TikTokQuotaCheck, tags: [Ready], timeout: TimeSpan.FromSeconds(5));
        return services;
    }
}

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

internal sealed record HealthStatus(string Status);

/// <summary>The body of <c>/readyz</c>: overall status, each check, and the names of those that failed.</summary>
internal sealed record ReadinessReport(string Status, IReadOnlyList<ReadinessEntry> Checks, IReadOnlyList<string> Failed);

internal sealed record ReadinessEntry(string Name, string Status, string? Description, double DurationMs);
