namespace TikTokBot.Alerts;

/// <summary>The outcome of a change: what was saved, or why nothing was.</summary>
internal sealed record AlertChange<T>(T? Saved, string? Refusal);
