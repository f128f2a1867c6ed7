namespace TikTokBot.Storage;

internal interface ISettingsAuditRepository
{
    /// <summary>The most recent changes first.</summary>
    Task<IReadOnlyList<SettingsChange>> ListAsync(int limit, CancellationToken ct);
}
