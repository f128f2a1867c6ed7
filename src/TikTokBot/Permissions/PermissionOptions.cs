namespace TikTokBot.Permissions;

/// <summary>Configuration <c>Permissions:*</c>, one section for every <see cref="Permission"/>.</summary>
internal sealed class PermissionOptions
{
    public const string SectionName = "Permissions";

    public SettingsChangers ChangeSettings { get; set; } = SettingsChangers.Admins;

    /// <summary>A Slack user group id (<c>S…</c>) whose members may change settings besides the admins.</summary>
    public string? SettingsUserGroup { get; set; }

    /// <summary><c>Admins</c>, <c>Everyone</c>, or a Slack user group id (<c>S…</c>) whose members may act besides the admins.</summary>
    public string Act { get; set; } = "Admins";

    /// <summary>How long Slack's answer about one person is reused.</summary>
    public TimeSpan CacheLifetime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Who holds <paramref name="permission"/>: everyone, or the admins and owners plus the members of a user group (or none).</summary>
    internal (bool Everyone, string? Group) Rule(Permission permission) => permission switch
    {
        Permission.ChangeSettings => (ChangeSettings == SettingsChangers.Everyone, string.IsNullOrWhiteSpace(SettingsUserGroup) ? null : SettingsUserGroup),
        Permission.Act => (string.Equals(Act, "Everyone", StringComparison.OrdinalIgnoreCase),
            string.Equals(Act, "Admins", StringComparison.OrdinalIgnoreCase) || string.IsNullOrWhiteSpace(Act) ? null : Act),
        _ => throw new ArgumentOutOfRangeException(nameof(permission), permission, null),
    };
}
