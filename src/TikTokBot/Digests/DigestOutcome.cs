namespace TikTokBot.Digests;

internal enum DigestOutcome
{
    Delivered,
    AlreadyDelivered,

    /// <summary>Another sender holds the day's claim; look again when its lease runs out.</summary>
    ClaimedElsewhere,

    /// <summary>Unsubscribed or paused: nothing to send, and the schedule can go.</summary>
    NotSubscribed,

    /// <summary>No day has fallen due since the subscription began.</summary>
    NothingDue,

    /// <summary>The channel is gone, archived, or the bot was removed: the subscription is paused and its owner told.</summary>
    Paused,
    Failed,
}
