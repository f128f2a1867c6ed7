using TikTokBot.Permissions;
using TikTokBot.Requests;
using TikTokBot.Slack.BlockKit;

namespace TikTokBot.Reports;

/// <summary>
/// The fixes in progress as the Check-ins capability lists them (<c>/ttmetrics fixes</c>), for a capability beside it
/// (Ask: "who took which fix?", "what am I on?") that may not reference it. Only the asking workspace's fixes.
/// </summary>
internal interface IFixesInProgress
{
    Task<SlackMessage> ListAsync(Asker asker, MetricsCommand.Fixes command, CancellationToken ct);
}
