namespace TikTokBot.Storage;

/// <summary>The record of digests delivered: one row per subscription and local date, claimed by exactly one sender.</summary>
internal interface IDigestDeliveryRepository
{
    /// <summary>
    /// The day's delivery as claimed when the caller now owns it and must send it: no one claimed it yet, the last
    /// attempt failed, or the last claim is older than <paramref name="lease"/> (its sender died between claim and post).
    /// Null when it is claimed or delivered already, or the subscription is not this team's active, unpaused one.
    /// </summary>
    Task<DigestDelivery?> ClaimAsync(string subscriptionId, DateOnly localDate, TimeSpan lease, CancellationToken ct);

    /// <summary>Records that the first <paramref name="partsPosted"/> messages are in the channel; false unless the delivery is claimed.</summary>
    Task<bool> RecordPartsPostedAsync(string subscriptionId, DateOnly localDate, int partsPosted, string messageTs, CancellationToken ct);

    /// <summary>
    /// Records the posted message and that all <paramref name="partsPosted"/> messages are in the channel, in one write
    /// (a one-message digest needs no separate parts record); false unless the delivery was claimed.
    /// </summary>
    Task<bool> MarkDeliveredAsync(string subscriptionId, DateOnly localDate, string messageTs, int partsPosted, CancellationToken ct);

    /// <summary>
    /// Records why sending failed, which lets a later attempt claim it again, and when that attempt is due
    /// (<paramref name="retryAt"/>; null when the day is given up); false unless the delivery was claimed.
    /// </summary>
    Task<bool> MarkFailedAsync(string subscriptionId, DateOnly localDate, string failure, DateTimeOffset? retryAt, CancellationToken ct);

    Task<DigestDelivery?> FindAsync(string subscriptionId, DateOnly localDate, CancellationToken ct);

    /// <summary>The subscription's deliveries, latest local date first.</summary>
    Task<IReadOnlyList<DigestDelivery>> ListAsync(string subscriptionId, CancellationToken ct);
}
