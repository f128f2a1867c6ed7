using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Time.Testing;

namespace TikTokBot.Tests.Digests;

/// <summary>The Hangfire Dashboard: never open without the configured token, whoever asks, and read-only unless told otherwise.</summary>
public sealed class DigestDashboardTests : IAsyncLifetime
{
    private const string Token = "dashboard-token-0123456789";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero));
    private ScriptedSlack _slack = null!;

    public async Task InitializeAsync() => _slack = await ScriptedSlack.StartAsync();

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    [Fact]
    public async Task Without_a_configured_token_there_is_no_dashboard()
    {
        await using var app = new DigestAppFactory(_slack, _clock, new Dictionary<string, string>());
        using var client = app.CreateKestrelClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/hangfire")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/hangfire/recurring")).StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-token")]
    [InlineData("dashboard-token-012345678")]
    public async Task A_request_without_the_right_token_is_refused_even_from_the_same_machine(string? bearer)
    {
        await using var app = Dashboard(write: false);
        using var client = app.CreateKestrelClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/hangfire/recurring");
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("digest:", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_right_bearer_token_opens_the_dashboard_and_shows_each_subscription_as_a_recurring_job()
    {
        await using var app = Dashboard(write: false);
        using var client = app.CreateKestrelClient();
        await app.StartAsync();
        await app.SubscribeAsync("C0DASH", new TimeOnly(9, 0), "Europe/Berlin");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);

        var response = await client.GetAsync("/hangfire/recurring");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"digest:{DigestAppFactory.Team}:C0DASH", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_login_page_turns_the_right_token_into_a_cookie_and_a_wrong_one_into_a_401()
    {
        await using var app = Dashboard(write: false);
        using var client = app.CreateKestrelClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/hangfire/login")).StatusCode);
        var wrong = await client.PostAsync("/hangfire/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = "guess" }));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/hangfire")).StatusCode);

        var right = await client.PostAsync("/hangfire/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = Token }));

        // The client follows the redirect to the dashboard with the cookie it was given.
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.EndsWith("/hangfire", right.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/hangfire/recurring")).StatusCode);
    }

    [Theory]
    [InlineData(false, HttpStatusCode.Unauthorized, true)]
    [InlineData(true, HttpStatusCode.NoContent, false)]
    public async Task Deleting_a_recurring_job_is_refused_unless_the_dashboard_may_write(bool write, HttpStatusCode status, bool jobKept)
    {
        await using var app = Dashboard(write);
        using var client = app.CreateKestrelClient();
        await app.StartAsync();
        var subscription = await app.SubscribeAsync("C0DASH", new TimeOnly(9, 0), "UTC");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);

        // A write carries the antiforgery token of the dashboard's page, as the page's script sends it (LoginTests: none, 403).
        var page = await client.GetStringAsync("/hangfire/recurring");
        var antiforgery = System.Text.RegularExpressions.Regex.Match(page, "<meta name=\"csrf-token\" content=\"([^\"]+)\">").Groups[1].Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/hangfire/recurring/remove")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["jobs[]"] = $"digest:{DigestAppFactory.Team}:C0DASH" }),
        };
        request.Headers.Add("X-CSRF-TOKEN", WebUtility.HtmlDecode(antiforgery));
        var response = await client.SendAsync(request);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(jobKept, await app.Scheduler.NextFiringAsync(DigestAppFactory.Team, subscription.Id, default) is not null);
    }

    private DigestAppFactory Dashboard(bool write) => new(_slack, _clock, new Dictionary<string, string>
    {
        ["Scheduler:DashboardToken"] = Token,
        ["Scheduler:DashboardWrite"] = write ? "true" : "false",
    });
}
