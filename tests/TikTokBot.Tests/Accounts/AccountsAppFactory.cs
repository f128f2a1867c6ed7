using System.Net;
using System.Text.Json;
using Dapper;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using TikTokBot.Accounts;
using TikTokBot.Storage.Database;
using TikTokBot.Testing;

namespace TikTokBot.Tests.Accounts;

/// <summary>
/// The app on Kestrel with the fake Slack, the fake TikTok (its OAuth endpoints included) and a clock the test
/// moves; every log line is kept. Several factories may share a database and a data folder to play two instances.
/// </summary>
internal sealed class AccountsAppFactory(FakeTikTokApi tiktok, FakeTimeProvider clock, IReadOnlyDictionary<string, string>? settings = null) : FakeSlackAppFactory
{
    public const string PublicUrl = "https://bot.example.test";
    public const string Team = "T0ACCOUNTS";
    public const string Admin = "U0ADMIN";

    public static readonly FakeAdvertiser Tokyo = new("7100000000000000001", "Tokyo <Shop> & Co", "JPY", "Asia/Tokyo");
    public static readonly FakeAdvertiser LosAngeles = new("7100000000000000002", "LA Store", "USD", "America/Los_Angeles");
    public static readonly FakeAdvertiser NoReports = new("7100000000000000003", "No Reports Ltd", "EUR", "Europe/Berlin", CanReport: false);

    public LogCapture Logs { get; } = new();

    public AccountsService Accounts => Services.GetRequiredService<AccountsService>();

    public TokenRefusals TokenRefusals => Services.GetRequiredService<TokenRefusals>();

    protected override IEnumerable<(string Key, string Value)> MoreSettings() =>
        new Dictionary<string, string>
        {
            ["Logging:LogLevel:Default"] = "Debug",
            // The shipped settings quiet HttpClient's request lines; the secrets test needs them, to see they are redacted.
            ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Debug",
            // These tests count each workspace's TikTok requests: no history read ahead in the background between them.
            ["Reports:ReadHistoryAhead"] = "false",
            ["TikTok:AppId"] = FakeTikTokAccounts.AppId,
            ["TikTok:AppSecret"] = FakeTikTokAccounts.AppSecret,
            ["TikTok:ApiBaseUrl"] = tiktok.BaseUrl.ToString(),
            ["App:PublicUrl"] = PublicUrl,
            // These tests count TikTok requests around accounts, not the quota: a quota this wide lets a background
            // history read started by one step finish before the next, as it did before calls were paced.
            ["TikTok:Quota:PerSecond"] = "1000",
            ["TikTok:Quota:PerMinute"] = "60000",
            ["TikTok:Quota:PerDay"] = "86400000",
        }
        .Concat(settings ?? new Dictionary<string, string>())
        .GroupBy(s => s.Key)
        .Select(g => (g.Key, g.Last().Value));

    /// <summary>The app's Hangfire work (digests, alert scans) as signals a test can wait on.</summary>
    public TikTokBot.Tests.Digests.JobSignals Jobs { get; } = new();

    protected override void ReplaceServices(IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
        Jobs.AddTo(services);
        services.AddSingleton<ILoggerProvider>(Logs);
    }

    /// <summary>Asks for a connect link as <paramref name="user"/> and returns the state TikTok would send back.</summary>
    public async Task<string> BeginAsync(string user = Admin)
    {
        var start = await Accounts.BeginConnectAsync(Team, null, user, CancellationToken.None);
        var link = Assert.IsType<ConnectStart.Link>(start);
        return QueryHelpers.ParseQuery(link.Url.Query)["state"].ToString();
    }

    /// <summary>TikTok redirecting the person's browser to the callback.</summary>
    public async Task<(HttpStatusCode Status, string Page)> CallbackAsync(string? state, string? authCode)
    {
        using var client = CreateKestrelClient();
        var query = new Dictionary<string, string?> { ["state"] = state, ["auth_code"] = authCode }.Where(p => p.Value is not null);
        using var response = await client.GetAsync(QueryHelpers.AddQueryString("/tiktok/oauth/callback", query));
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Connects <paramref name="advertisers"/> to <paramref name="team"/> in one authorisation, through the real callback; the token TikTok issued.</summary>
    public async Task<string> ConnectAsync(string team, params FakeAdvertiser[] advertisers)
    {
        var link = Assert.IsType<ConnectStart.Link>(await Accounts.BeginConnectAsync(team, null, Admin, CancellationToken.None));
        var state = QueryHelpers.ParseQuery(link.Url.Query)["state"].ToString();
        var (status, page) = await CallbackAsync(state, tiktok.Accounts.Authorise([.. advertisers.Select(a => a.AdvertiserId)]));
        Assert.True(status == HttpStatusCode.OK, page);
        return tiktok.Accounts.Issued.Last();
    }

    /// <summary>
    /// A signed <c>/ttmetrics</c> from the admin of <paramref name="team"/>; every string of its <paramref name="messages"/>
    /// messages, decoded: what a person could read. The first comes inline, the others through a response_url; on a busy
    /// machine the app may acknowledge with "Reading…" first, and then every message comes through the response_url.
    /// </summary>
    public async Task<string> AskAsync(string team, string text, int messages = 1, string channel = "C0001")
    {
        await using var hook = await ResponseUrlHook.StartAsync();
        using var client = CreateKestrelClient();
        var body = $"token=x&team_id={team}&team_domain=acme&channel_id={channel}&user_id={Admin}&command=%2Fttmetrics" +
                   $"&text={Uri.EscapeDataString(text)}&response_url={Uri.EscapeDataString(hook.Url)}&trigger_id=1.2.3";
        using var response = await client.SendAsync(SlackTestRequests.Signed("/slack/commands", body, at: clock.GetUtcNow()));
        response.EnsureSuccessStatusCode();
        using var inline = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var parts = new List<string>();
        var deferred = inline.RootElement.TryGetProperty("text", out var ack) && ack.GetString() is { } said &&
            (said == "Working on it…" || (said.StartsWith("Reading ", StringComparison.Ordinal) && said.EndsWith('…')));
        if (!deferred)
        {
            parts.Add(string.Join('\n', Strings(inline.RootElement)));
        }

        while (parts.Count < messages)
        {
            using var json = JsonDocument.Parse(await hook.NextAsync());
            parts.Add(string.Join('\n', Strings(json.RootElement)));
        }

        return string.Join('\n', parts);
    }

    /// <summary>Every string in a Slack payload, decoded.</summary>
    public static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    /// <summary>The rows of the connections table as the database holds them.</summary>
    public async Task<IReadOnlyList<(string Team, string Advertiser, string Token)>> RawConnectionsAsync()
    {
        await using var connection = await Services.GetRequiredService<StorageDatabase>().OpenAsync(CancellationToken.None);
        return (await connection.QueryAsync<(string, string, string)>("SELECT team_id, advertiser_id, access_token FROM tiktok_connections ORDER BY advertiser_id;")).AsList();
    }
}
