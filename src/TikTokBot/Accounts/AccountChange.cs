using TikTokBot.Domain.Money;
using TikTokBot.Storage;

namespace TikTokBot.Accounts;

internal enum AccountChange
{
    Done,
    NotConnected,
    Refused,
}
