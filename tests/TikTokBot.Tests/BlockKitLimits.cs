using System.Text.Json;

namespace TikTokBot.Tests;

/// <summary>
/// Slack's Block Kit limits and the no-ping rule, checked on a message or view as JSON. Charts
/// (data_visualization), table and data_table blocks are checked field by field, at most two charts and one table
/// per message, and never in a modal or Home tab (see src/TikTokBot.Slack/BlockKit/DataBlocks.cs). Strings are read back from
/// the JSON first: the serializer writes '&lt;' as \u003C, which Slack decodes, so a raw search of the JSON text
/// would never see a ping.
/// </summary>
public static class BlockKitLimits
{
    private static readonly string[] Pings = ["<!channel", "<!here", "<!everyone", "<!subteam^", "<@"];

    /// <summary>Fails the test when <paramref name="json"/> breaks a limit or holds a ping; <paramref name="what"/> names it in the failure.</summary>
    public static void Check(string json, int maxBlocks, string what)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        NoPings(root, what);
        AtMost(root, "text", 40_000, what);
        if (!root.TryGetProperty("blocks", out var blocks))
        {
            Assert.True(root.TryGetProperty("text", out _), $"{what}: neither blocks nor text");
            return;
        }

        Assert.InRange(blocks.GetArrayLength(), 1, maxBlocks);
        var isView = root.TryGetProperty("type", out var viewType) && viewType.GetString() is "modal" or "home";
        var (charts, tables) = (0, 0);
        foreach (var block in blocks.EnumerateArray())
        {
            AtMost(block, "block_id", 255, what);
            switch (block.GetProperty("type").GetString())
            {
                case "data_visualization":
                    charts++;
                    Chart(block, what);
                    break;
                case "table":
                    tables++;
                    Table(block, 1, 100, what);
                    break;
                case "data_table":
                    tables++;
                    Table(block, 2, 101, what);
                    Assert.False(string.IsNullOrEmpty(block.GetProperty("caption").GetString()), $"{what}: data_table without a caption");
                    if (block.TryGetProperty("page_size", out var pageSize))
                    {
                        Assert.InRange(pageSize.GetInt32(), 1, 100);
                    }

                    break;
                case "header":
                    AtMost(block.GetProperty("text"), "text", 150, what);
                    break;
                case "section":
                    if (block.TryGetProperty("text", out var text))
                    {
                        AtMost(text, "text", 3000, what);
                    }

                    if (block.TryGetProperty("fields", out var fields))
                    {
                        Assert.InRange(fields.GetArrayLength(), 1, 10);
                        Assert.All(fields.EnumerateArray(), f => AtMost(f, "text", 2000, what));
                    }

                    break;
                case "context":
                    Assert.InRange(block.GetProperty("elements").GetArrayLength(), 1, 10);
                    break;
                case "actions":
                    Assert.InRange(block.GetProperty("elements").GetArrayLength(), 1, 25);
                    foreach (var element in block.GetProperty("elements").EnumerateArray())
                    {
                        AtMost(element, "action_id", 255, what);
                        AtMost(element, "value", 2000, what);
                        if (element.TryGetProperty("text", out var label))
                        {
                            AtMost(label, "text", 75, what);
                        }

                        if (element.TryGetProperty("options", out var options))
                        {
                            Assert.All(options.EnumerateArray(), o => AtMost(o, "value", 150, what));
                        }
                    }

                    break;
            }
        }

