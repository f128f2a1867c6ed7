namespace TikTokBot.Storage;

internal interface ICreditWindowRepository
{
    Task<AdCreditWindow> AddAsync(CreditWindowDetails window, string addedBy, CancellationToken ct);

    Task<AdCreditWindow?> FindAsync(string id, CancellationToken ct);

    /// <summary>Every window, earliest expiry first.</summary>
    Task<IReadOnlyList<AdCreditWindow>> ListAsync(CancellationToken ct);

    Task<bool> RemoveAsync(string id, string removedBy, CancellationToken ct);
}
