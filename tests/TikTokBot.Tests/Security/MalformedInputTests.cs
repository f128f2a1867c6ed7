using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;

namespace TikTokBot.Tests.Security;

/// <summary>The app in Production with the dashboard and the playground login both served, so every login page reads its form.</summary>
public class LoginPagesAppFactory : KestrelAppFactory
{
    public const string Token = "dashboard-token-0123456789abcdef";

    protected override IEnumerable<(string Key, string Value)> ExtraSettings() =>
        [("Scheduler:DashboardToken", Token), ("Web:Playground", "true"), ("Web:LoginAttempts", "1000"), .. MoreSettings()];

    protected virtual IEnumerable<(string Key, string Value)> MoreSettings() => [];

    // Production: the playground login is served to a local caller too, so its form is read.
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
    }
}

/// <summary>Signed but malformed input, and login posts that are not forms: each once answered 500, now a 4xx.</summary>
public sealed class MalformedInputTests(LoginPagesAppFactory app) : IClassFixture<LoginPagesAppFactory>
{
    [Theory]
    // A lone surrogate is valid JSON escaping but no string .NET can transcode.
    [InlineData("""{"type":"url_verification","challenge":"\ud800"}""")]
    [InlineData("""{"type":"url_verification","challenge":"ok\udfffok"}""")]
    [InlineData("""{"type":"event_callback","team_id":"T1","event":{}}""")]
    [InlineData("""{"type":"event_callback","team_id":"T1","event":{"type":null}}""")]
    [InlineData("""{"type":"event_callback","team_id":"T1","event":[]}""")]
    public async Task A_malformed_event_is_a_400(string body)
    {
        using var client = app.CreateKestrelClient();
        using var response = await client.SendAsync(SlackTestRequests.Signed("/slack/events", body, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("""{"type":"block_actions","team":{"id":"T1"},"user":{"id":"U1"},"actions":[{"type":"button","value":"x"}]}""")]
    [InlineData("""{"type":"block_actions","team":{"id":"T1"},"user":{"id":"U1"},"actions":[{"action_id":null}]}""")]
    [InlineData("""{"type":"shortcut","team":{"id":"T1"},"user":{"id":"U1"},"callback_id":null}""")]
    [InlineData("""{"type":"view_submission","team":{"id":"T1"},"user":{"id":"U1"},"view":{"callback_id":"\ud800"}}""")]
    [InlineData("""{"type":"block_actions","team":{"id":"T1"},"user":{"id":"U1"},"actions":[{"action_id":"\udc00"}]}""")]
    public async Task A_malformed_interaction_is_a_4xx(string json)
    {
        using var client = app.CreateKestrelClient();
        using var response = await client.SendAsync(SlackTestRequests.Signed("/slack/interactions", "payload=" + Uri.EscapeDataString(json)));
        Assert.InRange((int)response.StatusCode, 200, 499);
    }

    [Theory]
    [InlineData("/hangfire/login", "application/json", """{"token":"x"}""")]
    [InlineData("/playground/login", "application/json", """{"token":"x"}""")]
    [InlineData("/hangfire/login", "text/plain", "token=x")]
    [InlineData("/playground/login", "", "")]
    [InlineData("/hangfire/login", "multipart/form-data", "not multipart at all")]
    [InlineData("/playground/login", "multipart/form-data; boundary=x", "--x\r\nbroken")]
    [InlineData("/playground/login", "application/x-www-form-urlencoded", "token=%zz&&=&token")]
    public async Task A_login_post_that_is_not_a_form_is_a_4xx(string path, string contentType, string body)
    {
        using var client = app.CreateKestrelClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        if (contentType.Length > 0)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        using var response = await client.SendAsync(request);
        Assert.InRange((int)response.StatusCode, 400, 499);
    }

    [Theory]
    [InlineData("/hangfire/login")]
    [InlineData("/playground/login")]
    public async Task A_login_post_larger_than_Web_LoginFormMaxBytes_is_a_413_unread(string path)
    {
        using var client = app.CreateKestrelClient();
        using var response = await client.PostAsync(path, new StringContent("token=" + new string('a', 20_000), Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
