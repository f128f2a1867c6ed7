using TikTokBot.Commands;
using TikTokBot.Permissions;
using TikTokBot.Reports;
using TikTokBot.Slack.BlockKit;

namespace TikTokBot.Web.Playground;

/// <summary>
/// The playground's one link to the app: a typed command or a pressed button in, the Block Kit messages the Slack
/// handlers would send out, computed by the same services (the command router, and the Reports service for buttons,
/// which decode the same typed value the Slack buttons carry).
/// </summary>
public sealed class PlaygroundService(MetricsCommandHandler commands, ReportCommands reports)
{
    /// <summary>The playground is its own workspace: settings saved here are seen nowhere else.</summary>
    public static readonly Asker Asker = new(Accounts.WorkspaceReadPolicy.PlaygroundTeam, "U-PLAYGROUND", "C-PLAYGROUND");

    public Task<IReadOnlyList<SlackMessage>> RunAsync(string text, CancellationToken ct)
    {
        text = text.Trim();
        if (text.StartsWith(CommandParser.Slash, StringComparison.OrdinalIgnoreCase))
        {
            text = text[CommandParser.Slash.Length..];
        }

        return commands.ReplyAsync(CommandParser.Parse(text), Asker, ct);
    }

    /// <summary>
    /// A button or menu of a report, answered as the Slack handler answers it. Settings buttons open a modal in Slack,
    /// which the playground does not draw; they answer with a note instead. A button only ever reads.
    /// </summary>
    public Task<IReadOnlyList<SlackMessage>> PressAsync(string actionId, string value, CancellationToken ct)
    {
        if (actionId == ChartMenuHandler.ActionId)
        {
            return ChartValue.TryDecode(value, out var chart) ? reports.ChartAsync(Asker, chart, ct) : Task.FromResult<IReadOnlyList<SlackMessage>>([]);
        }

        if (!ReportValue.TryDecode(value, out var request))
        {
            return Task.FromResult<IReadOnlyList<SlackMessage>>([]);
        }

        return actionId switch
        {
            ReportActions.Fix => reports.ReplyAsync(Asker, request with { By = null }, ReportKind.Fixes, ct),
            ReportActions.Full => reports.ReplyAsync(Asker, request with { By = null }, ReportKind.FullFunnel, ct),
            ReportActions.Breakdown when request.By is not null => reports.ReplyAsync(Asker, request, ReportKind.Summary, ct),
            ReportActions.Share => reports.ReplyAsync(Asker, request with { By = null }, ReportKind.Summary, ct),
            ReportActions.Breakdown => Task.FromResult<IReadOnlyList<SlackMessage>>([]),
            _ => Task.FromResult<IReadOnlyList<SlackMessage>>([Note("In Slack this opens a form; the playground shows messages only.")]),
        };
    }

    private static SlackMessage Note(string text) => new MessageBuilder().Text(text).Section(text).BuildSingle();
}
