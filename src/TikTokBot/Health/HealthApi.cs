namespace TikTokBot.Health;

public static class HealthApi
{
    /// <summary>Maps <c>GET /healthz</c>: a liveness answer that reveals nothing about configuration or secrets.</summary>
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/healthz", () => TypedResults.Ok(new HealthStatus("ok")));
        return routes;
    }
}

public sealed record HealthStatus(string Status);
