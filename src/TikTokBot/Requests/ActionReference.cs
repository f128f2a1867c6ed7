namespace TikTokBot.Requests;

/// <summary>Confirm, Cancel, Approve, Reject, Undo: the action by its id, looked up in the presser's own workspace alone.</summary>
internal sealed record ActionReference(string ActionId) : ButtonValue;
