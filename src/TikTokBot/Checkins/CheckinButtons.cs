using TikTokBot.Domain.Diagnosis;
using TikTokBot.Reports;
using TikTokBot.Requests;
using TikTokBot.Slack.BlockKit;
using static TikTokBot.Requests.ButtonCodec;

namespace TikTokBot.Checkins;

/// <summary>
/// "I'll take it" and "Assign…" under each finding of "What should I fix?" (and of the digest's check-in part). The values name only the campaign and the
/// finding's rule; the press looks both up again in the presser's workspace.
/// </summary>
internal sealed class CheckinButtons : IFindingButtons
{
    public Task<IReadOnlyDictionary<Finding, IReadOnlyList<BlockElement>>> ForAsync(string teamId, CampaignOverview overview, CancellationToken ct)
    {
        var buttons = new Dictionary<Finding, IReadOnlyList<BlockElement>>();
        foreach (var finding in overview.Fixes.Fixes.Select(f => f.Because).Distinct())
        {
            buttons[finding] = For(overview.Campaign.Id, finding);
        }

        return Task.FromResult<IReadOnlyDictionary<Finding, IReadOnlyList<BlockElement>>>(buttons);
    }

    /// <summary>"I'll take it" and "Assign…" for one finding of one campaign (a fix reply's, a digest's).</summary>
    public static IReadOnlyList<BlockElement> For(string campaignId, Finding finding)
    {
        var target = new FindingTarget(campaignId, null, finding.RuleId);
        return
        [
            Elements.Button(ButtonIds.TakeFix, "I'll take it", ButtonCodec.Encode(target)),
            Elements.UsersSelect(ButtonIds.AssignFor(target), "Assign…"),
        ];
    }
}
