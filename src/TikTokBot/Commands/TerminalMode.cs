using System.Text;
using TikTokBot.Permissions;
using TikTokBot.Slack.BlockKit;
using TikTokBot.Storage;
using TikTokBot.Requests;

namespace TikTokBot.Commands;

/// <summary>
/// <c>dotnet run --project src/TikTokBot -- ask "/ttmetrics campaign-42"</c> (or <c>-- ttmetrics campaign-42</c>):
/// the same command, configuration and sources as in Slack, printed as text, or as Block Kit JSON with
/// <c>--json</c>, so the bot can be tried with no Slack workspace at all.
/// </summary>
internal static class TerminalMode
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
                case DataVisualizationBlock chart:
                    text.AppendLine(Plain(ChartText(chart)));
                    break;
                case TableBlock table:
                    text.AppendLine(Plain(TableText("", table.Rows, table.ColumnSettings)));
                    break;
                case DataTableBlock table:
                    text.AppendLine(Plain(TableText(table.Caption, table.Rows, null)));
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

    /// <summary>A chart block as the library's plain-text chart: sparklines for lines and areas, bars for bars and pies.</summary>
    private static string ChartText(DataVisualizationBlock block)
    {
        var data = block.Chart switch
        {
            PieChart pie => ChartData.Pie(block.Title, pie.Segments.Select(s => (s.Label, (double?)s.Value)).ToList()),
            LineChart line => Axis(ChartKind.Line, line.Series, line.AxisConfig),
            BarChart bar => Axis(ChartKind.Bar, bar.Series, bar.AxisConfig),
            AreaChart area => Axis(ChartKind.Area, area.Series, area.AxisConfig),
            _ => null,
        };
        return data?.ToText() ?? block.Title;

        ChartData Axis(ChartKind kind, IReadOnlyList<DataSeries> series, AxisConfig axis) =>
            new(block.Title, kind, axis.Categories, series.Select(s => new ChartSeries(s.Name,
                axis.Categories.Select(c => s.Data.FirstOrDefault(p => p.Label == c)?.Value).ToList())).ToList());
    }

    /// <summary>A table block as aligned columns; the first row is the header.</summary>
    private static string TableText(string caption, IReadOnlyList<IReadOnlyList<TableCell>> rows, IReadOnlyList<ColumnSetting>? settings)
    {
        static string Cell(TableCell cell) => cell switch
        {
            RawTextCell t => t.Text,
            RawNumberCell n => n.Text,
            _ => "",
        };
        var columns = rows[0].Select((c, i) => new TableColumn(Cell(c), settings is not null && i < settings.Count && settings[i].Align == "right" ? ColumnAlign.Right : ColumnAlign.Left)).ToList();
        var body = rows.Skip(1).Select(r => (IReadOnlyList<TableValue>)r.Select(c => (TableValue)Cell(c)).ToList()).ToList();
        // The library's text form wants a caption; a table block has none, so the first line is dropped again.
        var lines = new TableData(caption.Length == 0 ? "table" : caption, columns, body).ToText();
        return caption.Length == 0 ? lines[(lines.IndexOf('\n', StringComparison.Ordinal) + 1)..] : lines;
    }

    // Undo Slack's escaping and drop bold markers: a terminal shows the characters themselves.
    private static string Plain(string mrkdwn) =>
        mrkdwn.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal)
            .Replace("&amp;", "&", StringComparison.Ordinal).Replace("*", "", StringComparison.Ordinal);
}
