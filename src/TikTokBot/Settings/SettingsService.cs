using TikTokBot.Permissions;
using TikTokBot.Storage;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.Settings;

/// <summary>A settings change: what was saved, or why nothing was (the person may not change settings).</summary>
public sealed record SettingsChange<T>(T? Saved, string? Refusal) where T : class
{
    public static SettingsChange<T> Refused(PermissionResult permission) => new(null, permission.Refusal);
}

/// <summary>
/// Settings: a campaign's success criteria, its ad credit, the team's aliases, and the audit trail of their changes. Every
/// change is checked against <see cref="SettingsPermission"/> here, so the command, the modals and the terminal cannot
/// differ; other capabilities ask <see cref="AuthoriseAsync"/> before changing their own settings (digest subscriptions).
/// </summary>
public sealed class SettingsService(IWorkspaceStorage storage, SettingsPermission permission)
{
    /// <summary>Whether the person may change the workspace's settings; the terminal's operator always may.</summary>
    public Task<PermissionResult> AuthoriseAsync(Asker asker, CancellationToken ct) =>
        asker.IsLocalOperator ? Task.FromResult(PermissionResult.Granted) : permission.CanChangeSettingsAsync(asker.EnterpriseId, asker.TeamId, asker.UserId, ct);

    public Task<CampaignSuccessCriteria?> CriteriaAsync(string teamId, string campaignId, CancellationToken ct) =>
        storage.ForTeam(teamId).SuccessCriteria.FindAsync(campaignId, ct);

    public async Task<SettingsChange<CampaignSuccessCriteria>> SetTargetAsync(
        Asker asker, CampaignInfo campaign, string objective, decimal target, long minimumVolume, CancellationToken ct)
    {
        var allowed = await AuthoriseAsync(asker, ct);
        return allowed.Allowed
            ? new(await storage.ForTeam(asker.TeamId).SuccessCriteria.SetAsync(
                new SuccessCriteriaDetails(campaign.Id, objective, target, minimumVolume), asker.UserId, ct), null)
            : SettingsChange<CampaignSuccessCriteria>.Refused(allowed);
    }

    public async Task<SettingsChange<AdCreditWindow>> AddCreditAsync(
        Asker asker, CampaignInfo campaign, decimal amount, DateOnly start, DateOnly expiry, CancellationToken ct)
    {
        var allowed = await AuthoriseAsync(asker, ct);
        return allowed.Allowed
            ? new(await storage.ForTeam(asker.TeamId).CreditWindows.AddAsync(
                new CreditWindowDetails(CreditScope.Campaign, campaign.Id, amount, start, expiry), asker.UserId, ct), null)
            : SettingsChange<AdCreditWindow>.Refused(allowed);
    }

    public async Task<SettingsChange<CampaignAlias>> SetAliasAsync(Asker asker, string alias, CampaignInfo campaign, CancellationToken ct)
    {
        var allowed = await AuthoriseAsync(asker, ct);
        return allowed.Allowed
            ? new(await storage.ForTeam(asker.TeamId).Aliases.SetAsync(alias, campaign.Id, asker.UserId, ct), null)
            : SettingsChange<CampaignAlias>.Refused(allowed);
    }

    /// <summary>The workspace's most recent settings changes first.</summary>
    public Task<IReadOnlyList<SettingsChange>> AuditAsync(string teamId, int limit, CancellationToken ct) =>
        storage.ForTeam(teamId).Audit.ListAsync(limit, ct);
}
