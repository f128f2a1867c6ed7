namespace TikTokBot.Storage;

/// <summary>How often a channel's people snoozed and muted one rule (any campaign).</summary>
internal sealed record AlertSilenceCount(string RuleId, int Snoozes, int Mutes);
