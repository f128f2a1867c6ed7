namespace TikTokBot.Storage;

internal enum ConnectStateOutcome
{
    /// <summary>The state was unused and unexpired; it is now used.</summary>
    Claimed,

    /// <summary>No such state in this workspace.</summary>
    Unknown,

    AlreadyUsed,

    Expired,
}
