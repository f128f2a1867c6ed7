namespace TikTokBot.Storage;

/// <summary>A stored fix and what became of it.</summary>
/// <param name="DoneBy">The user who marked it done, or the id of the bot's action that applied it.</param>
/// <param name="FollowUpDue">The first closed day its follow-up can compare (FixPeriods.DueOn); null while open.</param>
/// <param name="Verdict">Better, NoClearChange, Worse, or Skipped (the campaign was paused or deleted since); null until followed up.</param>
internal sealed record Fix(
    FixDetails Details,
    FixState State,
    DateTimeOffset TakenAt,
    DateTimeOffset? DoneAt,
    string? DoneBy,
    bool RestartsLearning,
    DateOnly? FollowUpDue,
    DateTimeOffset? FollowedUpAt,
    string? Verdict,
    string? VerdictNote)
{
    public string FixId => Details.FixId;

    /// <summary>Taken and applied, its follow-up not yet posted.</summary>
    public bool AwaitsFollowUp => State is FixState.Done or FixState.ClosedByAction;
}
