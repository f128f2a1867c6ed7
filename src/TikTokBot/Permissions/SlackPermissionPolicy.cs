using Microsoft.Extensions.Options;
using Polly.Timeout;
using TikTokBot.Slack.WebApi;
using TikTokBot.TikTok.Caching;

namespace TikTokBot.Permissions;

/// <summary>
/// Asks Slack (users.info, usergroups.users.list) with the workspace's own bot token, or the org-wide one on Enterprise
/// Grid. Answers are reused for <see cref="PermissionOptions.CacheLifetime"/>; when Slack cannot be asked, the answer is no
/// and is not kept, so the next try asks again.
/// </summary>
internal sealed partial class SlackPermissionPolicy(
    ISlackWebApiFactory apis, IOptionsMonitor<PermissionOptions> options, ReportCache cache, ILogger<SlackPermissionPolicy> logger) : IPermissionPolicy
{
    public async Task<PermissionResult> CheckAsync(Permission permission, string? enterpriseId, string teamId, string userId, CancellationToken ct)
    {
        var o = options.CurrentValue;
        var (everyone, group) = o.Rule(permission);
        if (everyone)
        {
            return PermissionResult.Granted;
        }

        if (string.IsNullOrEmpty(teamId) || string.IsNullOrEmpty(userId))
        {
            return Refused(permission, group);
        }

        // Kept in the one cache (untagged: no write of ours changes what Slack says); a failed ask is not kept, so the next try asks again.
        try
        {
            return await cache.GetOrLoadFor(new PermissionKey(permission, teamId, userId), o.CacheLifetime, [],
                () => AskSlackAsync(permission, group, enterpriseId, teamId, userId, CancellationToken.None), ct);
        }
        catch (Exception e) when (e is SlackApiException or SlackNotInstalledException or HttpRequestException or TimeoutRejectedException)
        {
            LogCheckFailed(logger, permission, e.GetType().Name, (e as SlackApiException)?.Error, teamId, userId);
            return new PermissionResult(false, permission == Permission.Act
                ? "I could not check with Slack whether you may act, so nothing was changed. Try again in a minute."
                : "I could not check with Slack whether you may change settings, so nothing was changed. Try again in a minute. " +
                  "Reading still works, for example `/ttmetrics campaign-42`.");
        }
    }

    private async Task<PermissionResult> AskSlackAsync(Permission permission, string? group, string? enterpriseId, string teamId, string userId, CancellationToken ct)
    {
        var api = await apis.ForTeamAsync(enterpriseId, teamId, ct);
        var user = (await api.UserInfoAsync(userId, ct)).User;
        if (user is null || user.Deleted || user.IsBot || user.IsRestricted)
        {
            return Refused(permission, group);
        }

        if (user.IsAdmin || user.IsOwner || user.IsPrimaryOwner)
        {
            return PermissionResult.Granted;
        }

        if (group is not null && ((await api.UserGroupUsersAsync(group, ct)).Users ?? []).Contains(userId, StringComparer.Ordinal))
        {
            return PermissionResult.Granted;
        }

        return Refused(permission, group);
    }

    // No mention markup: the refusal must not ping the group it names.
    private static PermissionResult Refused(Permission permission, string? group) => new(false, permission switch
    {
        Permission.Act => (group is null
            ? "Only workspace admins can pause, resume or change budgets here."
            : "Only workspace admins and members of the user group allowed to act can pause, resume or change budgets here.") +
            " Nothing was changed. Ask one of them, or make the change in TikTok Ads Manager.",
        _ => (group is null
            ? "Only workspace admins can change targets, credit, aliases and digests here."
            : "Only workspace admins and members of the user group that manages TikTokBot can change targets, credit, aliases and digests here.") +
            " Nothing was changed. Reading still works for everyone, for example `/ttmetrics campaign-42`.",
    });

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check the {Permission} permission ({Failure} {SlackError}) for user {UserId} in team {TeamId}; refused")]
    private static partial void LogCheckFailed(ILogger logger, Permission permission, string failure, string? slackError, string teamId, string userId);
}
