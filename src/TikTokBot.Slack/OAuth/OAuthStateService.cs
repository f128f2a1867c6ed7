using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace TikTokBot.Slack.OAuth;

/// <summary>
/// Issues and consumes the OAuth <c>state</c>: a random nonce and an expiry, signed with HMAC-SHA256 keyed by
/// the client secret. Each state is accepted once; the issued nonces are remembered until they expire.
/// </summary>
internal sealed class OAuthStateService(IOptionsMonitor<SlackOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _issued = new(StringComparer.Ordinal);

    public string Issue()
    {
        var key = KeyOrThrow();
        var expires = time.GetUtcNow() + options.CurrentValue.OAuthStateLifetime;
        Span<byte> payload = stackalloc byte[24];
        RandomNumberGenerator.Fill(payload[..16]);
        BinaryPrimitives.WriteInt64BigEndian(payload[16..], expires.ToUnixTimeSeconds());
        var encoded = Base64Url(payload);
        _issued[encoded] = expires;
        Prune();
        return encoded + "." + Base64Url(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(encoded)));
    }

    /// <summary>True once for a state this service issued, signed correctly and not yet expired.</summary>
    public bool TryConsume(string? state, out string reason)
    {
        reason = "invalid_state";
        var key = options.CurrentValue.ClientSecret;
        if (string.IsNullOrEmpty(key) || string.IsNullOrEmpty(state) || state.Length > 200)
            return false;
        var dot = state.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0)
            return false;
        var encoded = state[..dot];
        Span<byte> given = stackalloc byte[32];
        if (!TryFromBase64Url(state[(dot + 1)..], given, out var written) || written != 32)
            return false;
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.ASCII.GetBytes(encoded));
        if (!CryptographicOperations.FixedTimeEquals(given, expected))
            return false;

        Span<byte> payload = stackalloc byte[24];
        if (!TryFromBase64Url(encoded, payload, out written) || written != 24)
            return false;
        var expires = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(payload[16..]));
        if (time.GetUtcNow() > expires)
        {
            _issued.TryRemove(encoded, out _);
            reason = "expired_state";
            return false;
        }
        if (!_issued.TryRemove(encoded, out _))
        {
            reason = "used_state";
            return false;
        }
        reason = "";
        return true;
    }

    private byte[] KeyOrThrow()
    {
        var secret = options.CurrentValue.ClientSecret;
        if (string.IsNullOrEmpty(secret))
            throw new InvalidOperationException("Slack:ClientSecret is required for OAuth.");
        return Encoding.UTF8.GetBytes(secret);
    }

    private void Prune()
    {
        var now = time.GetUtcNow();
        foreach (var (nonce, expires) in _issued)
            if (expires < now)
                _issued.TryRemove(nonce, out _);
    }

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryFromBase64Url(string text, Span<byte> destination, out int written)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += (padded.Length % 4) switch { 2 => "==", 3 => "=", _ => "" };
        return Convert.TryFromBase64String(padded, destination, out written);
    }
}
