using TikTokBot.TikTok.Caching;

namespace TikTokBot.Accounts;

/// <summary>
/// A workspace's source over the advertisers of one token (<see cref="Name"/> stands for the advertiser ids, a token
/// fingerprint, and each account's currency, zone and name), kept in the one cache under the workspace's and advertisers' tags.
/// </summary>
internal sealed record ConnectedSourceKey(string TeamId, string Name) : CacheKey;
