namespace TikTokBot.Permissions;

/// <summary>The one decision of who may change settings and who may act, for every capability that asks.</summary>
internal interface IPermissionPolicy
{
    /// <param name="enterpriseId">The Enterprise Grid organisation the request came from: an org-wide installation is found by it.</param>
    Task<PermissionResult> CheckAsync(Permission permission, string? enterpriseId, string teamId, string userId, CancellationToken ct);
}
