using Microsoft.Extensions.Options;
using TikTokBot.Domain.Actions;
using TikTokBot.Domain.Diagnosis;
using TikTokBot.Reports;
using TikTokBot.Requests;
using TikTokBot.Slack.BlockKit;
using TikTokBot.TikTok.Sources;
using TikTokBot.TikTok.Writes;

namespace TikTokBot.Actions;

/// <summary>
/// The buttons of "What should I fix?": each fix that one action carries out (<see cref="FixActions"/>) gets its
/// button, which opens the usual confirmation. Only where this workspace may act on the campaign's advertiser: none
/// on a read-only source (CSV), none for an advertiser the workspace does not own. Everything a button names comes
/// from this workspace's own report (the campaign, its ad groups), never from elsewhere.
/// </summary>
internal sealed class FixButtons(
    ReportService reports, IWriteTargets targets, IWorkspaceAdvertisers advertisers, IOptionsMonitor<ActionOptions> options, ILogger<FixButtons> logger) : IFindingButtons
{
    /// <summary>The buttons of each finding, a proposal shown once per message (under the first finding that asks for it).</summary>
    public async Task<IReadOnlyDictionary<Finding, IReadOnlyList<BlockElement>>> ForAsync(string teamId, CampaignOverview overview, CancellationToken ct)
    {
        var campaign = overview.Campaign;
        var findings = overview.Fixes.Fixes.Select(f => f.Because).Distinct().Where(f => f.Fixes.Any(fix => FixActions.MovesOf(f, fix).Count > 0)).ToList();
        if (findings.Count == 0 || await advertisers.FindForButtonsAsync(teamId, campaign.AdvertiserId, ct) is not { } access || targets.For(access).ReadOnlyReason is not null)
        {
            return new Dictionary<Finding, IReadOnlyList<BlockElement>>();
        }

        var adGroups = await AdGroupsAsync(teamId, overview, ct);
        var shown = new HashSet<ActionIntent>();
        var buttons = new Dictionary<Finding, IReadOnlyList<BlockElement>>();
        foreach (var finding in findings)
        {
            var proposals = FixActions.Propose(finding, campaign.Id, campaign.Budget, adGroups, options.CurrentValue.FixBudgetStepPercent)
                .Where(p => shown.Add(p.Intent))
                .Select(p => (BlockElement)ProposalButtons.Propose(campaign.Id, p))
                .ToList();
            if (proposals.Count > 0)
            {
                buttons[finding] = proposals;
            }
        }

        return buttons;
    }

    /// <summary>The campaign's ad groups over the report's period; none when the source cannot say (then only campaign buttons show).</summary>
    private async Task<IReadOnlyList<AdGroupFigures>> AdGroupsAsync(string teamId, CampaignOverview overview, CancellationToken ct)
    {
        try
        {
            var breakdown = await reports.BreakdownAsync(teamId, overview.Campaign, BreakdownDimension.AdGroup, overview.Period, ct);
            return breakdown.Rows
                .Select(r => new AdGroupFigures(r.Key, r.Name, r.Totals.Counts.Spend, r.Totals.Counts.Conversions, r.Totals.Counts.RealTimeConversions, Enabled: r.Status is null))
                .ToList();
        }
        catch (MetricSourceException e)
        {
            logger.LogWarning("Ad groups of campaign {CampaignId} not read for the fix buttons: {Reason}", overview.Campaign.Id, e.Message);
            return [];
        }
    }
}
