namespace TikTokBot.Jobs;

/// <summary>Configuration <c>Scheduler:*</c>: Hangfire, which fires each subscription's recurring job, and its dashboard.</summary>
internal sealed class SchedulerOptions
{
    public const string SectionName = "Scheduler";

    /// <summary>
    /// <c>Memory</c> (Hangfire.InMemory, the default: one instance, nothing kept, as our own tables know what is due) or
    /// <c>Postgres</c> (Hangfire.PostgreSql: several instances share the schedule, each firing runs on one of them).
    /// </summary>
    public string Store { get; set; } = "Memory";

    /// <summary>For <c>Postgres</c>; empty means <c>Storage:ConnectionString</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Hangfire workers of one instance: the digests it sends at once.</summary>
    public int WorkerCount { get; set; } = 8;

    /// <summary>How often an instance looks for recurring jobs that are due and for retries whose wait is over.</summary>
    public TimeSpan PollingInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Where the Hangfire Dashboard is served; it is not served at all without <see cref="DashboardToken"/>.</summary>
    public string DashboardPath { get; set; } = "/hangfire";

    /// <summary>The secret that opens the dashboard (as a bearer token, or typed once into its login page for a cookie).</summary>
    public string? DashboardToken { get; set; }

    /// <summary>Lets the dashboard trigger, retry and delete jobs; read-only otherwise.</summary>
    public bool DashboardWrite { get; set; }
}
