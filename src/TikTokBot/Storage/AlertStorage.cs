namespace TikTokBot.Storage;

/// <summary>A channel's alert settings. No campaign ids: every campaign of the channel's advertisers.</summary>
/// <param name="QuietFrom">Start of the quiet hours in <paramref name="TimeZone"/>; null with <paramref name="QuietTo"/> for none.</param>
/// <param name="CriticalInQuietHours">Critical alerts (money lost now) are posted even in the quiet hours; set by its own command, kept when alerts are turned on again.</param>
internal sealed record AlertSubscriptionDetails(
    string ChannelId, IReadOnlyList<string> CampaignIds, TimeOnly? QuietFrom, TimeOnly? QuietTo, string TimeZone, bool CriticalInQuietHours = false);

internal sealed record AlertSubscription(AlertSubscriptionDetails Details, string SubscribedBy, DateTimeOffset SubscribedAt)
{
    public string ChannelId => Details.ChannelId;
}

/// <summary>A snooze (<paramref name="Until"/> set) or mute (until undone) of one rule on one campaign.</summary>
internal sealed record AlertSilence(string CampaignId, string RuleId, DateTimeOffset? Until, string SilencedBy, DateTimeOffset SilencedAt);

internal enum SentAlertState
{
    Claimed,
    Posted,
    Held,
    Capped,
}

/// <summary>One alert per channel, campaign, rule and advertiser-local day.</summary>
internal sealed record SentAlertKey(string ChannelId, string CampaignId, string RuleId, DateOnly LocalDate);

/// <summary>How often a channel's people snoozed and muted one rule (any campaign).</summary>
internal sealed record AlertSilenceCount(string RuleId, int Snoozes, int Mutes);

/// <summary>An info alert waiting for the channel's daily digest.</summary>
internal sealed record AlertDigestNote(SentAlertKey Key, string CampaignName, string Summary);

internal sealed record SentAlert(SentAlertKey Key, string AdvertiserId, string Summary, SentAlertState State, string? MessageTs, DateTimeOffset ClaimedAt, DateTimeOffset? RecoveredAt);

/// <summary>The workspace's alert settings: subscriptions and silences, every change audited.</summary>
internal interface IAlertSubscriptionRepository
{
    Task<AlertSubscription> SubscribeAsync(AlertSubscriptionDetails details, string changedBy, CancellationToken ct);

    /// <summary>False when the channel had no alerts on.</summary>
    Task<bool> UnsubscribeAsync(string channelId, string changedBy, CancellationToken ct);

    Task<AlertSubscription?> FindAsync(string channelId, CancellationToken ct);

    Task<IReadOnlyList<AlertSubscription>> ListAsync(CancellationToken ct);

    /// <summary>Snoozes (until <paramref name="until"/>) or mutes (null) a rule on a campaign, replacing any earlier silence.</summary>
    Task<AlertSilence> SilenceAsync(string campaignId, string ruleId, DateTimeOffset? until, string changedBy, CancellationToken ct);

    /// <summary>False when the rule was not silenced on the campaign.</summary>
    Task<bool> UnsilenceAsync(string campaignId, string ruleId, string changedBy, CancellationToken ct);

    /// <summary>Mutes, and snoozes not yet over.</summary>
    Task<IReadOnlyList<AlertSilence>> ListSilencesAsync(CancellationToken ct);

    /// <summary>Posts the channel's critical alerts even in its quiet hours (or not); audited. False when the channel has no alerts on.</summary>
    Task<bool> SetCriticalInQuietHoursAsync(string channelId, bool on, string changedBy, CancellationToken ct);
}

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
