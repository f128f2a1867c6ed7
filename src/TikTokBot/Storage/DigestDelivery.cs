namespace TikTokBot.Storage;

/// <summary>
/// One subscription's digest for one local date; <see cref="PartsPosted"/> counts the messages of a split digest already
/// sent, <see cref="NextAttemptAt"/> is when a failed day is tried again (null: delivered, claimed, or given up).
/// </summary>
internal sealed record DigestDelivery(
    string SubscriptionId,
    DateOnly LocalDate,
    DeliveryState State,
    string? MessageTs,
    string? Failure,
    int Attempts,
    DateTimeOffset ClaimedAt,
    DateTimeOffset? FinishedAt,
    int PartsPosted = 0,
    DateTimeOffset? NextAttemptAt = null);
