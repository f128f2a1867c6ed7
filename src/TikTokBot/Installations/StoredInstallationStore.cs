using TikTokBot.Slack.OAuth;
using TikTokBot.Storage;

namespace TikTokBot.Installations;

/// <summary>
/// Slack installations kept in the app's database, so every instance and every restart knows them; the bot token is
/// encrypted at rest by the storage layer. An org-wide install is kept under its enterprise id.
/// </summary>
internal sealed class StoredInstallationStore(IWorkspaceStorage storage) : IInstallationStore
{
    public async Task SaveAsync(SlackInstallation installation, CancellationToken ct)
    {
        var key = KeyOf(installation.IsEnterpriseInstall ? installation.EnterpriseId : null, installation.TeamId);
        await storage.ForTeam(key).Installation.SaveAsync(
            new InstallationDetails(installation.EnterpriseId, installation.BotToken, installation.BotUserId, installation.InstallerUserId ?? "unknown"), ct);
    }

    public async Task<SlackInstallation?> FindAsync(string? enterpriseId, string? teamId, CancellationToken ct)
    {
        // A workspace of an org-wide install has no row of its own: fall back to the enterprise's.
        var stored = teamId is not null ? await storage.ForTeam(teamId).Installation.FindAsync(ct) : null;
        stored ??= enterpriseId is not null ? await storage.ForTeam(KeyOf(enterpriseId, null)).Installation.FindAsync(ct) : null;
        return stored is null
            ? null
            : new SlackInstallation
            {
                EnterpriseId = stored.EnterpriseId,
                TeamId = teamId,
                BotToken = stored.BotToken,
                BotUserId = stored.BotUserId,
                InstallerUserId = stored.InstalledBy,
                InstalledAt = stored.InstalledAt,
                IsEnterpriseInstall = teamId is null,
            };
    }

    public async Task DeleteAsync(string? enterpriseId, string? teamId, CancellationToken ct) =>
        await storage.ForTeam(KeyOf(teamId is null ? enterpriseId : null, teamId)).Installation.DeleteAsync("slack", ct);

    private static string KeyOf(string? enterpriseId, string? teamId) =>
        enterpriseId is not null ? $"enterprise:{enterpriseId}" : teamId ?? throw new ArgumentException("An installation needs a team or an enterprise id.");
}
