namespace TikTokBot.Storage;

/// <summary>
/// The way into stored data. Every repository is reached through <see cref="ForTeam"/>, and every one of its
/// queries filters on that team, so no method can read or change another workspace's rows.
/// </summary>
internal interface IWorkspaceStorage
{
    /// <summary>The repositories of one Slack workspace.</summary>
    IWorkspaceStore ForTeam(string teamId);

    /// <summary>The teams with an installation or an active subscription, for start-up work such as scheduling digests.</summary>
    Task<IReadOnlyList<string>> ListTeamsAsync(CancellationToken ct);
}

/// <summary>One workspace's repositories; the team id is fixed when it is obtained and never taken again.</summary>
internal interface IWorkspaceStore
{
    string TeamId { get; }

    IInstallationRepository Installation { get; }

    ICampaignAliasRepository Aliases { get; }

    ISuccessCriteriaRepository SuccessCriteria { get; }

    ICreditWindowRepository CreditWindows { get; }

    IChannelSubscriptionRepository Subscriptions { get; }

    IDigestDeliveryRepository Deliveries { get; }

    ISettingsAuditRepository Audit { get; }

    ITikTokConnectionRepository TikTokConnections { get; }

    IConnectStateRepository ConnectStates { get; }

    IChannelAdvertiserRepository ChannelAdvertisers { get; }
    IActionRequestRepository Actions { get; }

    IAlertSubscriptionRepository AlertSubscriptions { get; }

    ISentAlertRepository SentAlerts { get; }

    IFixRepository Fixes { get; }
}

/// <summary>The workspace's bot installation; the bot token is encrypted at rest.</summary>
internal interface IInstallationRepository
{
    /// <summary>Creates or replaces the installation (a reinstall replaces the token).</summary>
    Task<Installation> SaveAsync(InstallationDetails details, CancellationToken ct);

    Task<Installation?> FindAsync(CancellationToken ct);

    /// <summary>Forgets the installation and its token (uninstall); settings stay. False when there was none.</summary>
    Task<bool> DeleteAsync(string removedBy, CancellationToken ct);
}

/// <summary>Aliases match regardless of case and surrounding spaces.</summary>
internal interface ICampaignAliasRepository
{
    Task<CampaignAlias> SetAsync(string alias, string campaignId, string changedBy, CancellationToken ct);

    Task<CampaignAlias?> FindAsync(string alias, CancellationToken ct);

    Task<IReadOnlyList<CampaignAlias>> ListAsync(CancellationToken ct);

    Task<bool> RemoveAsync(string alias, string changedBy, CancellationToken ct);
}

internal interface ISuccessCriteriaRepository
{
    Task<CampaignSuccessCriteria> SetAsync(SuccessCriteriaDetails criteria, string changedBy, CancellationToken ct);

    Task<CampaignSuccessCriteria?> FindAsync(string campaignId, CancellationToken ct);

    Task<IReadOnlyList<CampaignSuccessCriteria>> ListAsync(CancellationToken ct);

    Task<bool> RemoveAsync(string campaignId, string changedBy, CancellationToken ct);
}

internal interface ICreditWindowRepository
{
    Task<AdCreditWindow> AddAsync(CreditWindowDetails window, string addedBy, CancellationToken ct);

    Task<AdCreditWindow?> FindAsync(string id, CancellationToken ct);

    /// <summary>Every window, earliest expiry first.</summary>
    Task<IReadOnlyList<AdCreditWindow>> ListAsync(CancellationToken ct);

    Task<bool> RemoveAsync(string id, string removedBy, CancellationToken ct);
}

/// <summary>A channel has at most one subscription; subscribing again replaces its campaigns and time but keeps its id.</summary>
internal interface IChannelSubscriptionRepository
{
    Task<ChannelSubscription> SubscribeAsync(SubscriptionDetails details, string subscribedBy, CancellationToken ct);

    Task<ChannelSubscription?> FindAsync(string subscriptionId, CancellationToken ct);

    Task<ChannelSubscription?> FindByChannelAsync(string channelId, CancellationToken ct);

    /// <summary>The channel of a subscription, active, paused or unsubscribed (a subscription keeps its channel for good).</summary>
    Task<string?> FindChannelAsync(string subscriptionId, CancellationToken ct);

    /// <summary>The active subscriptions.</summary>
    Task<IReadOnlyList<ChannelSubscription>> ListAsync(CancellationToken ct);

    /// <summary>Stops the channel's digest; its delivery record is kept. False when the channel had no active subscription.</summary>
    Task<bool> UnsubscribeAsync(string channelId, string changedBy, CancellationToken ct);

    /// <summary>Holds the digest (the channel is gone, archived, or the bot was removed) until the channel subscribes again. False when not active.</summary>
    Task<bool> PauseAsync(string subscriptionId, string reason, string changedBy, CancellationToken ct);
}

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

internal interface ISettingsAuditRepository
{
    /// <summary>The most recent changes first.</summary>
    Task<IReadOnlyList<SettingsChange>> ListAsync(int limit, CancellationToken ct);
}
