using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Objectives;
using TikTokBot.Permissions;
using TikTokBot.Storage;
using TikTokBot.TikTok.Sources;
using static TikTokBot.Storage.WorkspaceReadCache;

namespace TikTokBot.Settings;

/// <summary>
/// Settings: a campaign's success criteria, its ad credit, the team's aliases, and the audit trail of their changes. Every
/// change is checked against <see cref="IPermissionPolicy"/> here, so the command, the modals and the terminal cannot
/// differ; other capabilities ask <see cref="AuthoriseAsync"/> before changing their own settings (digest subscriptions).
/// </summary>
internal sealed class SettingsService(IWorkspaceStorage storage, IPermissionPolicy permission, DemoSettings demo, WorkspaceReadCache reads)
{
    /// <summary>
    /// Every campaign's criteria and the credit windows of the team, in two reads (on demo data, seeded at first use), kept in
    /// memory between changes as every report asks for them.
    /// </summary>
    public Task<CampaignSettings> CampaignSettingsAsync(string teamId, CancellationToken ct) =>
        // Seeded before the read: a kept read was made after its seeding, so a request answered from memory opens no store.
        ReadAsync(new WorkspaceReadKey(teamId, WorkspaceReadKind.CampaignSettings), async () =>
        {
            var store = await StoreAsync(teamId, ct);
            var criteria = (await store.SuccessCriteria.ListAsync(ct)).ToDictionary(c => c.CampaignId, c => c.ToCriteria());
            return new CampaignSettings(criteria, await store.CreditWindows.ListAsync(ct));
        });

    /// <summary>The team's aliases: alias to campaign id, regardless of case.</summary>
    public Task<IReadOnlyDictionary<string, string>> AliasesAsync(string teamId, CancellationToken ct) =>
        ReadAsync<IReadOnlyDictionary<string, string>>(new WorkspaceReadKey(teamId, WorkspaceReadKind.Aliases), async () =>
            (await storage.ForTeam(teamId).Aliases.ListAsync(ct)).ToDictionary(a => a.Alias, a => a.CampaignId, StringComparer.OrdinalIgnoreCase));

    private Task<T> ReadAsync<T>(WorkspaceReadKey key, Func<Task<T>> read) where T : class =>
        reads.ReadAsync(key, read);

    /// <summary>Whether the person may change the workspace's settings; the terminal's operator always may.</summary>
    public Task<PermissionResult> AuthoriseAsync(Asker asker, CancellationToken ct) =>
        asker.IsLocalOperator ? Task.FromResult(PermissionResult.Granted) : permission.CheckAsync(Permission.ChangeSettings, asker.EnterpriseId, asker.TeamId, asker.UserId, ct);

    public async Task<CampaignSuccessCriteria?> CriteriaAsync(string teamId, string campaignId, CancellationToken ct) =>
        await (await StoreAsync(teamId, ct)).SuccessCriteria.FindAsync(campaignId, ct);

    /// <param name="metric">The metric the target is on; the objective's cost per result is stored as none, so it follows the objective.</param>
    public async Task<SettingsChange<CampaignSuccessCriteria>> SetTargetAsync(
        Asker asker, CampaignInfo campaign, MetricId metric, decimal target, long minimumVolume, CancellationToken ct)
    {
        var allowed = await AuthoriseAsync(asker, ct);
        var profile = ObjectiveCatalogue.Profile(campaign.Objective ?? Objective.Awareness);
        return allowed.Allowed
            ? new(await storage.ForTeam(asker.TeamId).SuccessCriteria.SetAsync(
                new SuccessCriteriaDetails(campaign.Id, profile.Objective.ToString(), target, minimumVolume, metric == profile.CostPerOutcome ? null : metric.ToString()),
                asker.UserId, ct), null)
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
    public async Task<IReadOnlyList<SettingsChange>> AuditAsync(string teamId, int limit, CancellationToken ct) =>
        await (await StoreAsync(teamId, ct)).Audit.ListAsync(limit, ct);

    private async Task<IWorkspaceStore> StoreAsync(string teamId, CancellationToken ct)
    {
        var store = storage.ForTeam(teamId);
        await demo.EnsureSeededAsync(store, ct);
        return store;
    }

    /// <summary>The team's success criteria and credit windows, read once for a batch of campaigns.</summary>
    internal sealed record CampaignSettings(IReadOnlyDictionary<string, SuccessCriteria> Criteria, IReadOnlyList<AdCreditWindow> CreditWindows)
    {
        public SuccessCriteria? CriteriaFor(string campaignId) => Criteria.GetValueOrDefault(campaignId);

        /// <summary>The campaign's most recently started credit window, if the team entered one.</summary>
        public AdCreditWindow? CreditFor(string campaignId) => CreditWindows.LatestFor(campaignId);
    }
}
