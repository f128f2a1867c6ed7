namespace TikTokBot.Accounts;

/// <summary>
/// Told when a workspace connects advertisers, so what depends on its source (the account history read ahead) can start at
/// once. Implemented above this capability; Accounts never calls up into it by name.
/// </summary>
internal interface IAdvertiserConnectedListener
{
    /// <summary>Called after the connection is stored; must return at once (start work, do not do it here).</summary>
    void Connected(string teamId);
}
