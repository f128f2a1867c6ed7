using TikTokBot.Domain.Actions;

namespace TikTokBot.Storage;

/// <summary>An action as asked, before anything is written: the id is chosen by the caller, so a retry is recognised.</summary>
/// <param name="Level">Stored as <c>campaign</c> or <c>adgroup</c>.</param>
/// <param name="Kind">Stored as <c>pause</c>, <c>resume</c> or <c>budget</c>.</param>
/// <param name="Asked">What the person typed or pressed, such as <c>+20%</c>.</param>
/// <param name="FromValue"><c>enabled</c>, <c>paused</c> or an amount, as read fresh when it was proposed.</param>
/// <param name="UndoesId">For an undo, the action it reverses.</param>
internal sealed record ActionRequestDetails(
    string Id,
    string ChannelId,
    string RequestedBy,
    string AdvertiserId,
    string CampaignId,
    string? AdGroupId,
    ActionLevel Level,
    ActionKind Kind,
    string Asked,
    string FromValue,
    string ToValue,
    DateTimeOffset ExpiresAt,
    string? UndoesId = null);
