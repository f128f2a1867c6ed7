namespace TikTokBot.Permissions;

/// <summary>Who may change a workspace's settings (targets, credit, aliases, subscriptions).</summary>
internal enum SettingsChangers
{
    /// <summary>Workspace admins and owners, and members of <see cref="PermissionOptions.SettingsUserGroup"/> when one is set.</summary>
    Admins,

    /// <summary>Anyone in the workspace.</summary>
    Everyone,
}
