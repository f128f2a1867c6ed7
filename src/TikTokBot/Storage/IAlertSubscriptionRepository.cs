namespace TikTokBot.Storage;

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
