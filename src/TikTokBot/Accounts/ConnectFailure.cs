namespace TikTokBot.Accounts;

internal enum ConnectFailure
{
    /// <summary>The state was not signed by this app, or names no connect link.</summary>
    ForgedState,
    ExpiredState,
    UsedState,

    /// <summary>TikTok came back without an auth code: the person cancelled.</summary>
    NotAuthorised,

    /// <summary>TikTok refused or failed a call; nothing was stored.</summary>
    TikTokError,

    /// <summary>None of the authorised advertisers may be read.</summary>
    NoReadableAdvertiser,

    /// <summary>TikTok:AppId, TikTok:AppSecret or App:PublicUrl is missing.</summary>
    NotConfigured,
}
