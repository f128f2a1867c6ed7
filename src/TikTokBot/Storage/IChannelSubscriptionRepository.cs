namespace TikTokBot.Storage;

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
