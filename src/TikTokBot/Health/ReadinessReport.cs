namespace TikTokBot.Health;

/// <summary>The body of <c>/readyz</c>: overall status, each check, and the names of those that failed.</summary>
internal sealed record ReadinessReport(string Status, IReadOnlyList<ReadinessEntry> Checks, IReadOnlyList<string> Failed);
