using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using TikTokBot.TikTok.Accounts;

namespace TikTokBot.Accounts;

/// <summary>
/// Signs the OAuth <c>state</c> of a connect link: the workspace and a random id, with an HMAC-SHA256 whose key is
/// derived from <c>TikTok:AppSecret</c>, so every instance can check a state another one issued. The stored row
/// (expiry, person, single use) is the rest of the check; the signature only proves the state is ours and names the
/// workspace whose rows to look in.
/// </summary>
internal sealed class ConnectStateSigner(IOptionsMonitor<TikTokAppOptions> options)
{
    private const int MaxLength = 300;

    /// <summary>A fresh random state id (128 bits).</summary>
    public static string NewStateId() => Base64Url(RandomNumberGenerator.GetBytes(16));

    public string Sign(string teamId, string stateId)
    {
        var payload = Base64Url(Encoding.UTF8.GetBytes(teamId)) + "." + stateId;
        return payload + "." + Base64Url(Mac(payload));
    }

    /// <summary>The workspace and state id of a state this app signed; false for anything else.</summary>
    public bool TryRead(string? state, out string teamId, out string stateId)
    {
        teamId = stateId = "";
        if (string.IsNullOrEmpty(state) || state.Length > MaxLength || string.IsNullOrEmpty(options.CurrentValue.AppSecret))
        {
            return false;
        }

        var parts = state.Split('.');
        if (parts.Length != 3 || parts[0].Length == 0 || parts[1].Length == 0 || !TryFromBase64Url(parts[2], out var given) || !TryFromBase64Url(parts[0], out var team))
        {
            return false;
        }

        if (!CryptographicOperations.FixedTimeEquals(given, Mac(parts[0] + "." + parts[1])))
        {
            return false;
        }

        teamId = Encoding.UTF8.GetString(team);
        stateId = parts[1];
        return teamId.Length > 0;
    }

    private byte[] Mac(string payload)
    {
        var secret = options.CurrentValue.AppSecret;
        if (string.IsNullOrEmpty(secret))
        {
            throw new InvalidOperationException("TikTok:AppSecret is required to sign connect links.");
        }

        // A key of its own, so the state's MAC can never be replayed as anything TikTok accepts.
        var key = HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret), 32, info: Encoding.ASCII.GetBytes("TikTokBot connect state"));
        return HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(payload));
    }

    private static string Base64Url(ReadOnlySpan<byte> bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryFromBase64Url(string text, out byte[] bytes)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += (padded.Length % 4) switch { 2 => "==", 3 => "=", _ => "" };
        var buffer = new byte[padded.Length];
        if (Convert.TryFromBase64String(padded, buffer, out var written))
        {
            bytes = buffer[..written];
            return true;
        }

        bytes = [];
        return false;
    }
}
