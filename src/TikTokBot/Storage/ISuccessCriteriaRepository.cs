namespace TikTokBot.Storage;

internal interface ISuccessCriteriaRepository
{
    Task<CampaignSuccessCriteria> SetAsync(SuccessCriteriaDetails criteria, string changedBy, CancellationToken ct);

    Task<CampaignSuccessCriteria?> FindAsync(string campaignId, CancellationToken ct);

    Task<IReadOnlyList<CampaignSuccessCriteria>> ListAsync(CancellationToken ct);

    Task<bool> RemoveAsync(string campaignId, string changedBy, CancellationToken ct);
}
