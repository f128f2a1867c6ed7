using System.Text.Json;
using Dapper;
using TikTokBot.Domain.Metrics;
using TikTokBot.Storage.Database;

namespace TikTokBot.Storage;

/// <summary>
/// The closed days' hours of every campaign a source reads (<c>campaign_hours</c>), kept so the alerts' usual ranges come
/// from storage rather than from 8 weeks of TikTok's one-day hourly reports at every scan. Keyed by the source's name, as
/// <see cref="AccountHistoryStore"/>.
/// </summary>
internal sealed class CampaignHoursStore(StorageDatabase database, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The kept hours of <paramref name="days"/>, by campaign and day; a day never kept is absent.</summary>
    public async Task<IReadOnlyDictionary<(string CampaignId, DateOnly Day), IReadOnlyDictionary<int, RawTotals>>> FindAsync(
        string sourceName, IReadOnlyCollection<DateOnly> days, CancellationToken ct)
    {
        var found = new Dictionary<(string, DateOnly), IReadOnlyDictionary<int, RawTotals>>();
        if (days.Count == 0)
        {
            return found;
        }

        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            // The span of the days, then only the days asked: one query, the same on both providers.
            "SELECT campaign_id AS CampaignId, local_date AS LocalDate, hours AS Hours FROM campaign_hours WHERE source_name = @sourceName AND local_date >= @first AND local_date <= @last;",
            new { sourceName, first = database.Date(days.Min()), last = database.Date(days.Max()) }, cancellationToken: ct));
        var wanted = days.ToHashSet();
        foreach (var row in rows)
        {
            var day = database.ReadDate(row.LocalDate);
            if (wanted.Contains(day))
            {
                found[(row.CampaignId, day)] = JsonSerializer.Deserialize<Dictionary<int, RawTotals>>(row.Hours, Json) ?? [];
            }
        }

        return found;
    }

    /// <summary>Keeps one closed day's hours of each campaign (replacing what was kept) and forgets the source's days before <paramref name="keepFrom"/>.</summary>
    public async Task SaveAsync(string sourceName, DateOnly day, IReadOnlyDictionary<string, IReadOnlyDictionary<int, RawTotals>> byCampaign, DateOnly keepFrom, CancellationToken ct)
    {
        using var turn = await database.WriteTurnAsync(ct);
        await using var connection = await database.OpenAsync(ct);
        var readAt = database.Instant(time.GetUtcNow());
        foreach (var (campaignId, hours) in byCampaign)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO campaign_hours (source_name, campaign_id, local_date, hours, read_at) VALUES (@sourceName, @campaignId, @day, @hours, @readAt)
                ON CONFLICT (source_name, campaign_id, local_date) DO UPDATE SET hours = excluded.hours, read_at = excluded.read_at;
                """,
                new { sourceName, campaignId, day = database.Date(day), hours = JsonSerializer.Serialize(hours, Json), readAt }, cancellationToken: ct));
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM campaign_hours WHERE source_name = @sourceName AND local_date < @keepFrom;",
            new { sourceName, keepFrom = database.Date(keepFrom) }, cancellationToken: ct));
    }

    private sealed class Row
    {
        public string CampaignId { get; set; } = "";

        public object LocalDate { get; set; } = "";

        public string Hours { get; set; } = "";
    }
}
