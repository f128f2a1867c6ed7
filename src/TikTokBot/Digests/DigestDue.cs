namespace TikTokBot.Digests;

/// <summary>
/// One digest to send: the subscription and either the local date (a retry) or the instant whose latest due day is
/// meant (<see cref="FiredFor"/>, the recurring firing; default <see cref="Now"/>).
/// </summary>
internal sealed record DigestDue(string TeamId, string SubscriptionId, DateOnly? LocalDate, DateTimeOffset Now, DateTimeOffset? FiredFor = null);
