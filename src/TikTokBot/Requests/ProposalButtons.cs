using TikTokBot.Domain.Actions;
using TikTokBot.Slack.BlockKit;
using static TikTokBot.Requests.ButtonCodec;

namespace TikTokBot.Requests;

/// <summary>
/// Buttons other capabilities put on their messages to start an action. Pressing one only proposes: the proposal is
/// read fresh from TikTok and shown with Confirm / Cancel, through every guard rail, exactly like the command.
/// </summary>
internal static class ProposalButtons
{
    /// <summary>
    /// "Pause ad group &lt;name&gt;" (for alerts and fixes). The value names the campaign and the ad group; on the press
    /// the campaign must be one the presser's workspace reads and the ad group must belong to it, so a value copied to
    /// or forged in another workspace writes nothing. Several of these in one message get distinct action ids.
    /// </summary>
    public static ButtonElement PauseAdGroup(string campaignId, string adGroupId, string adGroupName) =>
        Propose(campaignId, new FixProposal($"Pause ad group {adGroupName}", ActionIntent.Pause(ActionLevel.AdGroup, adGroupId)));

    /// <summary>A button proposing <paramref name="proposal"/> on campaign <paramref name="campaignId"/> or one of its ad groups.</summary>
    public static ButtonElement Propose(string campaignId, FixProposal proposal) =>
        Elements.Button(ButtonIds.ProposeFor(proposal.Intent), proposal.Label, ButtonCodec.Encode(new ProposalRequest(campaignId, proposal.Intent)));
}
