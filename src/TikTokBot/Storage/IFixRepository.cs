namespace TikTokBot.Storage;

/// <summary>
/// The workspace's fixes (check-ins). At most one fix per campaign, ad group and finding is in progress (open, or applied
/// and awaiting its follow-up); taking that finding again hands the same fix to its new owner.
/// </summary>
internal interface IFixRepository
{
    /// <summary>
    /// Records the fix, or, when the finding already has one in progress, gives that one to
    /// <see cref="FixDetails.OwnerId"/> (taken by <see cref="FixDetails.TakenBy"/>) and keeps its id, thread and state.
    /// </summary>
    Task<Fix> TakeAsync(FixDetails details, CancellationToken ct);

    Task<Fix?> FindAsync(string fixId, CancellationToken ct);

    /// <summary>
    /// Marks an open fix applied now by <paramref name="doneBy"/>, due for its follow-up on <paramref name="followUpDue"/>;
    /// <paramref name="byAction"/> when the bot's own action applied it. False when it is not open.
    /// </summary>
    Task<bool> MarkDoneAsync(string fixId, string doneBy, bool byAction, bool restartsLearning, DateOnly followUpDue, CancellationToken ct);

    /// <summary>
    /// The fixes in progress (open or awaiting their follow-up), of one owner and/or one campaign when given, by owner,
    /// campaign and time taken.
    /// </summary>
    Task<IReadOnlyList<Fix>> ListInProgressAsync(string? ownerId, string? campaignId, CancellationToken ct);

    /// <summary>
    /// The fixes in progress, and those taken, applied or followed up at or after <paramref name="since"/>: what a check-in
    /// (the digest's part, the weekly recap) sorts into its own days. By time taken.
    /// </summary>
    Task<IReadOnlyList<Fix>> ListSinceAsync(DateTimeOffset since, CancellationToken ct);

    /// <summary>The applied fixes whose follow-up is due on or before <paramref name="lastClosedDay"/> and not yet posted.</summary>
    Task<IReadOnlyList<Fix>> ListFollowUpsDueAsync(DateOnly lastClosedDay, CancellationToken ct);

    /// <summary>
    /// Claims a due follow-up for the caller: never claimed, or claimed before <paramref name="claimedBefore"/> and never
    /// posted (its poster died). False when another instance holds it, or it was posted.
    /// </summary>
    Task<bool> TryClaimFollowUpAsync(string fixId, DateTimeOffset claimedBefore, CancellationToken ct);

    /// <summary>Records the posted follow-up: its verdict (or Skipped) and the figures or reason. False unless it awaited one.</summary>
    Task<bool> RecordFollowUpAsync(string fixId, string verdict, string note, CancellationToken ct);
}
