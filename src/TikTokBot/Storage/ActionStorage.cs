namespace TikTokBot.Storage;

internal enum ActionRequestState
{
    Requested,
    Approved,
    Rejected,
    Expired,
    Executing,
    Done,
    Failed,
    Undone,
}

/// <summary>An action as asked, before anything is written: the id is chosen by the caller, so a retry is recognised.</summary>
/// <param name="Level"><c>campaign</c> or <c>adgroup</c>.</param>
/// <param name="Kind"><c>pause</c>, <c>resume</c> or <c>budget</c>.</param>
/// <param name="Asked">What the person typed or pressed, such as <c>+20%</c>.</param>
/// <param name="FromValue"><c>enabled</c>, <c>paused</c> or an amount, as read fresh when it was proposed.</param>
/// <param name="UndoesId">For an undo, the action it reverses.</param>
internal sealed record ActionRequestDetails(
    string Id,
    string ChannelId,
    string RequestedBy,
    string AdvertiserId,
    string CampaignId,
    string? AdGroupId,
    string Level,
    string Kind,
    string Asked,
    string FromValue,
    string ToValue,
    DateTimeOffset ExpiresAt,
    string? UndoesId = null);

internal sealed record StoredAction(
    ActionRequestDetails Details,
    ActionRequestState State,
    DateTimeOffset CreatedAt,
    string? DecidedBy,
    DateTimeOffset? DecidedAt,
    DateOnly? ActedOn,
    int Attempts,
    bool WriteUncertain,
    string? TikTokRequestId,
    string? BeforeJson,
    string? AfterJson,
    string? Failure,
    DateTimeOffset? FinishedAt,
    string? UndoneById)
{
    public string Id => Details.Id;
}

/// <summary>One line of an action's audit trail.</summary>
internal sealed record ActionEvent(string ActionId, string Event, string Actor, string? Detail, DateTimeOffset At);

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
