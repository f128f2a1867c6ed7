namespace TikTokBot.Permissions;

/// <summary>What a person may be allowed to do; reading is always open to everyone in the workspace.</summary>
internal enum Permission
{
    /// <summary>Targets, credit windows, aliases, digests, alerts, and connecting TikTok accounts.</summary>
    ChangeSettings,

    /// <summary>Pausing, resuming and changing budgets on the ad account, and approving such changes.</summary>
    Act,
}
