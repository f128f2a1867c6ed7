using Microsoft.Extensions.Options;
using TikTokBot.Permissions;
using TikTokBot.Reports;
using TikTokBot.Settings;
using TikTokBot.Storage;
using TikTokBot.TikTok.Calendar;

namespace TikTokBot.Digests;

/// <summary>A channel's subscription with its next firing and its latest delivery.</summary>
internal sealed record SubscriptionStatus(ChannelSubscription Subscription, DateTimeOffset? NextFiring, DigestDelivery? LastDelivery);
