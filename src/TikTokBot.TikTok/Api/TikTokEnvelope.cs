using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace TikTokBot.TikTok.Api;

/// <summary>
/// Whether a call only reads or may change the ad account. A failed read may simply be asked again; a failed write may
/// have been applied, so none of its errors is ever marked <see cref="TikTokApiException.Transient"/> (nothing retries
/// it blindly), and its messages say that nothing was changed.
/// </summary>
public enum TikTokCall
{
    Read,
    Write,
}

/// <summary>The fields of TikTok's envelope: <c>code</c> (-1 when absent or unreadable), <c>message</c>, <c>request_id</c>.</summary>
public readonly record struct TikTokAnswer(int Code, string Message, string? RequestId, bool Succeeded);

/// <summary>
/// TikTok's answer around every call (<c>{code, message, request_id, data}</c>) read one way, and its errors classified
/// one way, for the report client and the write client. What differs between them is only <see cref="TikTokCall"/>.
/// </summary>
public static class TikTokEnvelope
{
    /// <summary>Success is code 0 with a <c>data</c> object; a root that is not an object reads as code -1.</summary>
    public static TikTokAnswer Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return new TikTokAnswer(-1, "", null, false);
        }

        var code = root.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out var value) ? value : -1;
        var succeeded = code == 0 && root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object;
        return new TikTokAnswer(code, root.TryGetProperty("message", out var m) ? Text(m) ?? "" : "", root.TryGetProperty("request_id", out var r) ? Text(r) : null, succeeded);
    }

    /// <summary>An HTTP error status (other than a 5xx to a write, which the write client treats as unknown).</summary>
    public static TikTokApiException HttpError(HttpStatusCode status, TikTokCall call)
    {
        if (status == HttpStatusCode.Unauthorized)
        {
            return new TikTokAuthException(401, "HTTP 401", null);
        }

        var code = (int)status;
        return new TikTokApiException(code, $"HTTP {code}", null, $"TikTok's API answered HTTP {code}. Try again in a few minutes.")
        {
            Transient = call == TikTokCall.Read && (code >= 500 || status == HttpStatusCode.TooManyRequests),
        };
    }

    /// <summary>
    /// The typed error of a non-zero code, with TikTok's message stripped of <paramref name="token"/> (TikTok's text goes
    /// into logs and replies and must never carry the token back out). A read is classified on TikTok's own words before
    /// the redaction (with a short token, redaction could put "[access token]" into any message and make a rate limit
    /// read as a revoked token); a write on its code alone.
    /// </summary>
    public static TikTokApiException Error(TikTokAnswer answer, string? token, TikTokCall call, string path, ILogger logger)
    {
        var code = answer.Code;
        var auth = call == TikTokCall.Read ? TikTokAuthException.IsAuthFailure(code, answer.Message) : TikTokAuthException.IsTokenRefused(code);
        var message = string.IsNullOrEmpty(token) ? answer.Message : answer.Message.Replace(token, "[access token]", StringComparison.Ordinal);
        var requestId = answer.RequestId;
        logger.LogWarning("TikTok API error {Code} on {Path}: {Message} (request {RequestId})", code, path, message, requestId);
        if (auth)
        {
            return new TikTokAuthException(code, message, requestId);
        }

        return (call, code) switch
        {
            (TikTokCall.Read, TikTokApiException.RateLimited) => new TikTokApiException(code, message, requestId,
                "TikTok is limiting how often TikTokBot may ask right now. Try again in a minute.") { Transient = true },
            (TikTokCall.Read, >= TikTokApiException.InternalErrorFirst and <= TikTokApiException.InternalErrorLast) => new TikTokApiException(code, message, requestId,
                $"TikTok's API had an internal error ({code}). Try again in a few minutes.") { Transient = true },
            (TikTokCall.Read, _) => new TikTokApiException(code, message, requestId, $"TikTok's API refused the request ({code}: {message})."),
            (_, TikTokApiException.RateLimited) => new TikTokApiException(code, message, requestId,
                "TikTok is limiting how often TikTokBot may ask right now. Nothing was changed; try again in a minute."),
            _ => new TikTokApiException(code, message, requestId, $"TikTok refused the change ({code}: {message}). Nothing was changed."),
        };
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };
}
