using TikTokBot.Storage.Tests.Infrastructure;

namespace TikTokBot.Storage.Tests;

/// <summary>The storage contract on a real SQLite file in a temporary folder.</summary>
public sealed class SqliteStorageTests : StorageContract
{
    private protected override Task<DatabaseUnderTest> CreateDatabaseAsync() => Task.FromResult<DatabaseUnderTest>(new SqliteDatabaseUnderTest());
}
