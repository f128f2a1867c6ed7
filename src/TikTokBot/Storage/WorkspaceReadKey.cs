using TikTokBot.TikTok.Caching;

namespace TikTokBot.Storage;

/// <summary>One of the reads every request makes of a workspace, kept in the one cache under the workspace's tag.</summary>
internal sealed record WorkspaceReadKey(string TeamId, WorkspaceReadKind What) : CacheKey;
