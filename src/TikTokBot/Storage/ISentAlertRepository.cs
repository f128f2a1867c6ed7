namespace TikTokBot.Storage;

/// <summary>The alerts told (or held) per channel: the table's key is the once-a-day claim.</summary>
internal interface ISentAlertRepository
{
    /// <summary>
    /// Claims the alert and decides in the same transaction what becomes of it: <see cref="SentAlertState.Held"/> when
    /// <paramref name="hold"/> (quiet hours); <see cref="SentAlertState.Claimed"/>, to be posted, while fewer than
    /// <paramref name="dailyCap"/> of the channel's alerts that day are claimed or posted; else <see cref="SentAlertState.Capped"/>.
    /// Null when any scan, on any instance, claimed it already. Claims of one workspace run one at a time, so the cap is exact.
    /// </summary>
    Task<SentAlertState?> TryClaimAsync(SentAlertKey key, string advertiserId, string summary, bool hold, int dailyCap, CancellationToken ct);

    /// <summary>
    /// Takes over a claim made before <paramref name="claimedBefore"/> and never posted (Slack refused it, or its scan
    /// died); false when it was posted meanwhile or another scan took it over first.
    /// </summary>
    Task<bool> TryReclaimAsync(SentAlertKey key, DateTimeOffset claimedBefore, CancellationToken ct);

    /// <summary>Moves a claimed or held alert on: posted (with its message), held for quiet hours, or capped.</summary>
    Task<bool> MarkAsync(SentAlertKey key, SentAlertState state, string? messageTs, CancellationToken ct);

    /// <summary>Records the message a posted alert went out in (held alerts are marked posted before their message exists).</summary>
    Task<bool> RecordMessageAsync(SentAlertKey key, string messageTs, CancellationToken ct);

    /// <summary>The condition is gone; false when it was already recovered or never claimed.</summary>
    Task<bool> MarkRecoveredAsync(SentAlertKey key, CancellationToken ct);

    Task<IReadOnlyList<SentAlert>> ListForDayAsync(string channelId, DateOnly localDate, CancellationToken ct);

    Task<IReadOnlyList<SentAlert>> ListRecentAsync(string channelId, int limit, CancellationToken ct);

    /// <summary>Counts one snooze or mute of a rule pressed in a channel.</summary>
    Task CountSilenceAsync(string channelId, string ruleId, bool mute, CancellationToken ct);

    /// <summary>The channel's snooze and mute counts per rule, the most silenced first.</summary>
    Task<IReadOnlyList<AlertSilenceCount>> ListSilenceCountsAsync(string channelId, CancellationToken ct);

    /// <summary>Keeps an info alert for the channel's digest, once per campaign, rule and day; false when it was kept already.</summary>
    Task<bool> NoteForDigestAsync(SentAlertKey key, string campaignName, string summary, CancellationToken ct);

    /// <summary>The info alerts kept for the channel's digest on the advertiser-local days from <paramref name="from"/> on.</summary>
    Task<IReadOnlyList<AlertDigestNote>> ListDigestNotesAsync(string channelId, DateOnly from, CancellationToken ct);
}
