namespace TikTokBot.Health;

internal sealed record HealthStatus(string Status);
