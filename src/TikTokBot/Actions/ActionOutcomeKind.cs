namespace TikTokBot.Actions;

/// <summary>What became of an action call: the kind of answer <see cref="ActionOutcome"/> carries.</summary>
internal enum ActionOutcomeKind
{
    /// <summary>A confirmation to show: the plan, read fresh; nothing is written until it is confirmed.</summary>
    Proposed,

    /// <summary>Confirmed, and waiting for another person who may act to approve it.</summary>
    AwaitingApproval,

    /// <summary>Written and read back (or found already so); <see cref="ActionOutcome.Message"/> is the confirmation.</summary>
    Done,

    /// <summary>Nothing was written; the message says why and what to do instead.</summary>
    Refused,

    /// <summary>The write got no answer: not known whether TikTok applied it. A retry reads back first.</summary>
    Uncertain,

    Rejected,
}
