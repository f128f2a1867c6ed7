using System.Globalization;
using System.Text;

namespace TikTokBot.Slack.BlockKit;

/// <summary>A native block and the notes saying what was left out to fit; <see cref="Block"/> is null when nothing can be drawn.</summary>
public sealed record DataBlockResult(Block? Block, IReadOnlyList<string> Notes)
{
    /// <summary>The notes as one sentence for a context block, or null when nothing was left out.</summary>
    public string? NoteText => Notes.Count == 0 ? null : DataText.NoteSentence(Notes);
}

/// <summary>Shared pieces of the chart and table blocks and of their text forms.</summary>
internal static class DataText
{
    private const string SparkLevels = "▁▂▃▄▅▆▇█";
    private const string Fence = "```";

    /// <summary>User text for a chart or table string: escaped like mrkdwn so it cannot ping, then cut.</summary>
    public static string Label(string? raw, int max) => Mrkdwn.Truncate(Mrkdwn.Escape(raw), max);

    /// <summary>Escaped, cut and made unique ("Spend", "Spend 2"); an empty label takes <paramref name="fallback"/>.</summary>
    public static List<string> UniqueLabels(IEnumerable<string?> raws, int max, Func<int, string> fallback)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<string>();
        var index = 0;
        foreach (var raw in raws)
        {
            index++;
            var escaped = Mrkdwn.Escape(string.IsNullOrWhiteSpace(raw) ? fallback(index) : raw.Trim());
            var label = Mrkdwn.Truncate(escaped, max);
            for (var n = 2; !seen.Add(label); n++)
            {
                var suffix = " " + n.ToString(CultureInfo.InvariantCulture);
                label = Mrkdwn.Truncate(escaped, max - suffix.Length) + suffix;
            }
            result.Add(label);
        }
        return result;
    }

    /// <summary>Invariant, grouped, at most two decimals; very large or very small magnitudes in scientific form.</summary>
    public static string Number(double value)
    {
        if (!double.IsFinite(value))
            return "n/a";
        var abs = Math.Abs(value);
        return abs >= 1e15 || (abs > 0 && abs < 0.005)
            ? value.ToString("0.##E+0", CultureInfo.InvariantCulture)
            : value.ToString("#,0.##", CultureInfo.InvariantCulture);
    }

    /// <summary>One block character per value scaled between the finite minimum and maximum; a missing value is a space.</summary>
    public static string Sparkline(IReadOnlyList<double?> values)
    {
        var finite = values.Where(v => v is { } d && double.IsFinite(d)).Select(v => v!.Value).ToList();
        if (finite.Count == 0)
            return new string(' ', values.Count);
        var (min, max) = (finite.Min(), finite.Max());
        var sb = new StringBuilder(values.Count);
        foreach (var v in values)
        {
            if (v is not { } d || !double.IsFinite(d))
                sb.Append(' ');
            else
                sb.Append(SparkLevels[(int)Math.Round(Fraction(d, min, max) * (SparkLevels.Length - 1))]);
        }
        return sb.ToString();
    }

    /// <summary>A bar of up to <paramref name="width"/> cells for |value| against the largest magnitude.</summary>
    public static string Bar(double value, double maxAbs, int width)
    {
        if (!double.IsFinite(value) || maxAbs <= 0 || !double.IsFinite(maxAbs))
            return "";
        var cells = (int)Math.Round(Math.Abs(value) / maxAbs * width);
        return new string('█', Math.Max(cells, value == 0 ? 0 : 1));
    }

    /// <summary>Where <paramref name="value"/> lies between min and max, computed in halves so huge ranges do not overflow.</summary>
    private static double Fraction(double value, double min, double max)
    {
        var span = max / 2 - min / 2;
        return span <= 0 ? 0.5 : Math.Clamp((value / 2 - min / 2) / span, 0, 1);
    }

    /// <summary>Pads to <paramref name="width"/>, cutting with an ellipsis when longer.</summary>
    public static string Fit(string text, int width, bool right)
    {
        if (text.Length > width)
            text = width <= 1 ? text[..width] : string.Concat(text.AsSpan(0, width - 1), Mrkdwn.Ellipsis);
        return right ? text.PadLeft(width) : text.PadRight(width);
    }

    /// <summary>Title and lines as plain text (terminal mode).</summary>
    public static string Plain(string title, IReadOnlyList<string> lines) =>
        string.Join('\n', lines.Prepend(title).Select(l => l.TrimEnd()));

    /// <summary>
    /// The bold title and the lines in a code block, escaped, within <paramref name="max"/> characters: lines that do
    /// not fit are left out and a last line says how many.
    /// </summary>
    public static string Monospace(string title, IReadOnlyList<string> lines, int max)
    {
        var head = "*" + Mrkdwn.Truncate(Mrkdwn.Escape(title), Math.Max(max / 4, 10)) + "*\n" + Fence + "\n";
        var tail = "\n" + Fence;
        var body = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = Mrkdwn.Escape(lines[i].TrimEnd());
            var rest = lines.Count - i - 1;
            var more = rest == 0 ? "" : "\n" + MoreLines(rest);
            var separator = body.Length == 0 ? "" : "\n";
            if (head.Length + body.Length + separator.Length + line.Length + more.Length + tail.Length > max)
            {
                body.Append(separator).Append(MoreLines(lines.Count - i));
                break;
            }
            body.Append(separator).Append(line);
        }
        var text = head + body + tail;
        return text.Length <= max ? text : Mrkdwn.Truncate(Mrkdwn.Escape(title), max);
    }

    private static string MoreLines(int n) => "… " + Count(n) + (n == 1 ? " more line" : " more lines");

    /// <summary>"Showing the first 20 of 31 days · no data for CPA".</summary>
    public static string NoteSentence(IReadOnlyList<string> notes)
    {
        var sentence = string.Join(" · ", notes);
        return Mrkdwn.Truncate(char.ToUpperInvariant(sentence[0]) + sentence[1..], SlackLimits.ContextText);
    }

    public static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
