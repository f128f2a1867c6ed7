namespace TikTokBot.TikTok.Quota;

/// <summary>
/// One call's turn from the <see cref="TikTokQuota"/>, good until its deadline: the time the quota asked its ledger plus
/// <see cref="TikTokQuotaOptions.SendWithin"/>. The budget spaces grants assuming each call reaches TikTok within
/// <see cref="TikTokQuotaOptions.ArrivalSlack"/> of its grant; a call held up past its deadline (a busy machine, a slow
/// handler) would break that, so it does not go: it takes a new turn at its priority, ahead of later callers of that
/// priority (<see cref="EnsureFreshAsync(CancellationToken)"/>). The check runs as late as the HTTP pipeline allows:
/// the client checks before it sends, and <see cref="TikTokQuotaGrantHandler"/>, the innermost handler of TikTok's
/// HTTP clients, checks again just before the socket.
/// </summary>
public sealed class TikTokQuotaGrant
{
    /// <summary>Where a request carries its grant for <see cref="TikTokQuotaGrantHandler"/>.</summary>
    public static readonly HttpRequestOptionsKey<TikTokQuotaGrant> Key = new("TikTokBot.TikTok.QuotaGrant");

    private readonly TikTokQuota _quota;
    private readonly TikTokCallPriorityCell? _cell;
    private readonly TikTokCallPriority _priority;
    private readonly long _arrival;
    private long _deadline;

    internal TikTokQuotaGrant Renewed(long deadline)
    {
        Volatile.Write(ref _deadline, deadline);
        return this;
    }

    internal TikTokQuotaGrant(TikTokQuota quota, TikTokCallPriorityCell? cell, TikTokCallPriority priority, long arrival, long deadline) =>
        (_quota, _cell, _priority, _arrival, _deadline) = (quota, cell, priority, arrival, deadline);

    /// <summary>How many times this call's turn expired before it was sent and was taken again.</summary>
    public int Renewals { get; private set; }

    /// <summary>Whether the turn is still good now.</summary>
    public bool Fresh => !_quota.Expired(Volatile.Read(ref _deadline));

    /// <summary>Returns at once while the turn is good; after its deadline, waits for a new turn (as many times as it takes).</summary>
    public async ValueTask EnsureFreshAsync(CancellationToken ct)
    {
        while (!Fresh)
        {
            Renewals++;
            await _quota.RenewAsync(this, _cell, _priority, _arrival, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Puts this grant on <paramref name="request"/> for <see cref="TikTokQuotaGrantHandler"/>.</summary>
    public HttpRequestMessage Carry(HttpRequestMessage request)
    {
        request.Options.Set(Key, this);
        return request;
    }

    /// <summary>Renews the grant <paramref name="request"/> carries if it expired (a request without one goes as it is).</summary>
    public static ValueTask EnsureFreshAsync(HttpRequestMessage request, CancellationToken ct) =>
        request.Options.TryGetValue(Key, out var grant) ? grant.EnsureFreshAsync(ct) : ValueTask.CompletedTask;
}
