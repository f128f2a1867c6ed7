namespace TikTokBot.TikTok.Api;

/// <summary>Configuration <c>TikTok:*</c> for the API source.</summary>
public sealed class TikTokApiOptions
{
    public Uri ApiBaseUrl { get; set; } = new("https://business-api.tiktok.com/open_api/v1.3/");

    /// <summary>A long-term access token of TikTok for Business; sent as the <c>Access-Token</c> header, never logged.</summary>
    public string? AccessToken { get; set; }

    /// <summary>The advertiser accounts to read, comma-separated in configuration.</summary>
    public string AdvertiserIds { get; set; } = "";

    /// <summary>TikTok limits requests per app, so every call of this process goes through one limiter.</summary>
    public int MaxRequestsPerSecond { get; set; } = 10;

    /// <summary>
    /// How often a request that may pass is retried before the user is told: rate limiting (40100), TikTok's internal
    /// errors (50000...), HTTP 5xx, timeouts.
    /// </summary>
    public int RateLimitRetries { get; set; } = 5;

    /// <summary>The first wait before a retry; each further wait doubles.</summary>
    public TimeSpan RateLimitBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the advertiser-wide reports behind many campaigns are shared.</summary>
    public TimeSpan ReportLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>These settings with another token and advertisers: a workspace's own connection, under the same limits.</summary>
    public TikTokApiOptions For(string accessToken, IEnumerable<string> advertiserIds)
    {
        var copy = (TikTokApiOptions)MemberwiseClone();
        copy.AccessToken = accessToken;
        copy.AdvertiserIds = string.Join(',', advertiserIds);
        return copy;
    }

    public IReadOnlyList<string> Advertisers =>
        AdvertiserIds.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
