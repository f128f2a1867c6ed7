using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;

namespace TikTokBot.Tests.Security;

/// <summary>The two token logins (/playground/login, /hangfire/login): token length, guessing, session cookies, and CSRF on the dashboard.</summary>
public sealed partial class LoginTests
{
    private const string Token = ConfiguredAppFactory.Token;

    private static readonly (string Key, string Value)[] Settings =
        [("Scheduler:DashboardToken", Token), ("Web:Playground", "true"), ("Web:KnownProxies", "127.0.0.1")];

    private static FormUrlEncodedContent Form(string token) => new([new("token", token)]);

    private static (HttpClient Client, CookieContainer Cookies) Browser(KestrelAppFactory app)
    {
        using var probe = app.CreateKestrelClient();
        var cookies = new CookieContainer();
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = probe.BaseAddress };
        return (client, cookies);
    }

    [Fact]
    public void A_dashboard_token_shorter_than_the_minimum_stops_the_start()
    {
        using var app = new ConfiguredAppFactory("Production", ("Scheduler:DashboardToken", "short-but-not-24"));
        var failure = Assert.ThrowsAny<Exception>(() => app.CreateKestrelClient().Dispose());
        Assert.Contains("Web:MinimumTokenLength", failure.ToString());
        Assert.DoesNotContain("short-but-not-24", failure.ToString());

        using var lowered = new ConfiguredAppFactory("Production", ("Scheduler:DashboardToken", "short-but-not-24"), ("Web:MinimumTokenLength", "16"));
        lowered.CreateKestrelClient().Dispose();
    }

    [Theory]
    [InlineData("/playground/login")]
    [InlineData("/hangfire/login")]
    public async Task Guessing_is_limited_per_client_and_then_even_the_right_token_waits(string path)
    {
        await using var app = new ConfiguredAppFactory("Production", [.. Settings, ("Web:LoginAttempts", "5"), ("Web:LoginWindow", "01:00:00")]);
        var (client, _) = Browser(app);
        using (client)
        {
            for (var i = 0; i < 5; i++)
            {
                Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync(path, Form("wrong-guess-" + i))).StatusCode);
            }

            Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostAsync(path, Form("wrong-guess-6"))).StatusCode);
            Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostAsync(path, Form(Token))).StatusCode);

            // Behind the named proxy each client address has its own budget.
            using var other = new HttpRequestMessage(HttpMethod.Post, path) { Content = Form(Token) };
            other.Headers.Add("X-Forwarded-For", "203.0.113.9");
            Assert.Equal(HttpStatusCode.Redirect, (await client.SendAsync(other)).StatusCode);
        }
    }

    [Theory]
    [InlineData("/playground", HttpStatusCode.Unauthorized)]
    [InlineData("/hangfire", HttpStatusCode.Unauthorized)]
    public async Task Wrong_bearer_tokens_spend_the_same_budget_and_then_even_the_right_one_is_refused(string page, HttpStatusCode refused)
    {
        await using var app = new ConfiguredAppFactory("Production", [.. Settings, ("Web:LoginAttempts", "5"), ("Web:LoginWindow", "01:00:00")]);
        var (client, _) = Browser(app);
        using (client)
        {
            async Task<HttpStatusCode> WithBearer(string token, string? forwardedFor = null)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, page);
                request.Headers.Add("Authorization", "Bearer " + token);
                if (forwardedFor is not null)
                {
                    request.Headers.Add("X-Forwarded-For", forwardedFor);
                }

                using var response = await client.SendAsync(request);
                return response.StatusCode;
            }

            // The right token does not spend anything.
            for (var i = 0; i < 8; i++)
            {
                Assert.Equal(HttpStatusCode.OK, await WithBearer(Token));
            }

            for (var i = 0; i < 5; i++)
            {
                Assert.Equal(refused, await WithBearer("wrong-guess-" + i));
            }

            Assert.Equal(refused, await WithBearer(Token));
            Assert.Equal(HttpStatusCode.OK, await WithBearer(Token, forwardedFor: "203.0.113.9"));
        }
    }

    [Theory]
    [InlineData("/playground/login", "/playground", "tiktokbot_playground")]
    [InlineData("/hangfire/login", "/hangfire", "tiktokbot-dashboard")]
    public async Task A_session_cookie_is_new_at_every_login_renewed_past_half_its_life_and_dead_after_it(string login, string page, string cookieName)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
        await using var app = new ConfiguredAppFactory("Production", [.. Settings, ("Web:SessionLifetime", "08:00:00")]) { Clock = clock };
        var (client, cookies) = Browser(app);
        using (client)
        {
            var first = await client.PostAsync(login, Form(Token));
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
            var setCookie = Assert.Single(first.Headers.GetValues("Set-Cookie"));
            Assert.Contains("max-age=28800", setCookie, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(Token, setCookie);
            var value = Value(cookies, client, cookieName);
            Assert.NotEqual(value, await SecondLoginValueAsync());

            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(page)).StatusCode);
            clock.Advance(TimeSpan.FromHours(5));
            var renewed = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
            Assert.Contains(renewed.Headers.GetValues("Set-Cookie"), c => c.StartsWith(cookieName + "=", StringComparison.Ordinal));

            // Eight hours after the renewal, and without it the first cookie: both dead.
            clock.Advance(TimeSpan.FromHours(8));
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(page)).StatusCode);
            cookies.Add(client.BaseAddress!, new Cookie(cookieName, value, page));
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(page)).StatusCode);
        }

        async Task<string> SecondLoginValueAsync()
        {
            var (again, jar) = Browser(app);
            using (again)
            {
                Assert.Equal(HttpStatusCode.Redirect, (await again.PostAsync(login, Form(Token))).StatusCode);
                return Value(jar, again, cookieName);
            }
        }
    }

    [Theory]
    [InlineData("/playground/login")]
    [InlineData("/hangfire/login")]
    public async Task The_cookie_is_Secure_when_the_named_proxy_says_HTTPS(string login)
    {
        await using var app = new ConfiguredAppFactory("Production", Settings);
        var (client, _) = Browser(app);
        using (client)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, login) { Content = Form(Token) };
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Add("X-Forwarded-For", "203.0.113.9");
            var response = await client.SendAsync(request);

            Assert.Contains("secure", Assert.Single(response.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task A_dashboard_write_needs_the_antiforgery_token_of_its_page()
    {
        await using var app = new ConfiguredAppFactory("Production", [.. Settings, ("Scheduler:DashboardWrite", "true")]);
        var (client, _) = Browser(app);
        using (client)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync("/hangfire/login", Form(Token))).StatusCode);
            FormUrlEncodedContent Remove() => new([new("jobs[]", "digest:T-NONE:C-NONE")]);

            // A cross-site form post rides on the session cookie alone: refused.
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/hangfire/recurring/remove", Remove())).StatusCode);

            var page = await client.GetStringAsync("/hangfire/recurring");
            var header = AntiforgeryHeader().Match(page).Groups[1].Value;
            var token = AntiforgeryToken().Match(page).Groups[1].Value;
            Assert.NotEmpty(token);
            using var write = new HttpRequestMessage(HttpMethod.Post, "/hangfire/recurring/remove") { Content = Remove() };
            write.Headers.Add(header, WebUtility.HtmlDecode(token));
            Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(write)).StatusCode);
        }
    }

    private static string Value(CookieContainer cookies, HttpClient client, string name) =>
        cookies.GetAllCookies().Single(c => c.Name == name).Value;

    [GeneratedRegex("<meta name=\"csrf-header\" content=\"([^\"]+)\">")]
    private static partial Regex AntiforgeryHeader();

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]+)\">")]
    private static partial Regex AntiforgeryToken();
}
