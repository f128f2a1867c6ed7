using TikTokBot.Commands;
using TikTokBot.Reports;
using TikTokBot.Slack.BlockKit;

namespace TikTokBot.Web.Playground;

/// <summary>
/// The playground's one link to the app: a typed command or a pressed button in, the Block Kit messages the Slack
/// handlers would send out, computed by the same code. Everything the playground needs from the capabilities goes
/// through this class, so re-pointing it at new services is a change here only.
/// </summary>
public sealed class PlaygroundService(MetricsCommandHandler commands)
{
    /// <summary>The playground is its own workspace: settings saved here are seen nowhere else.</summary>
    public static readonly Asker Asker = new("T-PLAYGROUND", "U-PLAYGROUND", "C-PLAYGROUND");

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
    /// A button or menu of a report: the command text each action stands for, as the report's interaction handlers
    /// read it from the value ("campaign id|period", plus "|dimension" in the menu). Settings buttons open a modal
    /// in Slack, which the playground does not draw; they answer with a note instead.
    /// </summary>
    public Task<IReadOnlyList<SlackMessage>> PressAsync(string actionId, string value, CancellationToken ct)
    {
        var parts = value.Split('|');
        string Part(int index) => index < parts.Length ? parts[index] : "";
        var text = actionId switch
        {
            ReportActions.Fix => $"{Part(0)} {Part(1)} fix",
            ReportActions.Breakdown => $"{Part(0)} by {Part(2)} {Part(1)}",
            ReportActions.Share => $"{Part(0)} {Part(1)}",
            _ => null,
        };
        if (text is null)
        {
            const string note = "In Slack this opens a form; the playground shows messages only.";
            return Task.FromResult<IReadOnlyList<SlackMessage>>([new MessageBuilder().Text(note).Section(note).BuildSingle()]);
        }

        // A button only ever reads, whatever its value says.
        var command = CommandParser.Parse(text);
        return command is MetricsCommand.Summary or MetricsCommand.Fix or MetricsCommand.Breakdown
            ? commands.ReplyAsync(command, Asker, ct)
            : Task.FromResult<IReadOnlyList<SlackMessage>>([]);
    }
}
