namespace TikTokBot.Storage;

/// <summary>Where a fix is in its life: taken, applied (by hand or by the bot's own action), then followed up once.</summary>
internal enum FixState
{
    Open,
    Done,
    ClosedByAction,
    FollowedUp,
}
