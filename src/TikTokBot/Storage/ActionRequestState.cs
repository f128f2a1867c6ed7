namespace TikTokBot.Storage;

/// <summary>Where an action is in its life; stored as the lower-case name (<c>requested</c>, <c>approved</c>...).</summary>
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
