using TikTokBot.Storage;

namespace TikTokBot.Digests;

/// <summary>The outcome of <c>subscribe</c>: the subscription and its first firing, or why nothing changed.</summary>
internal sealed record SubscribeResult(ChannelSubscription? Subscription, DateTimeOffset? NextFiring, string? Refusal);
