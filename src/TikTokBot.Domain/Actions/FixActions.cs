using TikTokBot.Domain.Diagnosis;

namespace TikTokBot.Domain.Actions;

/// <summary>What a fix asks of the ad account when one action from Slack carries it out.</summary>
public enum FixMove
{
    PauseCampaign,

    /// <summary>Pause the ad groups that spent meaningfully without a conversion.</summary>
    PauseAdGroupsWithoutResults,

    /// <summary>Pause the ad groups that spent meaningfully without a live (real-time) conversion.</summary>
    PauseAdGroupsWithoutLiveResults,
    RaiseBudget,
    LowerBudget,
}

/// <summary>One ad group over the report's period, as the fix buttons need it.</summary>
public sealed record AdGroupFigures(string Id, string Name, decimal Spend, long Conversions, long RealTimeConversions, bool Enabled);

/// <summary>A button's label and the action it proposes (the proposal is then read fresh and confirmed as any other).</summary>
public sealed record FixProposal(string Label, ActionIntent Intent);

/// <summary>
/// Which fixes of the "What should I fix?" list one action carries out, and with what values. Only fixes whose
/// meaning is a pause or a budget change in a known direction get one; "hold the budget" or "pause the affected ad
/// group" (which one is not known) get none.
/// </summary>
public static class FixActions
{
    /// <summary>Slack shows at most a few buttons in a row before it gets unreadable; the largest spenders come first.</summary>
    public const int MaxAdGroupButtons = 4;

    /// <summary>The moves of one fix, by the rule that found it (rule ids are stable; the wording is not).</summary>
    public static IReadOnlyList<FixMove> MovesOf(Finding finding, Fix fix) => (finding.RuleId, fix.Kind) switch
    {
        ("spend-without-results", FixKind.Pause) => [FixMove.PauseAdGroupsWithoutResults, FixMove.PauseCampaign],
        ("no-live-conversions", FixKind.Pause) => [FixMove.PauseAdGroupsWithoutLiveResults],
        ("low-delivery" or "real-time-cpa-below-target", FixKind.Budget) => [FixMove.RaiseBudget],
        _ => [],
    };

    /// <summary>
    /// The proposals of one finding's fixes, without repeats. An ad group "spends without results" when it is running,
    /// spent at least the finding's own meaningful spend and had no (live) conversion. A budget step goes to the
    /// campaign when it has a budget of its own, else to its largest-spending ad groups.
    /// </summary>
    /// <param name="campaignBudget">The campaign's own budget, or null when its ad groups hold the budgets.</param>
    public static IReadOnlyList<FixProposal> Propose(
        Finding finding, string campaignId, decimal? campaignBudget, IReadOnlyList<AdGroupFigures> adGroups, decimal stepPercent)
    {
        var proposals = new List<FixProposal>();
        foreach (var move in finding.Fixes.SelectMany(fix => MovesOf(finding, fix)).Distinct())
        {
            proposals.AddRange(Propose(move, campaignId, campaignBudget, adGroups, MeaningfulSpend(finding), stepPercent));
        }

        return proposals.DistinctBy(p => p.Intent).ToList();
    }

    public static IEnumerable<FixProposal> Propose(
        FixMove move, string campaignId, decimal? campaignBudget, IReadOnlyList<AdGroupFigures> adGroups, decimal meaningfulSpend, decimal stepPercent)
    {
        var bySpend = adGroups.Where(g => g.Enabled && g.Spend > 0m).OrderByDescending(g => g.Spend).ThenBy(g => g.Id, StringComparer.Ordinal);
        switch (move)
        {
            case FixMove.PauseCampaign:
                return [new("Pause campaign", ActionIntent.Pause(ActionLevel.Campaign, campaignId))];
            case FixMove.PauseAdGroupsWithoutResults or FixMove.PauseAdGroupsWithoutLiveResults:
                var live = move == FixMove.PauseAdGroupsWithoutLiveResults;
                return bySpend.Where(g => g.Spend >= meaningfulSpend && (live ? g.RealTimeConversions : g.Conversions) == 0)
                    .Take(MaxAdGroupButtons)
                    .Select(g => new FixProposal($"Pause ad group {g.Name}", ActionIntent.Pause(ActionLevel.AdGroup, g.Id)));
            default:
                var step = BudgetChange.ByPercent(move == FixMove.RaiseBudget ? Math.Abs(stepPercent) : -Math.Abs(stepPercent));
                var verb = move == FixMove.RaiseBudget ? "Raise" : "Lower";
                return campaignBudget is > 0m
                    ? [new($"{verb} budget {step}", ActionIntent.ChangeBudget(ActionLevel.Campaign, campaignId, step))]
                    : bySpend.Take(MaxAdGroupButtons).Select(g => new FixProposal($"{verb} budget of {g.Name} {step}", ActionIntent.ChangeBudget(ActionLevel.AdGroup, g.Id, step)));
        }
    }

    /// <summary>The spend the finding itself held as meaningful (its evidence's reference); 0 when it names none.</summary>
    private static decimal MeaningfulSpend(Finding finding) =>
        finding.Evidence.FirstOrDefault(e => e.ReferenceLabel == "meaningful spend")?.Reference ?? 0m;
}
