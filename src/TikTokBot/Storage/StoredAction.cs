namespace TikTokBot.Storage;

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
