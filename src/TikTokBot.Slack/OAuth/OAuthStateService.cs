using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace TikTokBot.Slack.OAuth;

/// <summary>An issued install state, and the secret the installing browser keeps in a cookie.</summary>
public sealed record IssuedOAuthState(string State, string BrowserSecret);

/// <summary>
/// Issues and consumes the OAuth <c>state</c>: a random nonce and an expiry, signed with HMAC-SHA256 keyed by the client
/// secret, kept in the <see cref="IOAuthStateStore"/> with a hash of a second secret that only the installing browser
/// holds (a cookie). A state is accepted once, before it expires, from that browser; at most
/// <see cref="SlackOptions.OAuthStatesCap"/> wait at once, so unauthenticated install clicks cannot fill the store.
/// </summary>
internal sealed class OAuthStateService(IOptionsMonitor<SlackOptions> options, TimeProvider time, IOAuthStateStore store)
{
    /// <summary>A new state, or null when the cap of waiting states is reached.</summary>
    public async Task<IssuedOAuthState?> IssueAsync(CancellationToken ct)
    {
        var key = KeyOrThrow();
        var now = time.GetUtcNow();
        var expires = now + options.CurrentValue.OAuthStateLifetime;
        var payload = new byte[24];
        RandomNumberGenerator.Fill(payload.AsSpan(0, 16));
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(16), expires.ToUnixTimeSeconds());
        var encoded = Base64Url(payload);
        var browser = Base64Url(RandomNumberGenerator.GetBytes(32));
        if (!await store.TryAddAsync(encoded, new KeptOAuthState(HashOf(browser), expires), Math.Max(1, options.CurrentValue.OAuthStatesCap), now, ct))
            return null;
        return new IssuedOAuthState(encoded + "." + Base64Url(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(encoded))), browser);
    }

    /// <summary>"" once for a state this app issued, signed correctly, not expired, brought by the browser it was issued to; else the reason.</summary>
    public async Task<string> ConsumeAsync(string? state, string? browserSecret, CancellationToken ct)
    {
        const string invalid = "invalid_state";
        var key = options.CurrentValue.ClientSecret;
        if (string.IsNullOrEmpty(key) || string.IsNullOrEmpty(state) || state.Length > 200)
            return invalid;
        var dot = state.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0)
            return invalid;
        var encoded = state[..dot];
        var given = new byte[32];
        if (!TryFromBase64Url(state[(dot + 1)..], given, out var written) || written != 32)
            return invalid;
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.ASCII.GetBytes(encoded));
        if (!CryptographicOperations.FixedTimeEquals(given, expected))
            return invalid;

        var payload = new byte[24];
        if (!TryFromBase64Url(encoded, payload, out written) || written != 24)
            return invalid;
        if (time.GetUtcNow().ToUnixTimeSeconds() > BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(16)))
        {
            await store.TakeAsync(encoded, ct);
            return "expired_state";
        }
        if (await store.TakeAsync(encoded, ct) is not { } kept)
            return "used_state";
        // Taken either way: a state that reached another browser (a forwarded link, a login CSRF) is spent, not retried.
        if (string.IsNullOrEmpty(browserSecret)
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(kept.BrowserHash), Encoding.ASCII.GetBytes(HashOf(browserSecret))))
            return "state_from_another_browser";
        return "";
    }

    private byte[] KeyOrThrow()
    {
        var secret = options.CurrentValue.ClientSecret;
        if (string.IsNullOrEmpty(secret))
            throw new InvalidOperationException("Slack:ClientSecret is required for OAuth.");
        return Encoding.UTF8.GetBytes(secret);
    }

    private static string HashOf(string browserSecret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(browserSecret)));

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryFromBase64Url(string text, Span<byte> destination, out int written)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += (padded.Length % 4) switch { 2 => "==", 3 => "=", _ => "" };
        return Convert.TryFromBase64String(padded, destination, out written);
    }
}
