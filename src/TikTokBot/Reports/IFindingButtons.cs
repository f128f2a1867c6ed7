using TikTokBot.Domain.Diagnosis;
using TikTokBot.Slack.BlockKit;

namespace TikTokBot.Reports;

/// <summary>
/// Buttons a capability above Reports puts under the findings of "What should I fix?" (Actions: pause an ad group,
/// raise a budget). Reports asks every registered one and draws what they give, so it never depends on them.
/// </summary>
internal interface IFindingButtons
{
    /// <summary>The buttons of each finding, for this workspace; none when it may not act on the campaign.</summary>
    Task<IReadOnlyDictionary<Finding, IReadOnlyList<BlockElement>>> ForAsync(string teamId, CampaignOverview overview, CancellationToken ct);
}
