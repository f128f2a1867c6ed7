namespace TikTokBot.Storage;

/// <summary>
/// The workspace's actions on TikTok. Every transition is one conditional UPDATE on the current state, so of two
/// simultaneous callers exactly one gets true; each successful change writes its audit line in the same transaction.
/// </summary>
internal interface IActionRequestRepository
{
    /// <summary>Stores a new action, <see cref="ActionRequestState.Requested"/> or, when no approval is needed, already approved by its requester.</summary>
    /// <returns>False when an action with this id exists already (nothing is changed).</returns>
    Task<bool> CreateAsync(ActionRequestDetails details, bool approved, CancellationToken ct);

    Task<StoredAction?> FindAsync(string actionId, CancellationToken ct);

    /// <summary>Approves or rejects a requested, unexpired action; false when it was decided, expired or executed already.</summary>
    Task<bool> TryDecideAsync(string actionId, bool approve, string decidedBy, CancellationToken ct);

    /// <summary>Marks a requested action whose time ran out as expired; false when it is not requested or not yet due.</summary>
    Task<bool> TryExpireAsync(string actionId, CancellationToken ct);

    /// <summary>
    /// Takes an approved action for execution on the account-local day <paramref name="actedOn"/>, unless its campaign
    /// already had <paramref name="maxPerCampaignPerDay"/> actions that day. False when another caller took it first,
    /// it is not approved, or the day is full.
    /// </summary>
    Task<bool> TryStartAsync(string actionId, DateOnly actedOn, int maxPerCampaignPerDay, string actor, CancellationToken ct);

    /// <summary>The write timed out: TikTok may have applied it. Back to approved, flagged so the next attempt reads back before writing.</summary>
    Task<bool> MarkUncertainAsync(string actionId, string failure, CancellationToken ct);

    /// <summary>Records the write and the state read back afterwards.</summary>
    Task<bool> MarkDoneAsync(string actionId, string? tikTokRequestId, string beforeJson, string afterJson, string actor, CancellationToken ct);

    /// <summary>TikTok refused it, or the checks at execution did: nothing was written.</summary>
    Task<bool> MarkFailedAsync(string actionId, string failure, string actor, CancellationToken ct);

    /// <summary>A done action was reversed by <paramref name="undoneById"/>; false unless it was done.</summary>
    Task<bool> MarkUndoneAsync(string actionId, string undoneById, string actor, CancellationToken ct);

    /// <summary>The actions executed (or executing) on the campaign on the account-local day, for the daily limit.</summary>
    Task<IReadOnlyList<StoredAction>> ListActedAsync(string campaignId, DateOnly actedOn, CancellationToken ct);

    /// <summary>The action's audit trail, oldest first.</summary>
    Task<IReadOnlyList<ActionEvent>> ListEventsAsync(string actionId, CancellationToken ct);
}
