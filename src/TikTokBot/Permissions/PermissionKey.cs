using TikTokBot.TikTok.Caching;

namespace TikTokBot.Permissions;

/// <summary>Slack's answer about whether one person holds one permission, kept for <c>Permissions:CacheLifetime</c>.</summary>
internal sealed record PermissionKey(Permission Permission, string TeamId, string UserId) : CacheKey;
