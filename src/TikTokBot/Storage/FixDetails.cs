using TikTokBot.Domain.Metrics;

namespace TikTokBot.Storage;

/// <summary>
/// A fix as it is taken: the finding it answers on a campaign (and ad group, when the finding names one), the metric the
/// finding targets with its value and standing at that moment, who owns it, who took it, and the Slack thread it lives in.
/// </summary>
/// <param name="Metric">Null for a finding on facts alone (a pixel that never fired): such a fix gets no verdict.</param>
internal sealed record FixDetails(
    string FixId,
    string CampaignId,
    string? AdGroupId,
    string RuleId,
    string FindingTitle,
    MetricId? Metric,
    decimal? MetricValue,
    string Standing,
    string OwnerId,
    string TakenBy,
    string ChannelId,
    string ThreadTs);
