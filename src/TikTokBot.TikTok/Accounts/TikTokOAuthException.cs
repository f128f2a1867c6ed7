using TikTokBot.TikTok.Api;

namespace TikTokBot.TikTok.Accounts;

/// <summary>What went wrong when connecting an advertiser, as far as the person connecting can act on it.</summary>
public enum OAuthFailure
{
    /// <summary>The auth code is unknown, expired or already exchanged (40110): start connecting again.</summary>
    AuthCodeRefused,

    /// <summary>TikTok refused the developer app's id or secret (40101, unconfirmed code): the operator must fix the configuration.</summary>
    AppCredentialsRefused,

    /// <summary>The access token is invalid, revoked or expired (40102, 40104, 40105): connect again.</summary>
    TokenRefused,

    /// <summary>The token may not read this advertiser (40001, unconfirmed code).</summary>
    NoPermission,

    /// <summary>TikTok limited the rate (40100); worth trying again in a minute.</summary>
    RateLimited,

    /// <summary>TikTok could not be reached, timed out, or sent something that is not its envelope.</summary>
    Unavailable,

    /// <summary>Any other non-zero code.</summary>
    Refused,
}

/// <summary>A TikTok OAuth or advertiser call failed; <see cref="Failure"/> says what kind of failure it was.</summary>
public sealed class TikTokOAuthException(OAuthFailure failure, int code, string tiktokMessage, string? requestId, string userMessage)
    : TikTokApiException(code, tiktokMessage, requestId, userMessage)
{
    public OAuthFailure Failure { get; } = failure;

    internal static OAuthFailure Classify(int code) => code switch
    {
        40110 => OAuthFailure.AuthCodeRefused,
        40101 => OAuthFailure.AppCredentialsRefused,
        40102 or 40104 or 40105 => OAuthFailure.TokenRefused,
        40001 => OAuthFailure.NoPermission,
        RateLimited => OAuthFailure.RateLimited,
        _ => OAuthFailure.Refused,
    };

    internal static string UserMessageFor(OAuthFailure failure, int code, string tiktokMessage) => failure switch
    {
        OAuthFailure.AuthCodeRefused => "TikTok did not accept the authorisation code: it has expired or was already used.",
        OAuthFailure.AppCredentialsRefused => "TikTok refused TikTokBot's developer app credentials. The person who runs TikTokBot must check TikTok:AppId and TikTok:AppSecret.",
        OAuthFailure.TokenRefused => "TikTok refused the access token: it has expired or was revoked.",
        OAuthFailure.NoPermission => "The TikTok user who authorised TikTokBot may not read this advertiser's reports.",
        OAuthFailure.RateLimited => "TikTok is limiting how often TikTokBot may ask right now. Try again in a minute.",
        OAuthFailure.Unavailable => "TikTok could not be reached or sent an answer TikTokBot could not read. Try again in a few minutes.",
        _ => $"TikTok refused the request ({code}: {tiktokMessage}).",
    };
}
