using System.Text.Json;
using TikTokBot.Slack.BlockKit;

namespace TikTokBot.Slack.Tests.BlockKit;

/// <summary>
/// Reads a serialised message back and lists every way its charts and tables break Slack's documented limits. The
/// numbers are written out here rather than taken from SlackLimits, so a wrong constant there fails these tests.
/// </summary>
internal static class DataBlockWire
{
    private static readonly string[] Pings = ["<!channel", "<!here", "<!everyone", "<!subteam^", "<@"];

    public static List<string> Problems(SlackMessage message)
    {
        var problems = new List<string>();
        using var document = JsonDocument.Parse(BlockKitJson.Serialize(message));
        var blocks = document.RootElement.GetProperty("blocks");
        var charts = 0;
        var tables = 0;
        foreach (var block in blocks.EnumerateArray())
        {
            switch (block.GetProperty("type").GetString())
            {
                case "data_visualization":
                    charts++;
                    Chart(block, problems);
                    break;
                case "table":
                    tables++;
                    Rows(block, "table", 1, 100, 20, problems);
                    break;
                case "data_table":
                    tables++;
                    Rows(block, "data_table", 2, 101, 20, problems);
                    var page = block.GetProperty("page_size").GetInt32();
                    Require(page is >= 1 and <= 100, $"page_size {page}", problems);
                    break;
                case "section":
                    Require(block.GetProperty("text").GetProperty("text").GetString()!.Length <= 3000, "section text over 3000", problems);
                    break;
            }
        }
        Require(charts <= 2, $"{charts} charts in one message", problems);
        Require(tables <= 1, $"{tables} tables in one message", problems);
        Strings(document.RootElement, problems);
        return problems;
    }

    private static void Chart(JsonElement block, List<string> problems)
    {
        var title = block.GetProperty("title").GetString()!;
        Require(title.Length is >= 1 and <= 50, $"title of {title.Length} characters", problems);
        var chart = block.GetProperty("chart");
        if (chart.GetProperty("type").GetString() == "pie")
        {
            var segments = chart.GetProperty("segments");
            Require(segments.GetArrayLength() is >= 1 and <= 6, $"{segments.GetArrayLength()} segments", problems);
            foreach (var s in segments.EnumerateArray())
            {
                Label(s.GetProperty("label"), "segment label", problems);
                var ok = s.GetProperty("value").TryGetDouble(out var v);
                Require(ok && double.IsFinite(v) && v > 0, $"segment value {s.GetProperty("value")}", problems);
            }
            return;
        }
        var axis = chart.GetProperty("axis_config");
        var categories = axis.GetProperty("categories").EnumerateArray().Select(c => c.GetString()!).ToList();
        Require(categories.Count is >= 1 and <= 20, $"{categories.Count} categories", problems);
        Require(categories.Distinct(StringComparer.Ordinal).Count() == categories.Count, "categories repeat", problems);
        foreach (var c in axis.GetProperty("categories").EnumerateArray())
            Label(c, "category", problems);
        foreach (var name in new[] { "x_label", "y_label" })
        {
            if (axis.TryGetProperty(name, out var label))
                Require(label.GetString()!.Length <= 50, name + " over 50", problems);
        }
        var series = chart.GetProperty("series");
        Require(series.GetArrayLength() is >= 1 and <= 6, $"{series.GetArrayLength()} series", problems);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in series.EnumerateArray())
        {
            Label(s.GetProperty("name"), "series name", problems);
            Require(names.Add(s.GetProperty("name").GetString()!), "series names repeat", problems);
            var points = s.GetProperty("data").EnumerateArray().ToList();
            Require(points.Count is >= 1 and <= 20, $"{points.Count} points", problems);
            Require(points.Select(p => p.GetProperty("label").GetString()).SequenceEqual(categories), "points do not match the categories one to one", problems);
            foreach (var p in points)
                Require(p.GetProperty("value").TryGetDouble(out var v) && double.IsFinite(v), $"point value {p.GetProperty("value")}", problems);
        }
    }

    private static void Rows(JsonElement block, string kind, int minRows, int maxRows, int maxCells, List<string> problems)
    {
        var rows = block.GetProperty("rows").EnumerateArray().ToList();
        Require(rows.Count >= minRows && rows.Count <= maxRows, $"{kind} with {rows.Count} rows", problems);
        var width = rows.Count == 0 ? 0 : rows[0].GetArrayLength();
        Require(width is >= 1 && width <= maxCells, $"{kind} with {width} columns", problems);
        var chars = 0;
        foreach (var row in rows)
        {
            Require(row.GetArrayLength() == width, $"{kind} rows of unequal length", problems);
            foreach (var cell in row.EnumerateArray())
            {
                var text = cell.GetProperty("text").GetString()!;
                Require(text.Length > 0, "empty cell", problems);
                chars += text.Length;
                if (cell.GetProperty("type").GetString() == "raw_number")
                    Require(cell.GetProperty("value").TryGetDouble(out var v) && double.IsFinite(v), "raw_number value", problems);
            }
        }
        Require(chars <= 10_000, $"{kind} of {chars} characters", problems);
        if (block.TryGetProperty("column_settings", out var settings))
            Require(settings.GetArrayLength() <= 20, "over 20 column settings", problems);
    }

    private static void Label(JsonElement label, string what, List<string> problems)
    {
        var text = label.GetString()!;
        Require(text.Length is >= 1 and <= 20, $"{what} '{text}' of {text.Length} characters", problems);
    }

    public static bool HasPing(JsonElement element)
    {
        var problems = new List<string>();
        Strings(element, problems);
        return problems.Count > 0;
    }

    private static void Strings(JsonElement element, List<string> problems)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                var s = element.GetString()!;
                Require(!Pings.Any(p => s.Contains(p, StringComparison.OrdinalIgnoreCase)), $"ping in '{s}'", problems);
                break;
            case JsonValueKind.Object:
                foreach (var p in element.EnumerateObject())
                    Strings(p.Value, problems);
                break;
            case JsonValueKind.Array:
                foreach (var e in element.EnumerateArray())
                    Strings(e, problems);
                break;
        }
    }

    private static void Require(bool ok, string problem, List<string> problems)
    {
        if (!ok)
            problems.Add(problem);
    }
}
