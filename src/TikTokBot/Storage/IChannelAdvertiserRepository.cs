namespace TikTokBot.Storage;

/// <summary>A channel's default advertiser.</summary>
internal interface IChannelAdvertiserRepository
{
    Task<ChannelAdvertiser> SetAsync(string channelId, string advertiserId, string changedBy, CancellationToken ct);

    Task<ChannelAdvertiser?> FindAsync(string channelId, CancellationToken ct);

    Task<bool> RemoveAsync(string channelId, string changedBy, CancellationToken ct);
}
