namespace TikTokBot.TikTok.Api;

/// <summary>Configuration <c>TikTok:*</c> for the API source.</summary>
public sealed class TikTokApiOptions
{
    public Uri ApiBaseUrl { get; set; } = new("https://business-api.tiktok.com/open_api/v1.3/");

    /// <summary>A long-term access token of TikTok for Business; sent as the <c>Access-Token</c> header, never logged.</summary>
    public string? AccessToken { get; set; }

    /// <summary>The advertiser accounts to read, comma-separated in configuration.</summary>
    public string AdvertiserIds { get; set; } = "";

    /// <summary>
    /// Kept for old settings: read as <c>TikTok:Quota:PerSecond</c> when that is not set (see <see cref="Quota.TikTokQuotaOptions"/>),
    /// and the rate of a client built without the app's shared quota.
    /// </summary>
    public int MaxRequestsPerSecond { get; set; } = 10;

    /// <summary>
    /// How often a request that may pass is retried before the user is told: rate limiting (40100), TikTok's internal
    /// errors (50000...), HTTP 5xx, timeouts.
    /// </summary>
    public int RateLimitRetries { get; set; } = 5;

    /// <summary>The first wait before a retry; each further wait doubles.</summary>
    public TimeSpan RateLimitBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary><c>TikTok:AsyncReports:*</c>: when and how a report too large to page through goes as a report task.</summary>
    public AsyncReportOptions AsyncReports { get; set; } = new();

    /// <summary>
    /// Each advertiser's currency and time zone by advertiser id (<c>TikTok:AccountDetails:&lt;id&gt;:Currency</c>, <c>...:TimeZone</c>);
    /// an advertiser not named here is read as US dollars and UTC days. A connected advertiser brings its own from TikTok.
    /// </summary>
    public Dictionary<string, AdvertiserAccountDetails> AccountDetails { get; set; } = new(StringComparer.Ordinal);

    /// <summary>These settings with another token and advertisers: a workspace's own connection, under the same limits.</summary>
    public TikTokApiOptions For(string accessToken, IEnumerable<string> advertiserIds)
    {
        var copy = (TikTokApiOptions)MemberwiseClone();
        copy.AccessToken = accessToken;
        copy.AdvertiserIds = string.Join(',', advertiserIds);
        return copy;
    }

    /// <summary>These settings reading <paramref name="advertisers"/> with their own currency and time zone.</summary>
    public TikTokApiOptions For(string accessToken, IReadOnlyCollection<(string AdvertiserId, AdvertiserAccountDetails Details)> advertisers)
    {
        var copy = For(accessToken, advertisers.Select(a => a.AdvertiserId));
        copy.AccountDetails = advertisers.ToDictionary(a => a.AdvertiserId, a => a.Details, StringComparer.Ordinal);
        return copy;
    }

    /// <summary>The advertiser's currency and time zone, US dollars and UTC when unknown.</summary>
    public AdvertiserAccountDetails DetailsOf(string advertiserId) =>
        AccountDetails.TryGetValue(advertiserId, out var details) ? details : AdvertiserAccountDetails.Unknown;

    public IReadOnlyList<string> Advertisers =>
        AdvertiserIds.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>What TikTok's <c>advertiser/info/</c> says about how an advertiser's figures are to be read.</summary>
public sealed class AdvertiserAccountDetails
{
    public static readonly AdvertiserAccountDetails Unknown = new();

    /// <summary>The advertiser account's name, to tell its campaigns from another account's; null when unknown.</summary>
    public string? Name { get; set; }

    /// <summary>ISO 4217 code of every money figure of the advertiser.</summary>
    public string Currency { get; set; } = "USD";

    /// <summary>IANA time zone whose days TikTok's daily rows are.</summary>
    public string TimeZone { get; set; } = "UTC";
}
