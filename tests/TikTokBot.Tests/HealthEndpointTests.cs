using System.Net;
using System.Text.Json;

namespace TikTokBot.Tests;

public sealed class HealthEndpointTests : IClassFixture<KestrelAppFactory>
{
    private readonly KestrelAppFactory _factory;

    public HealthEndpointTests(KestrelAppFactory factory) => _factory = factory;

    [Fact]
    public async Task Healthz_answers_ok_over_a_real_socket_and_reveals_nothing_else()
    {
        using var client = _factory.CreateKestrelClient();
        Assert.NotEqual(0, client.BaseAddress!.Port);

        var response = await client.GetAsync("/healthz", CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(CancellationToken.None));
        var property = Assert.Single(body.RootElement.EnumerateObject());
        Assert.Equal("status", property.Name);
        Assert.Equal("ok", property.Value.GetString());
    }
}
