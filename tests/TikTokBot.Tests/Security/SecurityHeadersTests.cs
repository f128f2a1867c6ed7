using System.Net;
using TikTokBot.Web.Security;

namespace TikTokBot.Tests.Security;

/// <summary>Every HTML page carries the security headers; HSTS only when served over HTTPS, as the named proxy says.</summary>
public sealed class SecurityHeadersTests
{
    private static readonly (string Key, string Value)[] Settings =
        [("Scheduler:DashboardToken", ConfiguredAppFactory.Token), ("Web:Playground", "true"), ("Web:KnownProxies", "127.0.0.1")];

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await client.SendAsync(request);
    }

    private static void AssertHeaders(HttpResponseMessage response, string policy)
    {
        var what = response.RequestMessage!.RequestUri!.PathAndQuery;
        Assert.True(response.Content.Headers.ContentType?.MediaType == "text/html", $"{what} is an HTML page");
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal(policy, csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("Development", "/", HttpStatusCode.OK)]
    [InlineData("Development", "/playground", HttpStatusCode.OK)]
    [InlineData("Production", "/playground", HttpStatusCode.Unauthorized)]
    [InlineData("Production", "/hangfire/login", HttpStatusCode.OK)]
    public async Task Every_page_carries_the_policy(string environment, string path, HttpStatusCode status)
    {
        await using var app = new ConfiguredAppFactory(environment, Settings);
        using var client = app.CreateKestrelClient();

        using var response = await GetAsync(client, path);

        Assert.Equal(status, response.StatusCode);
        AssertHeaders(response, path.StartsWith("/hangfire", StringComparison.Ordinal) ? SecurityHeaders.DashboardPolicy : SecurityHeaders.PagePolicy);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "no HSTS over plain HTTP");
        // Nothing inline for the policy to block: the pages load their script and style from files.
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("<style", html);
        Assert.DoesNotContain(" style=", html);
    }

    [Fact]
    public async Task The_dashboard_carries_its_policy_and_runs_no_inline_script()
    {
        await using var app = new ConfiguredAppFactory("Production", Settings);
        using var client = app.CreateKestrelClient();

        using var response = await GetAsync(client, "/hangfire", ("Authorization", "Bearer " + ConfiguredAppFactory.Token));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertHeaders(response, SecurityHeaders.DashboardPolicy);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)[^>]*>", html);
    }

    [Fact]
    public async Task HSTS_when_the_named_proxy_says_the_request_came_over_HTTPS_and_only_then()
    {
        await using var app = new ConfiguredAppFactory("Production", Settings);
        using var client = app.CreateKestrelClient();

        using var overHttps = await GetAsync(client, "/", ("X-Forwarded-Proto", "https"), ("X-Forwarded-For", "203.0.113.9"));
        Assert.Equal("max-age=31536000", Assert.Single(overHttps.Headers.GetValues("Strict-Transport-Security")));
        AssertHeaders(overHttps, SecurityHeaders.PagePolicy);

        await using var unnamed = new ConfiguredAppFactory("Production", Settings[..2]);
        using var direct = unnamed.CreateKestrelClient();
        using var claimed = await GetAsync(direct, "/", ("X-Forwarded-Proto", "https"));
        Assert.False(claimed.Headers.Contains("Strict-Transport-Security"), "a proxy nobody named is not believed");
    }
}
