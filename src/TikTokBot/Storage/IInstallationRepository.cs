namespace TikTokBot.Storage;

/// <summary>The workspace's bot installation; the bot token is encrypted at rest.</summary>
internal interface IInstallationRepository
{
    /// <summary>Creates or replaces the installation (a reinstall replaces the token).</summary>
    Task<Installation> SaveAsync(InstallationDetails details, CancellationToken ct);

    Task<Installation?> FindAsync(CancellationToken ct);

    /// <summary>Forgets the installation and its token (uninstall); settings stay. False when there was none.</summary>
    Task<bool> DeleteAsync(string removedBy, CancellationToken ct);
}
