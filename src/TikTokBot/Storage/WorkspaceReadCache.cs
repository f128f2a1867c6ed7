using TikTokBot.TikTok.Caching;
using static TikTokBot.Settings.SettingsService;

namespace TikTokBot.Storage;

/// <summary>
/// What every request reads of a workspace (its aliases, success criteria and credit windows, its TikTok connections),
/// kept in the app's one cache under the workspace's tag: each read is kept for <see cref="StorageOptions.SettingsFreshFor"/>
/// (or the freshness its reader gives), and every write to the workspace through this process's storage drops everything
/// tagged with the workspace at once (<see cref="Changed"/>), its reads and what was built with them. A read that raced a write
/// is answered once and not kept. A write made by another instance sharing the database is seen within that time.
/// </summary>
internal sealed class WorkspaceReadCache(ReportCache cache, StorageOptions options)
{
    /// <summary>What <paramref name="read"/> answers for <paramref name="key"/>, from memory while it is fresh.</summary>
    public Task<T> ReadAsync<T>(WorkspaceReadKey key, Func<Task<T>> read) where T : class =>
        ReadAsync(key, options.SettingsFreshFor, read);

    /// <summary>The same, kept for <paramref name="freshFor"/> (zero: read every time) instead of the settings' freshness.</summary>
    public Task<T> ReadAsync<T>(WorkspaceReadKey key, TimeSpan freshFor, Func<Task<T>> read) where T : class =>
        // Every request reads these: a fresh one is answered without building the tags and the load.
        cache.TryPeek<T>(key, out var kept) && kept is not null
            ? Task.FromResult(kept)
            : cache.GetOrLoadFor(key, freshFor, [CacheTag.Workspace(key.TeamId)], read, CancellationToken.None);

    /// <summary>Called after every committed write to the team: nothing read or built for it before is answered again.</summary>
    public void Changed(string teamId) => cache.Invalidate(CacheTag.Workspace(teamId));

    /// <summary>One of the reads every request makes of a workspace, kept in the one cache under the workspace's tag.</summary>
    internal sealed record WorkspaceReadKey(string TeamId, WorkspaceReadKind What) : CacheKey;

    /// <summary>What a <see cref="WorkspaceReadKey"/> reads.</summary>
    internal enum WorkspaceReadKind
    {
        /// <summary>Every campaign's success criteria and the team's credit windows.</summary>
        CampaignSettings,

        /// <summary>The team's campaign aliases.</summary>
        Aliases,

        /// <summary>The team's TikTok connections (advertisers, tokens, their state).</summary>
        TikTokConnections,
    }
}
