using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TikTokBot.Testing;
using TikTokBot.TikTok.Accounts;

namespace TikTokBot.TikTok.Tests.Accounts;

/// <summary>The advertiser OAuth client against the fake TikTok's OAuth endpoints, over a real socket.</summary>
public sealed class TikTokAccountsClientTests : IAsyncLifetime
{
    private static readonly FakeAdvertiser Tokyo = new("7100000000000000001", "Tokyo Shop", "JPY", "Asia/Tokyo");
    private static readonly FakeAdvertiser LosAngeles = new("7100000000000000002", "LA Store", "USD", "America/Los_Angeles");
    private static readonly FakeAdvertiser Hidden = new("7100000000000000003", "No Reports Ltd", "EUR", "Europe/Berlin", CanReport: false);

    private readonly ListLogger _logs = new();
    private FakeTikTokApi _fake = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeTikTokApi.StartAsync(new DateOnly(2026, 11, 22));
        _fake.Accounts.Add(Tokyo, LosAngeles, Hidden);
        _http = new HttpClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _fake.DisposeAsync();
    }

    private TikTokAccountsClient Client(string secret = FakeTikTokAccounts.AppSecret) => new(_http, new FixedOptions(new TikTokAppOptions
    {
        AppId = FakeTikTokAccounts.AppId,
        AppSecret = secret,
        ApiBaseUrl = _fake.BaseUrl,
    }), _logs);

    [Fact]
    public async Task Account_calls_take_their_turn_from_the_app_quota_and_a_paused_quota_is_said_plainly()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));
        // A 40100 that pauses five minutes at once (as after a spent minute), longer than a person is kept waiting.
        await using var quota = TikTokBot.TikTok.Quota.TikTokQuota.InProcess(new TikTokBot.TikTok.Quota.TikTokQuotaOptions { FirstThrottlePause = TimeSpan.FromMinutes(5) }, time);
        var client = new TikTokAccountsClient(_http, new FixedOptions(new TikTokAppOptions
        {
            AppId = FakeTikTokAccounts.AppId,
            AppSecret = FakeTikTokAccounts.AppSecret,
            ApiBaseUrl = _fake.BaseUrl,
        }), _logs, quota);

        var grant = await client.ExchangeAuthCodeAsync(_fake.Accounts.Authorise(Tokyo.AdvertiserId), default);
        Assert.Equal(1, (await quota.SnapshotAsync(default)).DayUsed);
        await quota.ThrottledAsync(default);
        var asked = _fake.Requests.Count;

        var refused = await Assert.ThrowsAsync<TikTokOAuthException>(() => client.ListAdvertisersAsync(grant.AccessToken, default));

        Assert.Equal(OAuthFailure.Unavailable, refused.Failure);
        Assert.Contains("until 10:05 UTC", refused.Message, StringComparison.Ordinal);
        Assert.Equal(asked, _fake.Requests.Count);
    }

    [Fact]
    public void The_authorisation_link_carries_the_app_the_state_and_the_redirect()
    {
        var url = Client().AuthorizationUrl("state.with/odd+chars", new Uri("https://bot.example.com/tiktok/oauth/callback"));

        Assert.Equal(
            "https://business-api.tiktok.com/portal/auth?app_id=7000000000000000001&state=state.with%2Fodd%2Bchars&redirect_uri=https%3A%2F%2Fbot.example.com%2Ftiktok%2Foauth%2Fcallback",
            url.AbsoluteUri);
    }

    [Fact]
    public async Task An_auth_code_becomes_a_token_that_lists_and_reads_only_its_own_advertisers()
    {
        var client = Client();
        var code = _fake.Accounts.Authorise(Tokyo.AdvertiserId, LosAngeles.AdvertiserId);

        var grant = await client.ExchangeAuthCodeAsync(code, default);
        var listed = await client.ListAdvertisersAsync(grant.AccessToken, default);
        var tokyo = await client.GetAdvertiserInfoAsync(grant.AccessToken, Tokyo.AdvertiserId, default);

        Assert.Equal(_fake.Accounts.Issued.Single(), grant.AccessToken);
        Assert.Equal([Tokyo.AdvertiserId, LosAngeles.AdvertiserId], grant.AdvertiserIds);
        Assert.Equal([new AuthorisedAdvertiser(Tokyo.AdvertiserId, "Tokyo Shop"), new AuthorisedAdvertiser(LosAngeles.AdvertiserId, "LA Store")], listed);
        Assert.Equal(new AdvertiserInfo(Tokyo.AdvertiserId, "Tokyo Shop", "JPY", "Asia/Tokyo", "STATUS_ENABLE", "ROLE_ADVERTISER"), tokyo);
        Assert.DoesNotContain(grant.AccessToken, grant.ToString(), StringComparison.Ordinal);

        var other = await client.ExchangeAuthCodeAsync(_fake.Accounts.Authorise(Hidden.AdvertiserId), default);
        var refused = await Assert.ThrowsAsync<TikTokOAuthException>(() => client.GetAdvertiserInfoAsync(other.AccessToken, Tokyo.AdvertiserId, default));
        Assert.Equal((OAuthFailure.NoPermission, 40001), (refused.Failure, refused.Code));
    }

    [Fact]
    public async Task An_auth_code_works_once()
    {
        var client = Client();
        var code = _fake.Accounts.Authorise(Tokyo.AdvertiserId);
        await client.ExchangeAuthCodeAsync(code, default);

        var again = await Assert.ThrowsAsync<TikTokOAuthException>(() => client.ExchangeAuthCodeAsync(code, default));

        Assert.Equal((OAuthFailure.AuthCodeRefused, 40110), (again.Failure, again.Code));
        Assert.Contains("expired or was already used", again.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_app_credentials_are_the_operators_to_fix_and_the_secret_is_never_repeated()
    {
        var refused = await Assert.ThrowsAsync<TikTokOAuthException>(() => Client("wrong-secret-xyz").ExchangeAuthCodeAsync(_fake.Accounts.Authorise(Tokyo.AdvertiserId), default));

        Assert.Equal(OAuthFailure.AppCredentialsRefused, refused.Failure);
        Assert.Contains("TikTok:AppSecret", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-secret-xyz", refused.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoked_token_is_refused_and_the_message_TikTok_echoes_is_redacted()
    {
        var client = Client();
        var grant = await client.ExchangeAuthCodeAsync(_fake.Accounts.Authorise(LosAngeles.AdvertiserId), default);
        await client.RevokeAsync(grant.AccessToken, default);

        var refused = await Assert.ThrowsAsync<TikTokOAuthException>(() => client.ListAdvertisersAsync(grant.AccessToken, default));
        Assert.Equal((OAuthFailure.TokenRefused, 40105), (refused.Failure, refused.Code));
        Assert.Contains(grant.AccessToken, _fake.Accounts.Revoked);

        _fake.Accounts.RefuseExchange = (40002, $"auth_code echoed-code-123 and secret {FakeTikTokAccounts.AppSecret} rejected");
        var echoed = await Assert.ThrowsAsync<TikTokOAuthException>(() => client.ExchangeAuthCodeAsync("echoed-code-123", default));
        Assert.Equal(OAuthFailure.Refused, echoed.Failure);
        Assert.Contains("auth_code [hidden] and secret [hidden] rejected", echoed.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeTikTokAccounts.AppSecret, echoed.ToString(), StringComparison.Ordinal);
        Assert.All(_logs.Lines, line => Assert.DoesNotContain("echoed-code-123", line, StringComparison.Ordinal));
        Assert.All(_logs.Lines, line => Assert.DoesNotContain(FakeTikTokAccounts.AppSecret, line, StringComparison.Ordinal));
        Assert.All(_logs.Lines, line => Assert.DoesNotContain(grant.AccessToken, line, StringComparison.Ordinal));
        Assert.NotEmpty(_logs.Lines);
    }

    [Fact]
    public async Task An_unreachable_TikTok_is_a_plain_try_again()
    {
        var closed = new TikTokAccountsClient(_http, new FixedOptions(new TikTokAppOptions
        {
            AppId = FakeTikTokAccounts.AppId,
            AppSecret = FakeTikTokAccounts.AppSecret,
            ApiBaseUrl = new Uri("http://127.0.0.1:1/open_api/v1.3/"),
        }), _logs);

        var failed = await Assert.ThrowsAsync<TikTokOAuthException>(() => closed.ExchangeAuthCodeAsync("code", default));

        Assert.Equal(OAuthFailure.Unavailable, failed.Failure);
        Assert.Contains("Try again in a few minutes", failed.Message, StringComparison.Ordinal);
    }

    private sealed class FixedOptions(TikTokAppOptions value) : IOptionsMonitor<TikTokAppOptions>
    {
        public TikTokAppOptions CurrentValue => value;

        public TikTokAppOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<TikTokAppOptions, string?> listener) => null;
    }

    private sealed class ListLogger : ILogger<TikTokAccountsClient>
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _lines = new();

        public IReadOnlyList<string> Lines => _lines.ToArray();

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            _lines.Enqueue(formatter(state, exception));
    }
}
