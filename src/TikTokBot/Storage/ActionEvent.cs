namespace TikTokBot.Storage;

/// <summary>One line of an action's audit trail.</summary>
internal sealed record ActionEvent(string ActionId, string Event, string Actor, string? Detail, DateTimeOffset At);
