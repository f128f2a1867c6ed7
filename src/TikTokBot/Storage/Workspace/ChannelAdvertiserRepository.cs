using static TikTokBot.Storage.Workspace.WorkspaceStorage;
namespace TikTokBot.Storage.Workspace;

internal sealed class ChannelAdvertiserRepository(TeamScope scope) : IChannelAdvertiserRepository
{
    private const string Setting = "channel advertiser";
    private const string Select = "SELECT channel_id AS ChannelId, advertiser_id AS AdvertiserId, set_by AS SetBy, set_at AS SetAt FROM channel_advertisers";

    public Task<ChannelAdvertiser> SetAsync(string channelId, string advertiserId, string changedBy, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channelId);
        ArgumentException.ThrowIfNullOrWhiteSpace(advertiserId);
        return scope.WriteAsync(async write =>
        {
            var old = await write.QuerySingleOrDefaultAsync<Row>($"{Select} WHERE team_id = @team AND channel_id = @channelId;", new { channelId });
            await write.ExecuteAsync(
                """
                INSERT INTO channel_advertisers (team_id, channel_id, advertiser_id, set_by, set_at) VALUES (@team, @channelId, @advertiserId, @changedBy, @setAt)
                ON CONFLICT (team_id, channel_id) DO UPDATE SET advertiser_id = excluded.advertiser_id, set_by = excluded.set_by, set_at = excluded.set_at;
                """,
                new { channelId, advertiserId, changedBy, setAt = write.Database.Instant(write.Now) });
            await write.AuditAsync(Setting, channelId, old?.AdvertiserId, advertiserId, changedBy);
            return new ChannelAdvertiser(channelId, advertiserId, changedBy, write.Now);
        }, ct);
    }

    public async Task<ChannelAdvertiser?> FindAsync(string channelId, CancellationToken ct)
    {
        var row = await scope.QuerySingleOrDefaultAsync<Row>($"{Select} WHERE team_id = @team AND channel_id = @channelId;", new { channelId }, ct);
        return row is null ? null : new ChannelAdvertiser(row.ChannelId, row.AdvertiserId, row.SetBy, scope.Database.ReadInstant(row.SetAt));
    }

    public Task<bool> RemoveAsync(string channelId, string changedBy, CancellationToken ct) => scope.WriteAsync(async write =>
    {
        var old = await write.QuerySingleOrDefaultAsync<Row>($"{Select} WHERE team_id = @team AND channel_id = @channelId;", new { channelId });
        if (old is null)
        {
            return false;
        }

        await write.ExecuteAsync("DELETE FROM channel_advertisers WHERE team_id = @team AND channel_id = @channelId;", new { channelId });
        await write.AuditAsync(Setting, channelId, old.AdvertiserId, null, changedBy);
        return true;
    }, ct);

    private sealed class Row
    {
        public string ChannelId { get; set; } = "";

        public string AdvertiserId { get; set; } = "";

        public string SetBy { get; set; } = "";

        public object SetAt { get; set; } = "";
    }
}
