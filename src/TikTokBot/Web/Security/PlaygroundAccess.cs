using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using TikTokBot.Web.Security;

namespace TikTokBot.Web;

/// <summary>
/// Who may use the playground, which runs commands against the app's data. Decided per request by the caller, never by
/// the address the app listens on: behind a reverse proxy on the same host every request arrives from loopback.
/// </summary>
internal sealed class PlaygroundAccess(
    IOptionsMonitor<WebOptions> options, IConfiguration configuration, IHostEnvironment environment, LoginSessions sessions, TokenGuesses guesses)
{
    public static readonly LoginKind Login = new("tiktokbot_playground", "/playground");

    public PlaygroundDecision Decide(HttpContext http) => Decide(Caller.IsLocal(http));

    /// <summary>
    /// Off when <c>Web:Playground=false</c>. Open, outside Production, to a local caller (a loopback connection that no proxy
    /// forwarded). Otherwise only with <c>Web:Playground=true</c> and a dashboard token, for holders of that token.
    /// </summary>
    public PlaygroundDecision Decide(bool localCaller)
    {
        var setting = options.CurrentValue.Playground;
        if (setting == false)
        {
            return PlaygroundDecision.Off;
        }

        if (localCaller && !environment.IsProduction())
        {
            return PlaygroundDecision.Open;
        }

        return setting == true && !string.IsNullOrEmpty(Token) ? PlaygroundDecision.NeedsToken : PlaygroundDecision.Off;
    }

    /// <summary>Whether this request may use the playground: open to it, or carrying the dashboard token (bearer header or login cookie).</summary>
    public bool Allows(HttpContext http) => Decide(http) switch
    {
        PlaygroundDecision.Open => true,
        PlaygroundDecision.NeedsToken => HasToken(http),
        _ => false,
    };

    /// <summary>A session cookie for a correct token (never the token itself); false for a wrong one.</summary>
    public bool TrySignIn(HttpContext http, string typedToken)
    {
        if (Token is not { Length: > 0 } token || !Same(typedToken, token))
        {
            return false;
        }

        sessions.Issue(http, Login, token);
        return true;
    }

    private string? Token => configuration["Scheduler:DashboardToken"];

    private bool HasToken(HttpContext http)
    {
        var token = Token!;
        var header = http.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return BearerIsRight(http, header["Bearer ".Length..].Trim(), token, guesses);
        }

        return sessions.IsValid(http, Login, token);
    }

    /// <summary>A bearer token checked against the guess budget: a wrong one spends it, and a spent one refuses even the right token.</summary>
    internal static bool BearerIsRight(HttpContext http, string typed, string token, TokenGuesses guesses)
    {
        if (!guesses.MayTry(http))
        {
            return false;
        }

        if (Same(typed, token))
        {
            return true;
        }

        guesses.Wrong(http);
        return false;
    }

    private static bool Same(string typed, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(typed)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
