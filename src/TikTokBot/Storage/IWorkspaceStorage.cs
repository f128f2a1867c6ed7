namespace TikTokBot.Storage;

/// <summary>
/// The way into stored data. Every repository is reached through <see cref="ForTeam"/>, and every one of its
/// queries filters on that team, so no method can read or change another workspace's rows.
/// </summary>
internal interface IWorkspaceStorage
{
    /// <summary>The repositories of one Slack workspace.</summary>
    IWorkspaceStore ForTeam(string teamId);

    /// <summary>The teams with an installation or an active subscription, for start-up work such as scheduling digests.</summary>
    Task<IReadOnlyList<string>> ListTeamsAsync(CancellationToken ct);
}
