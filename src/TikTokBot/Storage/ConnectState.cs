namespace TikTokBot.Storage;

/// <summary>A connect link handed to one person of one workspace.</summary>
internal sealed record ConnectState(string StateId, string? EnterpriseId, string UserId, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? UsedAt);
