namespace TikTokBot.Slack;

/// <summary>
/// Settings bound from the <c>Slack</c> configuration section. Key names are stable:
/// <c>Slack:SigningSecret</c>, <c>Slack:BotToken</c>, <c>Slack:AppToken</c>, <c>Slack:ClientId</c>,
/// <c>Slack:ClientSecret</c>, <c>Slack:ApiBaseUrl</c>.
/// </summary>
public sealed class SlackOptions
{
    public const string SectionName = "Slack";

    /// <summary>Verifies every HTTP request from Slack. Without it every request is refused.</summary>
    public string? SigningSecret { get; set; }

    /// <summary><c>xoxb-</c> token used when no installation is stored for a team (single workspace).</summary>
    public string? BotToken { get; set; }

    /// <summary><c>xapp-</c> token; when set the app also receives payloads over Socket Mode.</summary>
    public string? AppToken { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>Web API base address, ending in a slash.</summary>
    public string ApiBaseUrl { get; set; } = "https://slack.com/api/";

    /// <summary>Bot scopes requested by <c>GET /slack/install</c>, comma separated.</summary>
    public string Scopes { get; set; } = "commands,chat:write";

    /// <summary>Optional redirect URI sent to the authorize page and to oauth.v2.access.</summary>
    public string? RedirectUri { get; set; }

    /// <summary>Where the install endpoint sends the user; Slack's authorize page by default.</summary>
    public string AuthorizeUrl { get; set; } = "https://slack.com/oauth/v2/authorize";

    /// <summary>How long an install <c>state</c> stays valid.</summary>
    public TimeSpan OAuthStateLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Install states waiting for their callback at once; past it <c>/slack/install</c> answers 429 until some finish or expire.</summary>
    public int OAuthStatesCap { get; set; } = 1000;

    /// <summary>When an unacknowledged request is answered with an empty ack and a warning is logged.</summary>
    public TimeSpan AckTimeout { get; set; } = TimeSpan.FromMilliseconds(2500);

    /// <summary>
    /// Handlers running at once, including the work they go on with after their ack. Past it, a new payload waits up
    /// to <see cref="AckTimeout"/> for a slot and is then turned away (a slash command is told to try again), so a
    /// flood queues at the socket instead of in memory. High enough that a burst waiting on a slow TikTok is not
    /// turned away (2,000 commands at once in the load test hold under 2,000 slots).
    /// </summary>
    public int MaxConcurrentHandlers { get; set; } = 4096;

    /// <summary>Minimum spacing of chat.postMessage calls to one channel once its burst is spent.</summary>
    public TimeSpan PostMessageInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many chat.postMessage calls a channel may make back to back before pacing starts.</summary>
    public int PostMessageBurst { get; set; } = 3;

    /// <summary>Retries for 5xx, timeouts and 429 answers.</summary>
    public int MaxRetries { get; set; } = 6;

    /// <summary>First backoff delay for 5xx and timeouts; doubled each attempt.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Upper bound of one backoff delay.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Timeout of one Web API attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>First Socket Mode reconnect delay; doubled after each failed attempt.</summary>
    public TimeSpan SocketReconnectBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan SocketReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(30);
}
