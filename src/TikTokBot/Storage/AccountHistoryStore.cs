using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using TikTokBot.Domain.Benchmarks;
using TikTokBot.Storage.Database;

namespace TikTokBot.Storage;

/// <summary>
/// The account histories read ahead (<see cref="Reports.AccountHistory"/>), kept by source name and window so a restart answers
/// with the same yardsticks at once instead of reading 90 days again. Not a workspace's settings: a source's name stands for
/// its advertisers and token (<see cref="Accounts.WorkspaceSource.Name"/>), so a row serves exactly the workspaces reading those figures.
/// </summary>
internal sealed class AccountHistoryStore(StorageDatabase database, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The history of <paramref name="sourceName"/> over the closed days <paramref name="windowKey"/> names; null when it was never kept.</summary>
    public async Task<IReadOnlyList<CampaignHistory>?> FindAsync(string sourceName, string windowKey, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var json = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT history FROM account_histories WHERE source_name = @sourceName AND window_key = @windowKey;",
            new { sourceName, windowKey }, cancellationToken: ct));
        return json is null ? null : JsonSerializer.Deserialize<List<CampaignHistory>>(json, Json);
    }

    /// <summary>Keeps the window's history, replacing one kept before, and forgets the source's other windows (older days).</summary>
    public async Task SaveAsync(string sourceName, string windowKey, IReadOnlyList<CampaignHistory> history, CancellationToken ct)
    {
        using var turn = await database.WriteTurnAsync(ct);
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO account_histories (source_name, window_key, history, read_at) VALUES (@sourceName, @windowKey, @history, @readAt)
            ON CONFLICT (source_name, window_key) DO UPDATE SET history = excluded.history, read_at = excluded.read_at;
            DELETE FROM account_histories WHERE source_name = @sourceName AND window_key <> @windowKey;
            """,
            new
            {
                sourceName, windowKey, history = JsonSerializer.Serialize(history, Json), readAt = database.Instant(time.GetUtcNow()),
            }, cancellationToken: ct));
    }
}
