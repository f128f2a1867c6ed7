using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TikTokBot.Storage.Migrations;

namespace TikTokBot.Storage.Tests.Hosting;

public sealed class AppStartTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "tiktokbot-app-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task The_app_starts_with_nothing_configured_and_creates_its_sqlite_file_and_keys()
    {
        await using (var app = new AppWithDataDirectory(_dataDirectory))
        {
            using var client = app.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz", CancellationToken.None)).StatusCode);

            var store = app.Services.GetRequiredService<IWorkspaceStorage>().ForTeam("T1");
            await store.Installation.SaveAsync(new InstallationDetails(null, "xoxb-app-start", "UBOT", "U1"), CancellationToken.None);
            Assert.Equal(app.Services.GetRequiredService<SchemaMigrator>().LatestVersion, await app.Services.GetRequiredService<SchemaMigrator>().CurrentVersionAsync(CancellationToken.None));
        }

        var file = Path.Combine(_dataDirectory, "tiktokbot.db");
        Assert.True(File.Exists(file), $"expected the SQLite file at {file}");
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(_dataDirectory, "keys"), "key-*.xml"));
        await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly");
        await connection.OpenAsync();
        using var journal = connection.CreateCommand();
        journal.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await journal.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_second_start_on_the_same_folder_reads_what_the_first_wrote()
    {
        await using (var first = new AppWithDataDirectory(_dataDirectory))
        {
            await first.Services.GetRequiredService<IWorkspaceStorage>().ForTeam("T1").Aliases.SetAsync("launch", "cmp-1", "U1", CancellationToken.None);
            await first.Services.GetRequiredService<IWorkspaceStorage>().ForTeam("T1").Installation.SaveAsync(new InstallationDetails(null, "xoxb-kept", null, "U1"), CancellationToken.None);
        }

        await using var second = new AppWithDataDirectory(_dataDirectory);
        var store = second.Services.GetRequiredService<IWorkspaceStorage>().ForTeam("T1");

        Assert.Equal("cmp-1", (await store.Aliases.FindAsync("launch", CancellationToken.None))?.CampaignId);
        Assert.Equal("xoxb-kept", (await store.Installation.FindAsync(CancellationToken.None))?.BotToken);
    }

    [Theory]
    [InlineData("Postgres", null, "Storage:ConnectionString is empty")]
    [InlineData("Oracle", null, "Storage:Provider must be Sqlite or Postgres, not 'Oracle'")]
    public void A_storage_configuration_that_cannot_work_is_refused_with_what_to_set(string provider, string? connectionString, string message)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Provider"] = provider, ["Storage:ConnectionString"] = connectionString })
            .Build();

        var refused = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddStorage(configuration));

        Assert.Contains(message, refused.Message);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    /// <summary>The real app with only its data folder moved to a temporary one; every other setting is the shipped default.</summary>
    private sealed class AppWithDataDirectory(string dataDirectory) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseSetting("Storage:DataDirectory", dataDirectory);
    }
}
