using TikTokBot.TikTok.Api;

namespace TikTokBot.TikTok.Writes;

/// <summary>
/// TikTok said the token may not do this (40001): only a person can fix it, by granting the permission in TikTok.
/// Nothing was written.
/// </summary>
public sealed class TikTokPermissionException(int code, string tiktokMessage, string? requestId, string advertiserId)
    : TikTokApiException(code, tiktokMessage, requestId,
        $"TikTok refused: the connected TikTok account may not change ads of advertiser {advertiserId}. In TikTok for Business, give the account " +
        "an Admin or Operator role on that ad account and grant TikTokBot's app the Ads Management permission, then connect TikTok again. Nothing was changed.");

/// <summary>
/// The write was sent but no answer came (timeout, dropped connection): TikTok may or may not have applied it. It is
/// never retried blindly; whoever retries reads the state back first.
/// </summary>
public sealed class TikTokWriteUncertainException(string detail)
    : TikTokApiException(0, detail, null,
        "TikTok did not answer in time, so it is not yet known whether the change was made. TikTokBot will read it back before trying again; nothing will be written twice.");
