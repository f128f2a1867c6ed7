using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace TikTokBot.Web.Security;

/// <summary>
/// Wrong tokens sent as <c>Authorization: Bearer</c> to the playground or the dashboard: the login pages' rate limit
/// would mean nothing if the same guesses could go there instead. Only wrong tokens count, so a client with the right
/// one is never slowed; past <c>Web:LoginAttempts</c> wrong ones per <c>Web:LoginWindow</c>, that address is refused
/// even the right token until the window ends.
/// </summary>
internal sealed class TokenGuesses(IOptionsMonitor<WebOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _wrong = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, options.CurrentValue.LoginAttempts), Window = options.CurrentValue.LoginWindow, QueueLimit = 0,
            AutoReplenishment = true,
        }));

    /// <summary>False when this caller has used up its wrong guesses.</summary>
    public bool MayTry(HttpContext http) => _wrong.GetStatistics(Address(http))?.CurrentAvailablePermits is not 0;

    public void Wrong(HttpContext http) => _wrong.AttemptAcquire(Address(http)).Dispose();

    public void Dispose() => _wrong.Dispose();

    private static string Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
