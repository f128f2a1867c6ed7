using Dapper;
using TikTokBot.Storage.Database;

namespace TikTokBot.Storage.Tests;

/// <summary><c>Storage:SqliteSynchronous</c> reaches every connection the app opens, pooled or new.</summary>
public sealed class SqliteSynchronousTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tiktokbot-synchronous-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("Normal", 1)]
    [InlineData("full", 2)]
    public async Task Every_connection_runs_with_the_configured_synchronous_setting(string configured, long expected)
    {
        await using var database = StorageRegistration.CreateDatabase(new StorageOptions { SqliteSynchronous = configured }, Path.Combine(_folder, configured));
        await new TikTokBot.Storage.Migrations.SchemaMigrator(database, new TikTokBot.Storage.Tests.Infrastructure.FixedClock(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero)), Microsoft.Extensions.Logging.Abstractions.NullLogger<TikTokBot.Storage.Migrations.SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        for (var i = 0; i < 3; i++)
        {
            await using var connection = await database.OpenAsync(CancellationToken.None);
            Assert.Equal(expected, await connection.ExecuteScalarAsync<long>("PRAGMA synchronous;"));
            Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode;"));
        }
    }

    [Fact]
    public void A_setting_other_than_normal_or_full_stops_the_start_with_what_to_set()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => StorageRegistration.CreateDatabase(new StorageOptions { SqliteSynchronous = "Off" }, _folder));
        Assert.Equal("Storage:SqliteSynchronous must be Normal or Full, not 'Off'.", refused.Message);
    }
}
