namespace TikTokBot.Storage;

/// <summary>Aliases match regardless of case and surrounding spaces.</summary>
internal interface ICampaignAliasRepository
{
    Task<CampaignAlias> SetAsync(string alias, string campaignId, string changedBy, CancellationToken ct);

    Task<CampaignAlias?> FindAsync(string alias, CancellationToken ct);

    Task<IReadOnlyList<CampaignAlias>> ListAsync(CancellationToken ct);

    Task<bool> RemoveAsync(string alias, string changedBy, CancellationToken ct);
}
