using TikTokBot.Permissions;

namespace TikTokBot.Settings;

/// <summary>A settings change: what was saved, or why nothing was (the person may not change settings).</summary>
internal sealed record SettingsChange<T>(T? Saved, string? Refusal) where T : class
{
    public static SettingsChange<T> Refused(PermissionResult permission) => new(null, permission.Refusal);
}
