using System.Net;
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
public sealed class AccountsAppFactory(FakeTikTokApi tiktok, FakeTimeProvider clock, IReadOnlyDictionary<string, string>? settings = null) : FakeSlackAppFactory
{
    public const string PublicUrl = "https://bot.example.test";
    public const string Team = "T0ACCOUNTS";
    public const string Admin = "U0ADMIN";

    public static readonly FakeAdvertiser Tokyo = new("7100000000000000001", "Tokyo <Shop> & Co", "JPY", "Asia/Tokyo");
    public static readonly FakeAdvertiser LosAngeles = new("7100000000000000002", "LA Store", "USD", "America/Los_Angeles");
    public static readonly FakeAdvertiser NoReports = new("7100000000000000003", "No Reports Ltd", "EUR", "Europe/Berlin", CanReport: false);

    public LogCapture Logs { get; } = new();

    public AccountsService Accounts => Services.GetRequiredService<AccountsService>();

    protected override IEnumerable<(string Key, string Value)> MoreSettings() =>
        new Dictionary<string, string>
        {
            ["Logging:LogLevel:Default"] = "Debug",
            // The shipped settings quiet HttpClient's request lines; the secrets test needs them, to see they are redacted.
            ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Debug",
            ["TikTok:AppId"] = FakeTikTokAccounts.AppId,
            ["TikTok:AppSecret"] = FakeTikTokAccounts.AppSecret,
            ["TikTok:ApiBaseUrl"] = tiktok.BaseUrl.ToString(),
            ["App:PublicUrl"] = PublicUrl,
        }
        .Concat(settings ?? new Dictionary<string, string>())
        .GroupBy(s => s.Key)
        .Select(g => (g.Key, g.Last().Value));

    protected override void ReplaceServices(IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
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

    /// <summary>The rows of the connections table as the database holds them.</summary>
    public async Task<IReadOnlyList<(string Team, string Advertiser, string Token)>> RawConnectionsAsync()
    {
        await using var connection = await Services.GetRequiredService<StorageDatabase>().OpenAsync(CancellationToken.None);
        return (await connection.QueryAsync<(string, string, string)>("SELECT team_id, advertiser_id, access_token FROM tiktok_connections ORDER BY advertiser_id;")).AsList();
    }
}
