using TikTokBot.Storage;
using static TikTokBot.Accounts.WorkspaceSources;

namespace TikTokBot.Accounts;

/// <summary>The source of each workspace's campaigns: its own connected advertisers, or what the deployment serves it.</summary>
internal interface IWorkspaceSources
{
    Task<WorkspaceSource> SourceForAsync(string teamId, CancellationToken ct);

    /// <summary>The workspace's TikTok connections as its reads see them (kept for <c>TikTok:ConnectionsFreshFor</c>).</summary>
    Task<IReadOnlyList<TikTokConnection>> ConnectionsAsync(string teamId, CancellationToken ct);

    /// <summary>What a workspace without connections reads (the deployment's static token or CSV, or the demo data); null when nothing.</summary>
    WorkspaceSource? DeploymentSource => null;
}
