using TikTokBot.Domain.Actions;

namespace TikTokBot.Requests;

/// <summary>A fix's or an alert's action button: the campaign (its advertiser is found through the workspace) and the intent on it or one of its ad groups.</summary>
internal sealed record ProposalRequest(string CampaignId, ActionIntent Intent) : ButtonValue;
