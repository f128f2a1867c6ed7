namespace TikTokBot.Storage;

internal sealed record ChannelSubscription(
    string Id,
    string ChannelId,
    IReadOnlyList<string> CampaignIds,
    TimeOnly LocalTime,
    string TimeZone,
    string SubscribedBy,
    DateTimeOffset SubscribedAt,
    string? PausedReason = null,
    string? EnterpriseId = null)
{
    /// <summary>No campaigns listed means every campaign the workspace can see.</summary>
    public bool AllCampaigns => CampaignIds.Count == 0;

    public bool IsPaused => PausedReason is not null;
}
