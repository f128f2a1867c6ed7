namespace TikTokBot.Storage;

internal enum DeliveryState
{
    Claimed,
    Delivered,
    Failed,
}
