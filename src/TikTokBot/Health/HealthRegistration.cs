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
