using Microsoft.Extensions.Options;
using TikTokBot.Permissions;
using TikTokBot.Reports;
using TikTokBot.Settings;
using TikTokBot.Storage;
using TikTokBot.TikTok.Calendar;

namespace TikTokBot.Digests;

/// <summary>The outcome of <c>subscribe</c>: the subscription and its first firing, or why nothing changed.</summary>
internal sealed record SubscribeResult(ChannelSubscription? Subscription, DateTimeOffset? NextFiring, string? Refusal);
