using TikTokBot.TikTok.Sources;

namespace TikTokBot.TikTok.Api;

/// <summary>TikTok answered with a non-zero <c>code</c>; the message says what the user can do about it.</summary>
public class TikTokApiException(int code, string tiktokMessage, string? requestId, string userMessage)
    : MetricSourceException(userMessage)
{
    public const int RateLimited = 40100;

    /// <summary>TikTok's internal errors (50000 "system error" and its neighbours): worth asking again.</summary>
    public const int InternalErrorFirst = 50000;

    public const int InternalErrorLast = 59999;

    /// <summary>Whether the same request may succeed a moment later: rate limits, internal errors, timeouts, 5xx.</summary>
    public bool Transient { get; init; }

    public int Code { get; } = code;

    public string TikTokMessage { get; } = tiktokMessage;

    public string? RequestId { get; } = requestId;
}

/// <summary>The access token was refused: only a person can fix this, by reconnecting TikTok.</summary>
public sealed class TikTokAuthException(int code, string tiktokMessage, string? requestId)
    : TikTokApiException(code, tiktokMessage, requestId,
        "TikTok refused TikTokBot's access token: it has expired or was revoked. Reconnect TikTok: create a new long-term " +
        "access token in TikTok for Business and set it as TikTok:AccessToken.")
{
    // 40101 invalid app credentials, 40104 expired token, 40105 invalid token, 40110 invalid or expired auth code.
    internal static bool IsTokenRefused(int code) => code is 40101 or 40102 or 40104 or 40105 or 40110;

    /// <summary>For reads: the token codes, 40001 (no permission, which a reader can only fix by reconnecting), or TikTok's words.</summary>
    internal static bool IsAuthFailure(int code, string message) =>
        code is 40001 || IsTokenRefused(code) ||
        message.Contains("access token", StringComparison.OrdinalIgnoreCase) ||
        message.Contains("access_token", StringComparison.OrdinalIgnoreCase);
}
