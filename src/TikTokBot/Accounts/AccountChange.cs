namespace TikTokBot.Accounts;

internal enum AccountChange
{
    Done,
    NotConnected,
    Refused,
}
