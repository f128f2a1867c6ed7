using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Polly.Timeout;
using TikTokBot.Slack.WebApi;

namespace TikTokBot.Permissions;

/// <summary>Who may change a workspace's settings (targets, credit, aliases, subscriptions).</summary>
public enum SettingsChangers
{
    /// <summary>Workspace admins and owners, and members of <see cref="PermissionOptions.SettingsUserGroup"/> when one is set.</summary>
    Admins,

    /// <summary>Anyone in the workspace.</summary>
    Everyone,
}

/// <summary>Configuration <c>Permissions:*</c>. Reading is always open to everyone in the workspace.</summary>
public sealed class PermissionOptions
{
    public const string SectionName = "Permissions";

    public SettingsChangers ChangeSettings { get; set; } = SettingsChangers.Admins;

    /// <summary>A Slack user group id (<c>S…</c>) whose members may change settings besides the admins.</summary>
    public string? SettingsUserGroup { get; set; }

    /// <summary>How long Slack's answer about one person is reused.</summary>
    public TimeSpan CacheLifetime { get; set; } = TimeSpan.FromMinutes(2);
}

/// <summary>Whether a person may change settings; when not, <see cref="Refusal"/> is the plain answer to show them.</summary>
public sealed record PermissionResult(bool Allowed, string? Refusal)
{
    public static readonly PermissionResult Granted = new(true, null);
}

/// <summary>
/// Decides who may change a workspace's settings, asking Slack (users.info, usergroups.users.list) with the
/// workspace's own bot token. Answers are cached briefly; when Slack cannot be asked, the change is refused.
/// </summary>
public sealed partial class SettingsPermission(
    ISlackWebApiFactory apis, IOptionsMonitor<PermissionOptions> options, TimeProvider time, ILogger<SettingsPermission> logger)
{
    private readonly ConcurrentDictionary<(string Team, string User), (PermissionResult Result, DateTimeOffset Expires)> _answers = new();

    /// <param name="enterpriseId">The Enterprise Grid organisation the request came from: an org-wide installation is found by it.</param>
    public async Task<PermissionResult> CanChangeSettingsAsync(string? enterpriseId, string teamId, string userId, CancellationToken ct)
    {
        var o = options.CurrentValue;
        if (o.ChangeSettings == SettingsChangers.Everyone)
        {
            return PermissionResult.Granted;
        }

        if (string.IsNullOrEmpty(teamId) || string.IsNullOrEmpty(userId))
        {
            return Refused(o);
        }

        var now = time.GetUtcNow();
        if (_answers.TryGetValue((teamId, userId), out var cached) && cached.Expires > now)
        {
            return cached.Result;
        }

        PermissionResult result;
        try
        {
            result = await AskSlackAsync(enterpriseId, teamId, userId, o, ct);
        }
        catch (Exception e) when (e is SlackApiException or SlackNotInstalledException or HttpRequestException or TimeoutRejectedException)
        {
            LogCheckFailed(logger, e.GetType().Name, (e as SlackApiException)?.Error, teamId, userId);
            // Not cached: the next attempt asks Slack again.
            return new PermissionResult(false,
                "I could not check with Slack whether you may change settings, so nothing was changed. Try again in a minute. " +
                "Reading still works, for example `/ttmetrics campaign-42`.");
        }

        _answers[(teamId, userId)] = (result, now + o.CacheLifetime);
        return result;
    }

    private async Task<PermissionResult> AskSlackAsync(string? enterpriseId, string teamId, string userId, PermissionOptions o, CancellationToken ct)
    {
        var api = await apis.ForTeamAsync(enterpriseId, teamId, ct);
        var user = (await api.UserInfoAsync(userId, ct)).User;
        if (user is null || user.Deleted || user.IsBot || user.IsRestricted)
        {
            return Refused(o);
        }

        if (user.IsAdmin || user.IsOwner || user.IsPrimaryOwner)
        {
            return PermissionResult.Granted;
        }

        if (!string.IsNullOrWhiteSpace(o.SettingsUserGroup))
        {
            var members = (await api.UserGroupUsersAsync(o.SettingsUserGroup, ct)).Users ?? [];
            if (members.Contains(userId, StringComparer.Ordinal))
            {
                return PermissionResult.Granted;
            }
        }

        return Refused(o);
    }

    // No mention markup: the refusal must not ping the group it names.
    private static PermissionResult Refused(PermissionOptions o) => new(false,
        (string.IsNullOrWhiteSpace(o.SettingsUserGroup)
            ? "Only workspace admins can change targets, credit, aliases and digests here."
            : "Only workspace admins and members of the user group that manages TikTokBot can change targets, credit, aliases and digests here.") +
        " Nothing was changed. Reading still works for everyone, for example `/ttmetrics campaign-42`.");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check settings permission ({Failure} {SlackError}) for user {UserId} in team {TeamId}; refused")]
    private static partial void LogCheckFailed(ILogger logger, string failure, string? slackError, string teamId, string userId);
}
