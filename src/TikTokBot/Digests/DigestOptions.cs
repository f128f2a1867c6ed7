namespace TikTokBot.Digests;

/// <summary>Configuration <c>Digests:*</c>: defaults for a new subscription and how a day's digest is delivered.</summary>
internal sealed class DigestOptions
{
    public const string SectionName = "Digests";

    /// <summary>When <c>subscribe</c> names no time.</summary>
    public TimeOnly DefaultLocalTime { get; set; } = new(9, 0);

    /// <summary>When <c>subscribe</c> names no time zone (an IANA id).</summary>
    public string DefaultTimeZone { get; set; } = "UTC";

    /// <summary>How long a sender owns a claimed day; after it, a claim left by a crashed sender may be taken over.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A digest sent this long after its time says it is late (and why).</summary>
    public TimeSpan LateAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Waits before each new attempt after a failed one; when they run out the day is given up and logged. Null means
    /// 1, 5, 15 and 60 minutes (a default array would have configured values appended to it, not replace it).
    /// </summary>
    public TimeSpan[]? RetryDelays { get; set; }

    public const int DefaultMaxCharts = 2;

    /// <summary>
    /// Charts in one digest (credit windows, learning phases), drawn as Slack charts; more come as text. Slack takes two
    /// charts in a message, so the default keeps a digest one message.
    /// </summary>
    public int MaxCharts { get; set; } = DefaultMaxCharts;

    public IReadOnlyList<TimeSpan> Retries => RetryDelays is { Length: > 0 } delays
        ? delays
        : [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromHours(1)];
}

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
