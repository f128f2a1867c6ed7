using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TikTokBot.Slack.Verification;

/// <summary>Why a request was accepted or refused.</summary>
public enum SignatureCheck
{
    Valid,
    NoSecretConfigured,
    MissingTimestamp,
    MalformedTimestamp,
    StaleTimestamp,
    MissingSignature,
    UnsupportedVersion,
    MalformedSignature,
    Mismatch,
}

/// <summary>
/// Slack request signing (v0): HMAC-SHA256 over <c>v0:{timestamp}:{raw body}</c>, compared in constant time,
/// refusing timestamps more than five minutes from now. Framework free; the clock is passed in.
/// </summary>
public static class SlackSignature
{
    public const string SignatureHeader = "X-Slack-Signature";
    public const string TimestampHeader = "X-Slack-Request-Timestamp";

    /// <summary>How far the request timestamp may be from now, either way.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    private const string VersionPrefix = "v0=";
    private const int HashHexLength = 64;

    /// <summary>Checks a request's signature headers against its raw body bytes.</summary>
    public static SignatureCheck Verify(
        string? signingSecret, string? timestampHeader, string? signatureHeader, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(signingSecret))
            return SignatureCheck.NoSecretConfigured;
        if (string.IsNullOrEmpty(timestampHeader))
            return SignatureCheck.MissingTimestamp;
        if (!long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
            return SignatureCheck.MalformedTimestamp;
        if (Math.Abs(now.ToUnixTimeSeconds() - timestamp) > (long)MaxClockSkew.TotalSeconds)
            return SignatureCheck.StaleTimestamp;
        if (string.IsNullOrEmpty(signatureHeader))
            return SignatureCheck.MissingSignature;
        if (!signatureHeader.StartsWith(VersionPrefix, StringComparison.Ordinal))
            return SignatureCheck.UnsupportedVersion;

        var hex = signatureHeader.AsSpan(VersionPrefix.Length);
        if (hex.Length != HashHexLength)
            return SignatureCheck.MalformedSignature;
        Span<byte> given = stackalloc byte[HashHexLength / 2];
        if (Convert.FromHexString(hex, given, out _, out var written) != System.Buffers.OperationStatus.Done || written != given.Length)
            return SignatureCheck.MalformedSignature;

        Span<byte> expected = stackalloc byte[HashHexLength / 2];
        ComputeHash(signingSecret, timestampHeader, body, expected);
        return CryptographicOperations.FixedTimeEquals(given, expected) ? SignatureCheck.Valid : SignatureCheck.Mismatch;
    }

    /// <summary>Computes the <c>v0=...</c> header value Slack would send; used by tests and local tools.</summary>
    public static string Sign(string signingSecret, string timestamp, ReadOnlySpan<byte> body)
    {
        Span<byte> hash = stackalloc byte[HashHexLength / 2];
        ComputeHash(signingSecret, timestamp, body, hash);
        return VersionPrefix + Convert.ToHexStringLower(hash);
    }

    private static void ComputeHash(string secret, string timestamp, ReadOnlySpan<byte> body, Span<byte> destination)
    {
        var hmac = HmacFor(secret);
        try
        {
            var prefixLength = 4 + timestamp.Length;
            var prefix = prefixLength <= 64 ? stackalloc byte[prefixLength] : new byte[prefixLength];
            "v0:"u8.CopyTo(prefix);
            Encoding.ASCII.GetBytes(timestamp, prefix[3..]);
            prefix[^1] = (byte)':';
            hmac.AppendData(prefix);
            hmac.AppendData(body);
            hmac.GetHashAndReset(destination);
        }
        catch
        {
            // Half-fed, it would sign every later request wrongly: start again with a fresh one.
            t_hmac = null;
            hmac.Dispose();
            throw;
        }
    }

    // One keyed HMAC per thread, reset after each hash: keying it (the secret's HMAC pads) on every request was a
    // measurable share of the request path. A different secret (tests, a rotated secret) gets a fresh one.
    // Static: one per thread, used by that thread alone, and it holds only a keyed hash of the signing secret in use.
    [ThreadStatic]
    private static KeyedHmac? t_hmac;

    private static IncrementalHash HmacFor(string secret)
    {
        if (t_hmac is { } kept && string.Equals(kept.Secret, secret, StringComparison.Ordinal))
        {
            return kept.Hmac;
        }

        var keyLength = Encoding.UTF8.GetByteCount(secret);
        var key = keyLength <= 256 ? stackalloc byte[keyLength] : new byte[keyLength];
        Encoding.UTF8.GetBytes(secret, key);
        var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        CryptographicOperations.ZeroMemory(key);
        t_hmac?.Hmac.Dispose();
        t_hmac = new KeyedHmac(secret, hmac);
        return hmac;
    }

    private sealed record KeyedHmac(string Secret, IncrementalHash Hmac);
}
