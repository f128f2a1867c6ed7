namespace TikTokBot.Storage;

/// <summary>One entry of the audit trail: who changed which setting from what to what.</summary>
internal sealed record SettingsChange(
    string Setting, string Subject, string? OldValue, string? NewValue, string ChangedBy, DateTimeOffset ChangedAt);
