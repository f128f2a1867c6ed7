using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TikTokBot.Storage.Migrations;
using TikTokBot.Tests;
using TikTokBot.Tests.Digests;
using TikTokBot.Testing;
using TikTokBot.Testing.External;

namespace TikTokBot.Web.Tests;

/// <summary>The app on PostgreSQL reached through a relay the test can cut.</summary>
public sealed class RelayedPostgresAppFactory(string connectionString) : KestrelAppFactory
{
    protected override IEnumerable<(string Key, string Value)> ExtraSettings() =>
        [("Storage:Provider", "Postgres"), ("Storage:ConnectionString", connectionString), ("Scheduler:Store", "Memory")];
}

public sealed class ReadinessTests : IAsyncLifetime
{
    private readonly ThrowawayPostgresDatabase _database = new("readiness");

    public async Task InitializeAsync()
    {
        await _database.CreateAsync();
    }

    public async Task DisposeAsync()
    {
        await _database.DropAsync();
    }

    [NeedsFact(External.PostgreSql)]
    public async Task Readyz_fails_naming_the_database_while_PostgreSQL_is_unreachable_and_recovers_when_it_is_back()
    {
        var server = _database.ConnectionString();
        await using var proxy = new CuttableTcpProxy(server.Host!, server.Port);
        var throughProxy = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Host = "127.0.0.1", Port = proxy.Port, Timeout = 3 }.ConnectionString;
        await using var app = new RelayedPostgresAppFactory(throughProxy);
        using var client = app.CreateKestrelClient();

        var (status, body) = await ReadyAsync(client);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("healthy", Check(body, "database").GetProperty("status").GetString());
        Assert.Contains($"schema version {app.Services.GetRequiredService<SchemaMigrator>().LatestVersion}", Check(body, "database").GetProperty("description").GetString());

        proxy.Cut();
        (status, body) = await ReadyAsync(client);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("unhealthy", body.GetProperty("status").GetString());
        Assert.Equal(["database"], body.GetProperty("failed").EnumerateArray().Select(e => e.GetString()));
        Assert.StartsWith("Postgres is not reachable", Check(body, "database").GetProperty("description").GetString());
        Assert.DoesNotContain(server.Host!, body.GetRawText());
        // /healthz stays a liveness answer: the process is alive whatever the database does.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);

        proxy.Restore();
        // A pooled connection broken by the cut is dropped on first use, so the first probe after may still fail: the
        // database is a server outside this process, asked again until the first healthy answer.
        await OutOfProcess.PollAsync(async () =>
        {
            (status, body) = await ReadyAsync(client);
            return status == HttpStatusCode.OK;
        }, "a healthy /readyz once PostgreSQL is back");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("healthy", Check(body, "database").GetProperty("status").GetString());
    }

    private static async Task<(HttpStatusCode, JsonElement)> ReadyAsync(HttpClient client)
    {
        var response = await client.GetAsync("/readyz");
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private static JsonElement Check(JsonElement body, string name) =>
        body.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);
}
