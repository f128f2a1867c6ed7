using Microsoft.Extensions.Options;
using TikTokBot.Accounts;
using TikTokBot.Actions;
using TikTokBot.Digests;
using TikTokBot.Permissions;
using TikTokBot.Reports;
using TikTokBot.Settings;
using TikTokBot.Slack.BlockKit;
using TikTokBot.Slack.Handlers;
using TikTokBot.Slack.Payloads;
using TikTokBot.TikTok.Sources;
using TikTokBot.Requests;
using TikTokBot.Telemetry;

namespace TikTokBot.Commands;

/// <summary>
/// <c>/ttmetrics</c>: parses the text and hands the command to its capability (Reports, Settings, Digests). Answers inline
/// when the figures come quickly (cached or demo data), otherwise acknowledges at once and answers through
/// <c>response_url</c>, well inside Slack's 3 seconds either way.
/// </summary>
internal sealed class MetricsCommandHandler(
    ReportCommands reports, SettingsCommands settings, DigestCommands digests, AccountsCommands accounts, ActionCommands actions, Alerts.AlertCommands alerts, Checkins.CheckinsService checkins, IOptions<CommandOptions> options, TimeProvider time,
    ILogger<MetricsCommandHandler> logger)
    : ISlashCommandHandler
{
    public async Task HandleAsync(SlashCommand command, SlackContext context, CancellationToken ct)
    {
        var parsed = CommandParser.Parse(command.Text);
        AppTelemetry.CountCommand(parsed);
        var asker = new Asker(command.TeamId, command.UserId, command.ChannelId, EnterpriseId: command.EnterpriseId);
        // A report already in memory (and the settings it needs) completes right here, with no thread hop and no timer:
        // under load a queued work item or a timer is what made cached replies miss the budget. Anything that awaits
        // real I/O gets the budget, then the acknowledgement and response_url.
        var reply = ReplyAsync(parsed, asker, ct);
        if (!reply.IsCompleted && await Task.WhenAny(reply, Task.Delay(options.Value.InlineAnswerBudget, time, ct)) != reply)
        {
            context.Ack(Reply.Plain(CampaignOf(parsed) is { } campaign ? $"Reading {Mrkdwn.Escape(campaign)}…" : "Working on it…"));
        }

        var messages = await reply;
        var first = 0;
        if (!context.IsAcknowledged)
        {
            context.Ack(messages[0]);
            first = 1;
        }

        for (var i = first; i < messages.Count; i++)
        {
            await context.RespondAsync(messages[i], ct);
        }
    }

    /// <summary>The replies to a command, the same for Slack and the terminal.</summary>
    public async Task<IReadOnlyList<SlackMessage>> ReplyAsync(MetricsCommand command, Asker asker, CancellationToken ct)
    {
        try
        {
            return command switch
            {
                MetricsCommand.Invalid invalid => [Reply.Plain($"{Mrkdwn.Escape(invalid.Problem)}\nTry `{Mrkdwn.Escape(invalid.Suggestion)}`, or `/ttmetrics help`.")],
                MetricsCommand.Summary or MetricsCommand.Fix or MetricsCommand.Breakdown or MetricsCommand.List or MetricsCommand.Explain => await reports.ReplyAsync(command, asker, ct),
                MetricsCommand.Trends trends => await reports.TrendsAsync(trends, asker, ct),
                MetricsCommand.Chart chart => await reports.ChartAsync(chart, asker, ct),
                MetricsCommand.SetTarget or MetricsCommand.SetCredit or MetricsCommand.SetAlias => await settings.ReplyAsync(command, asker, ct),
                MetricsCommand.Act act => await actions.ReplyAsync(act, asker, ct),
                MetricsCommand.Alerts alert => await alerts.ReplyAsync(alert.Request, asker, ct),
                MetricsCommand.Fixes fixes => [await checkins.ListAsync(asker, fixes, ct)],
                MetricsCommand.DigestNow or MetricsCommand.Subscribe or MetricsCommand.Unsubscribe or MetricsCommand.Subscriptions => await digests.ReplyAsync(command, asker, ct),
                MetricsCommand.Connect or MetricsCommand.Accounts or MetricsCommand.Disconnect or MetricsCommand.Use => await accounts.ReplyAsync(command, asker, ct),
                _ => [Reply.Plain(CommandParser.HelpText())],
            };
        }
        catch (MetricSourceException e)
        {
            logger.LogWarning(e, "Metric source failed for /ttmetrics");
            return [Reply.Plain(Reply.SourceFailed(e))];
        }
    }

    private static string? CampaignOf(MetricsCommand command) => command switch
    {
        MetricsCommand.Summary summary => summary.Campaign,
        MetricsCommand.Fix fix => fix.Campaign,
        MetricsCommand.Explain explain => explain.Campaign,
        MetricsCommand.Breakdown breakdown => breakdown.Campaign,
        MetricsCommand.Chart chart => chart.Campaign,
        _ => null,
    };
}
