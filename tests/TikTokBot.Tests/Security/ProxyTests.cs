using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace TikTokBot.Tests.Security;

/// <summary>
/// The app behind a reverse proxy on the same host: every request arrives from loopback, so the playground must decide by
/// the caller (forwarding headers, the token), never by the listening address; and only the public host name is served.
/// </summary>
public sealed class ProxyTests
{
    private static HttpRequestMessage Get(string path, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, HttpRequestMessage request)
    {
        using (request)
        using (var response = await client.SendAsync(request))
        {
            return response.StatusCode;
        }
    }

    [Theory]
    [InlineData("X-Forwarded-For", "203.0.113.9")]
    [InlineData("Forwarded", "for=203.0.113.9;proto=https")]
    [InlineData("X-Real-IP", "203.0.113.9")]
    [InlineData("X-Forwarded-Proto", "https")]
    public async Task A_forwarded_request_is_no_local_caller_even_from_loopback_so_the_playground_asks_for_the_token(string header, string value)
    {
        await using var app = new ConfiguredAppFactory("Development",
            ("Scheduler:DashboardToken", ConfiguredAppFactory.Token), ("Web:Playground", "true"), ("Web:KnownProxies", "127.0.0.1"));
        using var client = app.CreateKestrelClient();

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, Get("/playground")));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(client, Get("/playground", (header, value))));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(client, Get("/playground/playground.js", (header, value))));
        Assert.Equal(HttpStatusCode.OK,
            await StatusAsync(client, Get("/playground", (header, value), ("Authorization", "Bearer " + ConfiguredAppFactory.Token))));
    }

    [Fact]
    public async Task Forwarded_and_not_switched_on_the_playground_is_not_there()
    {
        await using var app = new ConfiguredAppFactory("Development", ("Scheduler:DashboardToken", ConfiguredAppFactory.Token));
        using var client = app.CreateKestrelClient();

        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(client, Get("/playground", ("X-Forwarded-For", "203.0.113.9"))));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(client,
            Get("/playground", ("X-Forwarded-For", "203.0.113.9"), ("Authorization", "Bearer " + ConfiguredAppFactory.Token))));
    }

    [Fact]
    public async Task In_Production_even_a_local_caller_needs_the_setting_and_the_token()
    {
        await using (var off = new ConfiguredAppFactory("Production", ("Scheduler:DashboardToken", ConfiguredAppFactory.Token)))
        {
            using var client = off.CreateKestrelClient();
            Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(client, Get("/playground")));
            Assert.Contains("The playground is off here", await client.GetStringAsync("/"));
        }

        await using var on = new ConfiguredAppFactory("Production", ("Scheduler:DashboardToken", ConfiguredAppFactory.Token), ("Web:Playground", "true"));
        using var local = on.CreateKestrelClient();
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(local, Get("/playground")));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(local, Get("/playground", ("Authorization", "Bearer " + ConfiguredAppFactory.Token))));
    }

    [Fact]
    public async Task With_a_public_url_a_request_naming_another_host_is_refused()
    {
        await using var app = new ConfiguredAppFactory("Production", ("App:PublicUrl", "https://bot.example.com"));
        using var client = app.CreateKestrelClient();

        Assert.Equal(HttpStatusCode.BadRequest, await StatusAsync(client, Get("/", ("Host", "attacker.example"))));
        Assert.Equal(HttpStatusCode.BadRequest, await StatusAsync(client, Get("/healthz", ("Host", "bot.example.com.attacker.example"))));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, Get("/", ("Host", "bot.example.com"))));
        // A health check on the machine itself names the loopback address.
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, Get("/healthz")));
    }

    [Theory]
    [InlineData("Web:KnownProxies", "not-an-address")]
    [InlineData("Web:KnownNetworks", "10.0.0.0/99")]
    public void A_proxy_setting_that_does_not_parse_stops_the_start_naming_the_setting(string key, string value)
    {
        using var app = new ConfiguredAppFactory("Production", (key, value));
        var failure = Assert.ThrowsAny<Exception>(() => app.CreateKestrelClient().Dispose());
        Assert.Contains(key, failure.ToString());
    }

    [Fact]
    public async Task The_playground_workspace_reads_the_demo_data_even_when_the_deployment_reads_real_advertisers()
    {
        var folder = Directory.CreateTempSubdirectory("tiktokbot-proxy-csv-").FullName;
        try
        {
            var csv = Path.Combine(folder, "export.csv");
            await File.WriteAllLinesAsync(csv, ["By Day,Campaign name,Ad group name,Cost,Impressions,Clicks (destination),Conversions",
                "2026-11-20,Real Advertiser Campaign,Broad,120,20000,180,6"]);
            await using var app = new ConfiguredAppFactory("Development", ("TikTok:Source", "Csv"), ("TikTok:CsvPath", csv));
            using var client = app.CreateKestrelClient();

            var answer = await client.PostAsync("/playground/api/command", new StringContent("""{"text":"list"}""", Encoding.UTF8, "application/json"));

            var text = await answer.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.DoesNotContain("Real Advertiser Campaign", text);
            Assert.Contains("Autumn Sale", text);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