        Assert.True(charts <= 2, $"{what}: {charts} charts in one message");
        Assert.True(tables <= 1, $"{what}: {tables} tables in one message");
        Assert.False(isView && charts + tables > 0, $"{what}: a chart or table in a view");
    }

    /// <summary>
    /// True when any string in the JSON would notify someone in Slack. A plain_text object (a header, a button label) is
    /// shown as written, without mrkdwn or mentions (docs.slack.dev/reference/block-kit/composition-objects/text-object),
    /// so a campaign called "&lt;!channel&gt;" in a header pings nobody.
    /// </summary>
    public static bool HasPing(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => Pings.Any(p => element.GetString()!.Contains(p, StringComparison.OrdinalIgnoreCase)),
        JsonValueKind.Object when element.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "plain_text" => false,
        JsonValueKind.Object => element.EnumerateObject().Any(p => HasPing(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().Any(HasPing),
        _ => false,
    };

    private static void NoPings(JsonElement root, string what) => Assert.False(HasPing(root), $"{what}: the message pings someone");

    private static void Chart(JsonElement block, string what)
    {
        var title = block.GetProperty("title").GetString()!;
        Assert.True(title.Length is >= 1 and <= 50, $"{what}: chart title of {title.Length} characters");
        var chart = block.GetProperty("chart");
        if (chart.GetProperty("type").GetString() == "pie")
        {
            var segments = chart.GetProperty("segments");
            Assert.True(segments.GetArrayLength() is >= 1 and <= 6, $"{what}: {segments.GetArrayLength()} pie segments");
            foreach (var segment in segments.EnumerateArray())
            {
                ChartLabel(segment.GetProperty("label"), what);
                Assert.True(Finite(segment.GetProperty("value")) > 0, $"{what}: pie segment value {segment.GetProperty("value")}");
            }

            return;
        }

        Assert.Contains(chart.GetProperty("type").GetString(), new[] { "bar", "area", "line" });
        var axis = chart.GetProperty("axis_config");
        AtMost(axis, "x_label", 50, what);
        AtMost(axis, "y_label", 50, what);
        var categories = axis.GetProperty("categories").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.True(categories.Count is >= 1 and <= 20, $"{what}: {categories.Count} chart categories");
        Assert.True(categories.Distinct().Count() == categories.Count, $"{what}: chart categories repeat");
        Assert.All(axis.GetProperty("categories").EnumerateArray(), c => ChartLabel(c, what));
        var series = chart.GetProperty("series");
        Assert.True(series.GetArrayLength() is >= 1 and <= 6, $"{what}: {series.GetArrayLength()} chart series");
        var names = series.EnumerateArray().Select(s => s.GetProperty("name")).ToList();
        Assert.All(names, n => ChartLabel(n, what));
        Assert.True(names.Select(n => n.GetString()).Distinct().Count() == names.Count, $"{what}: chart series names repeat");
        foreach (var one in series.EnumerateArray())
        {
            var points = one.GetProperty("data").EnumerateArray().ToList();
            Assert.True(points.Count is >= 1 and <= 20, $"{what}: a chart series of {points.Count} points");
            Assert.True(points.Select(p => p.GetProperty("label").GetString()).SequenceEqual(categories), $"{what}: chart points do not match the categories");
            Assert.All(points, p => Finite(p.GetProperty("value")));
        }
    }

    private static void ChartLabel(JsonElement label, string what)
    {
        var text = label.GetString()!;
        Assert.True(text.Length is >= 1 and <= 20, $"{what}: chart label '{text}' of {text.Length} characters");
    }

    private static double Finite(JsonElement number)
    {
        Assert.True(number.TryGetDouble(out var value) && double.IsFinite(value), $"not a finite number: {number}");
        return value;
    }

    /// <summary>table and data_table: rows of equal length, at most 20 cells, at most 10,000 characters in all (documented for data_table, assumed for table).</summary>
    private static void Table(JsonElement block, int minRows, int maxRows, string what)
    {
        var rows = block.GetProperty("rows").EnumerateArray().ToList();
        Assert.True(rows.Count >= minRows && rows.Count <= maxRows, $"{what}: {block.GetProperty("type").GetString()} of {rows.Count} rows");
        var width = rows[0].GetArrayLength();
        Assert.True(width is >= 1 and <= 20, $"{what}: table of {width} columns");
        Assert.All(rows, r => Assert.Equal(width, r.GetArrayLength()));
        var cells = rows.SelectMany(r => r.EnumerateArray()).ToList();
        Assert.All(cells.Where(c => c.GetProperty("type").GetString() == "raw_number"), c => Finite(c.GetProperty("value")));
        var chars = cells.Sum(c => c.TryGetProperty("text", out var t) ? t.GetString()!.Length : 0);
        Assert.True(chars <= 10_000, $"{what}: table of {chars} characters");
        if (block.TryGetProperty("column_settings", out var settings))
        {
            Assert.True(settings.GetArrayLength() <= 20, $"{what}: {settings.GetArrayLength()} column settings");
        }
    }

    private static void AtMost(JsonElement element, string property, int limit, string what)
    {
        if (element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String)
        {
            Assert.True(value.GetString()!.Length <= limit, $"{what}: {property} is {value.GetString()!.Length} characters, limit {limit}");
        }
    }
}
