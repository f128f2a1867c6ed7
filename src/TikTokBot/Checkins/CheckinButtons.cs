using TikTokBot.Domain.Diagnosis;
using TikTokBot.Reports;
using TikTokBot.Requests;
using TikTokBot.Slack.BlockKit;

namespace TikTokBot.Checkins;

/// <summary>
/// "I'll take it" and "Assign…" under each finding of "What should I fix?". The values name only the campaign and the
/// finding's rule; the press looks both up again in the presser's workspace.
/// </summary>
internal sealed class CheckinButtons : IFindingButtons
{
    public Task<IReadOnlyDictionary<Finding, IReadOnlyList<BlockElement>>> ForAsync(string teamId, CampaignOverview overview, CancellationToken ct)
    {
        var buttons = new Dictionary<Finding, IReadOnlyList<BlockElement>>();
        foreach (var finding in overview.Fixes.Fixes.Select(f => f.Because).Distinct())
        {
            var target = new FindingTarget(overview.Campaign.Id, null, finding.RuleId);
            buttons[finding] =
            [
                Elements.Button(ButtonIds.TakeFix, "I'll take it", ButtonCodec.Encode(target)),
                Elements.UsersSelect(ButtonIds.AssignFor(target), "Assign…"),
            ];
        }

        return Task.FromResult<IReadOnlyDictionary<Finding, IReadOnlyList<BlockElement>>>(buttons);
    }
}
