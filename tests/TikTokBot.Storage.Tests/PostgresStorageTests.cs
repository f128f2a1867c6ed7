using TikTokBot.Storage.Tests.Infrastructure;
using TikTokBot.Testing.External;

namespace TikTokBot.Storage.Tests;

/// <summary>The storage contract on the PostgreSQL server named by TIKTOKBOT_TEST_POSTGRES, one fresh schema per test.</summary>
[Needs(External.PostgreSql)]
public sealed class PostgresStorageTests : StorageContract
{
    private protected override async Task<DatabaseUnderTest> CreateDatabaseAsync() => await PostgresDatabaseUnderTest.CreateAsync();
}
