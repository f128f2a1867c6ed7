namespace TikTokBot.Health;

internal sealed record ReadinessEntry(string Name, string Status, string? Description, double DurationMs);
