namespace TikTokBot.Storage;

internal enum CreditScope
{
    Campaign,
    Advertiser,
}
