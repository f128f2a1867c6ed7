using TikTokBot.Commands;
using TikTokBot.Permissions;
using TikTokBot.Interactions;
using TikTokBot.Slack.BlockKit;
using static TikTokBot.Interactions.ButtonRouter;

namespace TikTokBot.Web.Playground;

/// <summary>
/// The playground's one link to the app: a typed command or a pressed button in, the Block Kit messages the Slack
/// handlers would send out, computed by the same services (the command router, and the button router Slack's handler uses).
/// </summary>
internal sealed class PlaygroundService(MetricsCommandHandler commands, ButtonRouter router)
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
    /// A button or menu, answered by the same router as Slack's handler, in the thread of the message pressed (the page
    /// numbers its messages): an answer in the thread comes back with it, and the page draws it under that message, as
    /// Slack does. A modal (the settings forms) is not drawn here: the playground shows messages only, and says so.
    /// </summary>
    public async Task<IReadOnlyList<SlackMessage>> PressAsync(string actionId, string value, string? thread, string? selectedUser, CancellationToken ct)
    {
        var ts = thread is { Length: > 0 and <= 64 } t && t.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-') ? t : null;
        var user = selectedUser is { Length: > 0 and <= 64 } u && u.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') ? u : null;
        var press = new ButtonPress(actionId, value, Asker, ts is null ? null : new Ask.AskThreadKey(Asker.TeamId, Asker.ChannelId!, ts), user);
        return (await router.PressAsync(press, ct))
            .Select(d => d switch
            {
                Delivery.InThread reply when ts is not null => reply.Message with { ThreadTs = ts, ResponseType = "in_channel" },
                _ => d.MessageOrNull ?? Note("In Slack this opens a form; the playground shows messages only."),
            })
            .ToList();
    }

    private static SlackMessage Note(string text) => new MessageBuilder().Text(text).Section(text).BuildSingle();
}
