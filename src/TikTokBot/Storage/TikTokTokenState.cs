namespace TikTokBot.Storage;

internal enum TikTokTokenState
{
    Ok,

    /// <summary>TikTok refused the token (revoked, expired): someone must connect again.</summary>
    Refused,
}
