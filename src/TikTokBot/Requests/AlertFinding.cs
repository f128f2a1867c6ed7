using TikTokBot.Domain.Alerts;

namespace TikTokBot.Requests;

/// <summary>
/// An alert's finding, to take or assign as a fix: the campaign (and the ad group the alert names, when it names one)
/// and the alert's rule. Looked up again in the presser's workspace: the alert must have been sent there.
/// </summary>
internal sealed record AlertFinding(string CampaignId, string? AdGroupId, AlertRule Rule) : ButtonValue;
