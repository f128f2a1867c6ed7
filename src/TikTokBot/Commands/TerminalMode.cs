using System.Text;
using TikTokBot.Permissions;
using TikTokBot.Slack.BlockKit;
using TikTokBot.Storage;

namespace TikTokBot.Commands;

/// <summary>
/// <c>dotnet run --project src/TikTokBot -- ask "/ttmetrics campaign-42"</c> (or <c>-- ttmetrics campaign-42</c>):
/// the same command, configuration and sources as in Slack, printed as text, or as Block Kit JSON with
/// <c>--json</c>, so the bot can be tried with no Slack workspace at all.
/// </summary>
public static class TerminalMode
{
    public const string Verb = "ttmetrics";
    public const string Ask = "ask";
    public const string JsonFlag = "--json";

    /// <summary>The terminal is its own workspace: settings saved here stay here.</summary>
    public static readonly Asker Terminal = new("terminal", "terminal", IsLocalOperator: true);

    public static bool Requested(string[] args) =>
        args.Length > 0 && (args[0].Equals(Verb, StringComparison.OrdinalIgnoreCase) || args[0].Equals(Ask, StringComparison.OrdinalIgnoreCase));

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        using var scope = services.CreateScope();
        // The web host is not started here, so bring the database up to date as its start-up would.
        await scope.ServiceProvider.PrepareStorageAsync(CancellationToken.None);
        var handler = scope.ServiceProvider.GetRequiredService<MetricsCommandHandler>();
        var json = args.Contains(JsonFlag, StringComparer.OrdinalIgnoreCase);
        var text = string.Join(' ', args.Skip(1).Where(a => !a.Equals(JsonFlag, StringComparison.OrdinalIgnoreCase))).Trim();
        if (text.StartsWith(CommandParser.Slash, StringComparison.OrdinalIgnoreCase))
        {
            text = text[CommandParser.Slash.Length..];
        }

        var command = CommandParser.Parse(text);
        foreach (var message in await handler.ReplyAsync(command, Terminal, CancellationToken.None))
        {
            await output.WriteAsync(json ? BlockKitJson.Serialize(message) + Environment.NewLine : Render(message));
        }

        return command is MetricsCommand.Invalid ? 2 : 0;
    }

    /// <summary>A message as plain lines: headers underlined, fields one per line, buttons listed.</summary>
    public static string Render(SlackMessage message)
    {
        var text = new StringBuilder();
        foreach (var block in message.Blocks ?? [])
        {
            switch (block)
            {
                case HeaderBlock header:
                    text.AppendLine(header.Text.Text).AppendLine(new string('=', Math.Min(header.Text.Text.Length, 60)));
                    break;
                case SectionBlock section:
                    if (section.Text is { } body)
                    {
                        text.AppendLine(Plain(body.Text));
                    }

                    foreach (var field in section.Fields ?? [])
                    {
                        text.AppendLine("  " + Plain(field.Text).Replace("\n", ": ", StringComparison.Ordinal));
                    }

                    if (section.Accessory is ButtonElement accessory)
                    {
                        text.AppendLine($"[{accessory.Text.Text}]");
                    }

                    break;
                case ContextBlock context:
                    text.AppendLine(string.Join("  ", context.Elements.Select(e => Plain(e.Text))));
                    break;
                case DividerBlock:
                    text.AppendLine(new string('-', 40));
                    break;
                case ActionsBlock actions:
                    text.AppendLine("[" + string.Join("] [", actions.Elements.Select(e => e switch
                    {
                        ButtonElement button => button.Text.Text,
                        StaticSelectElement select => select.Placeholder.Text,
                        _ => e.GetType().Name,
                    })) + "]");
                    break;
            }
        }

        return text.AppendLine().ToString();
    }

    // Undo Slack's escaping and drop bold markers: a terminal shows the characters themselves.
    private static string Plain(string mrkdwn) =>
        mrkdwn.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal)
            .Replace("&amp;", "&", StringComparison.Ordinal).Replace("*", "", StringComparison.Ordinal);
}
