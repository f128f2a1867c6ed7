using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Polly.Timeout;
using TikTokBot.Slack.WebApi;

namespace TikTokBot.Permissions;

/// <summary>What a person may be allowed to do; reading is always open to everyone in the workspace.</summary>
internal enum Permission
{
    /// <summary>Targets, credit windows, aliases, digests, alerts, and connecting TikTok accounts.</summary>
    ChangeSettings,

    /// <summary>Pausing, resuming and changing budgets on the ad account, and approving such changes.</summary>
    Act,
}

/// <summary>Who may change a workspace's settings (targets, credit, aliases, subscriptions).</summary>
internal enum SettingsChangers
{
    /// <summary>Workspace admins and owners, and members of <see cref="PermissionOptions.SettingsUserGroup"/> when one is set.</summary>
    Admins,

    /// <summary>Anyone in the workspace.</summary>
    Everyone,
}

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

/// <summary>Whether a person may do something; when not, <see cref="Refusal"/> is the plain answer to show them.</summary>
internal sealed record PermissionResult(bool Allowed, string? Refusal)
{
    public static readonly PermissionResult Granted = new(true, null);
}

/// <summary>The one decision of who may change settings and who may act, for every capability that asks.</summary>
internal interface IPermissionPolicy
{
    /// <param name="enterpriseId">The Enterprise Grid organisation the request came from: an org-wide installation is found by it.</param>
    Task<PermissionResult> CheckAsync(Permission permission, string? enterpriseId, string teamId, string userId, CancellationToken ct);
}

/// <summary>
/// Asks Slack (users.info, usergroups.users.list) with the workspace's own bot token, or the org-wide one on Enterprise
/// Grid. Answers are reused for <see cref="PermissionOptions.CacheLifetime"/>; when Slack cannot be asked, the answer is no
/// and is not kept, so the next try asks again.
/// </summary>
internal sealed partial class SlackPermissionPolicy(
    ISlackWebApiFactory apis, IOptionsMonitor<PermissionOptions> options, TimeProvider time, ILogger<SlackPermissionPolicy> logger) : IPermissionPolicy
{
    private readonly ConcurrentDictionary<(Permission Permission, string Team, string User), (PermissionResult Result, DateTimeOffset Expires)> _answers = new();

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

        var now = time.GetUtcNow();
        if (_answers.TryGetValue((permission, teamId, userId), out var cached) && cached.Expires > now)
        {
            return cached.Result;
        }

        PermissionResult result;
        try
        {
            result = await AskSlackAsync(permission, group, enterpriseId, teamId, userId, ct);
        }
        catch (Exception e) when (e is SlackApiException or SlackNotInstalledException or HttpRequestException or TimeoutRejectedException)
        {
            LogCheckFailed(logger, permission, e.GetType().Name, (e as SlackApiException)?.Error, teamId, userId);
            return new PermissionResult(false, permission == Permission.Act
                ? "I could not check with Slack whether you may act, so nothing was changed. Try again in a minute."
                : "I could not check with Slack whether you may change settings, so nothing was changed. Try again in a minute. " +
                  "Reading still works, for example `/ttmetrics campaign-42`.");
        }

        _answers[(permission, teamId, userId)] = (result, now + o.CacheLifetime);
        return result;
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
