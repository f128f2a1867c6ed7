using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Polly.Timeout;
using TikTokBot.Permissions;
using TikTokBot.Slack.WebApi;

namespace TikTokBot.Actions;

/// <summary>Configuration <c>Permissions:Act</c>: <c>Admins</c> (default), <c>Everyone</c>, or a Slack user group id (<c>S…</c>) whose members may act besides the admins.</summary>
public sealed class ActPermissionOptions
{
    public string Act { get; set; } = "Admins";

    /// <summary>How long Slack's answer about one person is reused.</summary>
    public TimeSpan CacheLifetime { get; set; } = TimeSpan.FromMinutes(2);
}

/// <summary>Who may pause, resume, change budgets and approve: the answer, or the refusal to show.</summary>
public interface IActPermission
{
    Task<PermissionResult> CanActAsync(string teamId, string userId, CancellationToken ct);
}

/// <summary>Asks Slack (users.info, usergroups.users.list) with the workspace's own token; when Slack cannot be asked, nobody acts.</summary>
public sealed class SlackActPermission(ISlackWebApiFactory apis, IOptionsMonitor<ActPermissionOptions> options, TimeProvider time, ILogger<SlackActPermission> logger)
    : IActPermission
{
    private readonly ConcurrentDictionary<(string Team, string User), (PermissionResult Result, DateTimeOffset Expires)> _answers = new();

    public async Task<PermissionResult> CanActAsync(string teamId, string userId, CancellationToken ct)
    {
        var o = options.CurrentValue;
        if (string.Equals(o.Act, "Everyone", StringComparison.OrdinalIgnoreCase))
        {
            return PermissionResult.Granted;
        }

        var group = string.Equals(o.Act, "Admins", StringComparison.OrdinalIgnoreCase) ? null : o.Act;
        var refused = new PermissionResult(false,
            (group is null ? "Only workspace admins can pause, resume or change budgets here." : "Only workspace admins and members of the user group allowed to act can pause, resume or change budgets here.") +
            " Nothing was changed. Ask one of them, or make the change in TikTok Ads Manager.");
        if (string.IsNullOrEmpty(teamId) || string.IsNullOrEmpty(userId))
        {
            return refused;
        }

        var now = time.GetUtcNow();
        if (_answers.TryGetValue((teamId, userId), out var cached) && cached.Expires > now)
        {
            return cached.Result;
        }

        PermissionResult result;
        try
        {
            var api = await apis.ForTeamAsync(null, teamId, ct);
            var user = (await api.UserInfoAsync(userId, ct)).User;
            result = user is null || user.Deleted || user.IsBot || user.IsRestricted ? refused
                : user.IsAdmin || user.IsOwner || user.IsPrimaryOwner ? PermissionResult.Granted
                : group is not null && ((await api.UserGroupUsersAsync(group, ct)).Users ?? []).Contains(userId, StringComparer.Ordinal) ? PermissionResult.Granted
                : refused;
        }
        catch (Exception e) when (e is SlackApiException or SlackNotInstalledException or HttpRequestException or TimeoutRejectedException)
        {
            logger.LogWarning("Could not check act permission ({Failure}) for user {UserId} in team {TeamId}; refused", e.GetType().Name, userId, teamId);
            return new PermissionResult(false, "I could not check with Slack whether you may act, so nothing was changed. Try again in a minute.");
        }

        _answers[(teamId, userId)] = (result, now + o.CacheLifetime);
        return result;
    }
}
