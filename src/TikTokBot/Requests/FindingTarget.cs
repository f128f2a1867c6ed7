namespace TikTokBot.Requests;

/// <summary>
/// "I'll take it" and "Assign…" under a finding: the campaign, the ad group when the finding names one, and the
/// finding's rule. The finding itself (title, metric, standing) is read again from the presser's own workspace.
/// </summary>
internal sealed record FindingTarget(string CampaignId, string? AdGroupId, string RuleId) : ButtonValue;
