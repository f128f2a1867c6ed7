using System.Collections.Concurrent;

namespace TikTokBot.Slack.OAuth;

/// <summary>One workspace (or, for an org-wide install, one enterprise) that installed the app.</summary>
public sealed record SlackInstallation
{
    public string? EnterpriseId { get; init; }
    public string? EnterpriseName { get; init; }
    public string? TeamId { get; init; }
    public string? TeamName { get; init; }
    public bool IsEnterpriseInstall { get; init; }
    public required string BotToken { get; init; }
    public string? BotUserId { get; init; }
    public string? BotScopes { get; init; }
    public string? AppId { get; init; }
    public string? InstallerUserId { get; init; }
    public DateTimeOffset InstalledAt { get; init; }

    /// <summary>Keeps the token out of ToString so a logged installation cannot leak it.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("EnterpriseId = ").Append(EnterpriseId).Append(", TeamId = ").Append(TeamId)
            .Append(", IsEnterpriseInstall = ").Append(IsEnterpriseInstall).Append(", InstalledAt = ").Append(InstalledAt);
        return true;
    }
}

/// <summary>
/// Where installations live. An org-wide install is keyed by enterprise id alone; a workspace install by
/// team id. <see cref="FindAsync"/> prefers the workspace install and falls back to the org-wide one.
/// </summary>
public interface IInstallationStore
{
    Task SaveAsync(SlackInstallation installation, CancellationToken ct);

    Task<SlackInstallation?> FindAsync(string? enterpriseId, string? teamId, CancellationToken ct);

    /// <summary>Deletes the workspace install of <paramref name="teamId"/>, or the org-wide one when no team is given.</summary>
    Task DeleteAsync(string? enterpriseId, string? teamId, CancellationToken ct);
}

/// <summary>Installations kept in memory; for tests and single-instance use.</summary>
public sealed class InMemoryInstallationStore : IInstallationStore
{
    private readonly ConcurrentDictionary<string, SlackInstallation> _byKey = new(StringComparer.Ordinal);

    public Task SaveAsync(SlackInstallation installation, CancellationToken ct)
    {
        _byKey[KeyOf(installation.IsEnterpriseInstall ? installation.EnterpriseId : null, installation.IsEnterpriseInstall ? null : installation.TeamId)] = installation;
        return Task.CompletedTask;
    }

    public Task<SlackInstallation?> FindAsync(string? enterpriseId, string? teamId, CancellationToken ct)
    {
        if (teamId is not null && _byKey.TryGetValue(KeyOf(null, teamId), out var workspace))
            return Task.FromResult<SlackInstallation?>(workspace);
        if (enterpriseId is not null && _byKey.TryGetValue(KeyOf(enterpriseId, null), out var org))
            return Task.FromResult<SlackInstallation?>(org);
        return Task.FromResult<SlackInstallation?>(null);
    }

    public Task DeleteAsync(string? enterpriseId, string? teamId, CancellationToken ct)
    {
        _byKey.TryRemove(teamId is not null ? KeyOf(null, teamId) : KeyOf(enterpriseId, null), out _);
        return Task.CompletedTask;
    }

    private static string KeyOf(string? enterpriseId, string? teamId) => teamId is not null ? "T:" + teamId : "E:" + enterpriseId;
}
