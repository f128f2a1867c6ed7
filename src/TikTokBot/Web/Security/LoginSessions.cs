using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace TikTokBot.Web.Security;

/// <summary>
/// The cookies a correct token earns on the login pages. Each is new (a random id, so two logins never share a value),
/// encrypted with the app's Data Protection keys, and holds when it was issued and a fingerprint of the token: it
/// expires after <c>Web:SessionLifetime</c>, is replaced by a fresh one once half of that has passed, and dies with a
/// changed token. Secure whenever the request is HTTPS, which behind a named proxy is what the proxy says.
/// </summary>
internal sealed class LoginSessions(IDataProtectionProvider protection, TimeProvider time, IOptionsMonitor<WebOptions> options)
{
    public void Issue(HttpContext http, LoginKind kind, string token)
    {
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var payload = string.Join('|', time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), Fingerprint(kind, token), id);
        http.Response.Cookies.Append(kind.CookieName, Protector(kind).Protect(payload), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            Path = kind.Path,
            MaxAge = options.CurrentValue.SessionLifetime,
        });
    }

    /// <summary>Whether the request carries a live session for this token; a session past half its life is renewed on the way.</summary>
    public bool IsValid(HttpContext http, LoginKind kind, string token)
    {
        if (!http.Request.Cookies.TryGetValue(kind.CookieName, out var cookie) || string.IsNullOrEmpty(cookie))
        {
            return false;
        }

        string payload;
        try
        {
            payload = Protector(kind).Unprotect(cookie);
        }
        catch (CryptographicException)
        {
            return false;
        }

        var parts = payload.Split('|');
        if (parts.Length != 3 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var issuedSeconds)
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(parts[1]), Encoding.ASCII.GetBytes(Fingerprint(kind, token))))
        {
            return false;
        }

        var lifetime = options.CurrentValue.SessionLifetime;
        var age = time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(issuedSeconds);
        if (age < TimeSpan.Zero || age >= lifetime)
        {
            return false;
        }

        if (age >= lifetime / 2 && !http.Response.HasStarted)
        {
            Issue(http, kind, token);
        }

        return true;
    }

    private IDataProtector Protector(LoginKind kind) => protection.CreateProtector("TikTokBot.LoginSession", kind.CookieName);

    private static string Fingerprint(LoginKind kind, string token) =>
        Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(kind.CookieName)))[..32];
}
