using TikTokBot.Storage;

namespace TikTokBot.Digests;

/// <summary>A channel's subscription with its next firing and its latest delivery.</summary>
internal sealed record SubscriptionStatus(ChannelSubscription Subscription, DateTimeOffset? NextFiring, DigestDelivery? LastDelivery);
