namespace TikTokBot.Storage;

internal sealed record AlertSubscription(AlertSubscriptionDetails Details, string SubscribedBy, DateTimeOffset SubscribedAt)
{
    public string ChannelId => Details.ChannelId;
}
