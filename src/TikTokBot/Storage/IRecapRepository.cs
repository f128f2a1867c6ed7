namespace TikTokBot.Storage;

/// <summary>
/// The weekly check-in recaps of the workspace's channel subscriptions: one per subscription and week, claimed by exactly
/// one poster before it is posted.
/// </summary>
internal interface IRecapRepository
{
    /// <summary>
    /// Claims the week's recap for the caller: never claimed, or claimed more than <paramref name="lease"/> ago and never
    /// posted (its poster died). False when another poster holds it or it was posted, or the subscription is not this
    /// team's active, unpaused one.
    /// </summary>
    Task<bool> TryClaimAsync(string subscriptionId, DateOnly weekStart, TimeSpan lease, CancellationToken ct);

    /// <summary>Records the claimed recap posted (<paramref name="messageTs"/> '-' when there was nothing to post); false unless it was claimed.</summary>
    Task<bool> MarkPostedAsync(string subscriptionId, DateOnly weekStart, string messageTs, CancellationToken ct);

    /// <summary>Gives a claimed, unposted recap back (posting failed), so the next firing may claim it at once.</summary>
    Task ReleaseAsync(string subscriptionId, DateOnly weekStart, CancellationToken ct);

    /// <summary>The posted recap's message ts ('-' when nothing was posted); null while it is not posted.</summary>
    Task<string?> FindPostedAsync(string subscriptionId, DateOnly weekStart, CancellationToken ct);
}
