using TikTokBot.Accounts;
using TikTokBot.TikTok.Naming;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.Settings;

/// <summary>
/// The campaigns a workspace reads (from the source Accounts decides for it), found by id, by name, or by one of the
/// workspace's aliases. Settings finds the campaign a target or credit is for here; Reports finds the campaign of a report here.
/// </summary>
internal sealed class WorkspaceCampaigns(IWorkspaceSources sources, SettingsService settings)
{
    public async Task<IReadOnlyList<CampaignInfo>> ListAsync(string teamId, CancellationToken ct) =>
        await (await sources.SourceForAsync(teamId, ct)).Source.ListCampaignsAsync(ct);

    /// <summary>A campaign by what a person typed: its id, its name (or part of it), or one of the team's aliases.</summary>
    public async Task<CampaignResolution> FindAsync(string teamId, string typed, CancellationToken ct) =>
        CampaignResolver.Resolve(typed, await ListAsync(teamId, ct), await settings.AliasesAsync(teamId, ct));

    /// <summary>A campaign by its exact id (as a button carries it); null when the source no longer has it.</summary>
    public async Task<CampaignInfo?> FindByIdAsync(string teamId, string campaignId, CancellationToken ct) =>
        (await ListAsync(teamId, ct)).FirstOrDefault(c => c.Id == campaignId);
}
