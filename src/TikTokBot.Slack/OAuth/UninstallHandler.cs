using Microsoft.Extensions.Logging;
using TikTokBot.Slack.Handlers;
using TikTokBot.Slack.Payloads;

namespace TikTokBot.Slack.OAuth;

/// <summary>Forgets an installation when the app is uninstalled or its bot token is revoked.</summary>
internal sealed partial class UninstallHandler(IInstallationStore installations, ILogger<UninstallHandler> logger) : ISlackEventHandler
{
    public async Task HandleAsync(SlackEvent slackEvent, EventCallback callback, SlackContext context, CancellationToken ct)
    {
        if (slackEvent.Type == "tokens_revoked" && slackEvent.Tokens?.Bot is not { Count: > 0 })
            return;
        var teamId = callback.IsEnterpriseInstall ? null : callback.TeamId;
        await installations.DeleteAsync(callback.EnterpriseId, teamId, ct);
        LogDeleted(logger, slackEvent.Type, callback.EnterpriseId, teamId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted Slack installation after {EventType} (enterprise {EnterpriseId}, team {TeamId})")]
    private static partial void LogDeleted(ILogger logger, string eventType, string? enterpriseId, string? teamId);
}
