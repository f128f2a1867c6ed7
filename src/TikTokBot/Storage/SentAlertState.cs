namespace TikTokBot.Storage;

internal enum SentAlertState
{
    Claimed,
    Posted,
    Held,
    Capped,
}
