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
