namespace TikTokBot.Slack.BlockKit;

public enum ChartKind
{
    Line,
    Bar,
    Area,
    Pie,
}

/// <summary>One named row of values, one per category; null, NaN and infinity mean "no value".</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double?> Values);

/// <summary>
/// Data for a chart, drawn either as Slack's <c>data_visualization</c> block (<see cref="ToBlock"/>) or as text
/// (<see cref="ToText"/>, <see cref="ToMrkdwn"/>). Pass raw text: the block escapes it. The block keeps every limit
/// in <see cref="SlackLimits"/> by leaving things out and saying so in <see cref="DataBlockResult.Notes"/>:
/// series without any value, categories where a kept series has no value (Slack wants one point per category per
/// series), series past the sixth, categories past the twentieth (the first or, with <see cref="KeepLatest"/>, the
/// last twenty stay), and for a pie the non-positive slices and all but the five largest (grouped as "Other").
/// </summary>
public sealed record ChartData(string Title, ChartKind Kind, IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series)
{
    /// <summary>Axis titles (not shown on a pie).</summary>
    public string? XLabel { get; init; }
    public string? YLabel { get; init; }

    /// <summary>What a category is, plural, for the notes: "showing the first 20 of 31 days".</summary>
    public string CategoryNoun { get; init; } = "points";

    /// <summary>When categories must be cut, keep the last ones (the latest days of a trend) rather than the first.</summary>
    public bool KeepLatest { get; init; }

    /// <summary>How values read in the text form; invariant numbers by default (pass the currency format here).</summary>
    public Func<double, string>? Format { get; init; }

    public string? BlockId { get; init; }

    /// <summary>A pie chart: one slice per label.</summary>
    public static ChartData Pie(string title, IReadOnlyList<(string Label, double? Value)> slices) =>
        new(title, ChartKind.Pie, slices.Select(s => s.Label).ToList(), [new ChartSeries("", slices.Select(s => s.Value).ToList())]);

    /// <summary>
    /// The native block within Slack's limits, or a null block when there is nothing to draw. Throws
    /// <see cref="ArgumentException"/> for an empty title or a series whose value count differs from the categories.
    /// </summary>
    public DataBlockResult ToBlock()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Title);
        foreach (var series in Series)
        {
            if (series.Values.Count != Categories.Count)
                throw new ArgumentException($"Series '{series.Name}' has {series.Values.Count} values for {Categories.Count} categories.", nameof(Series));
        }
        var notes = new List<string>();
        var chart = Kind == ChartKind.Pie ? BuildPie(notes) : BuildAxisChart(notes);
        var block = chart is null ? null : new DataVisualizationBlock(DataText.Label(Title, SlackLimits.ChartTitle), chart)
        {
            BlockId = BlockId is null ? null : Elements.Id(BlockId),
        };
        return new DataBlockResult(block, notes);
    }

    /// <summary>The chart as plain text for a terminal: a sparkline per series (line, area) or bars per category (bar, pie).</summary>
    public string ToText() => DataText.Plain(Title, TextLines());

    /// <summary>The text form as mrkdwn (a code block, escaped), at most <paramref name="max"/> characters.</summary>
    public string ToMrkdwn(int max = SlackLimits.SectionText) => DataText.Monospace(Title, TextLines(), max);

    private static bool HasValue(double? v) => v is { } d && double.IsFinite(d);

    private Chart? BuildAxisChart(List<string> notes)
    {
        var series = new List<ChartSeries>();
        foreach (var s in Series)
        {
            if (s.Values.Any(HasValue))
                series.Add(s);
            else
                notes.Add("no data for " + DataText.Label(s.Name, SlackLimits.ChartSeriesName));
        }
        if (series.Count > SlackLimits.ChartSeries)
        {
            notes.Add($"showing {SlackLimits.ChartSeries} of {series.Count} series");
            series = series.Take(SlackLimits.ChartSeries).ToList();
        }
        if (series.Count == 0)
            return null;

        var kept = Enumerable.Range(0, Categories.Count).Where(i => series.All(s => HasValue(s.Values[i]))).ToList();
        var gaps = Categories.Count - kept.Count;
        if (gaps > 0)
            notes.Add($"{DataText.Count(gaps)} {CategoryNoun} without a value for every series left out");
        if (kept.Count == 0)
            return null;
        if (kept.Count > SlackLimits.ChartCategories)
        {
            notes.Add($"showing the {(KeepLatest ? "last" : "first")} {SlackLimits.ChartCategories} of {DataText.Count(kept.Count)} {CategoryNoun}");
            kept = KeepLatest ? kept.TakeLast(SlackLimits.ChartCategories).ToList() : kept.Take(SlackLimits.ChartCategories).ToList();
        }

        var categories = DataText.UniqueLabels(kept.Select(i => Categories[i]), SlackLimits.ChartLabel, n => "#" + DataText.Count(n));
        var names = DataText.UniqueLabels(series.Select(s => s.Name), SlackLimits.ChartSeriesName, n => "Series " + DataText.Count(n));
        var data = series.Select((s, si) => new DataSeries(names[si],
            kept.Select((ci, k) => new DataPoint(categories[k], s.Values[ci]!.Value)).ToList())).ToList();
        var axis = new AxisConfig(categories)
        {
            XLabel = string.IsNullOrWhiteSpace(XLabel) ? null : DataText.Label(XLabel, SlackLimits.ChartAxisLabel),
            YLabel = string.IsNullOrWhiteSpace(YLabel) ? null : DataText.Label(YLabel, SlackLimits.ChartAxisLabel),
        };
        return Kind switch
        {
            ChartKind.Line => new LineChart(data, axis),
            ChartKind.Bar => new BarChart(data, axis),
            _ => new AreaChart(data, axis),
        };
    }

    private PieChart? BuildPie(List<string> notes)
    {
        var values = Series.Count == 0 ? [] : Series[0].Values;
        if (Series.Count > 1)
            notes.Add($"a pie shows one series; {DataText.Count(Series.Count - 1)} more left out");
        var slices = Enumerable.Range(0, values.Count).Where(i => HasValue(values[i]) && values[i] > 0).ToList();
        var dropped = values.Count - slices.Count;
        if (dropped > 0)
            notes.Add($"{DataText.Count(dropped)} {CategoryNoun} without a positive value left out");
        if (slices.Count == 0)
            return null;

        var raws = slices.Select(i => (Label: (string?)Categories[i], Value: values[i]!.Value)).ToList();
        if (raws.Count > SlackLimits.PieSegments)
        {
            var ranked = raws.OrderByDescending(s => s.Value).ToList();
            var rest = ranked.Skip(SlackLimits.PieSegments - 1).ToList();
            // A sum of huge values can overflow; the slice is then as large as a double can be.
            var other = Math.Min(rest.Sum(s => s.Value), double.MaxValue);
            notes.Add($"the {DataText.Count(rest.Count)} smallest {CategoryNoun} are grouped as Other");
            raws = [.. ranked.Take(SlackLimits.PieSegments - 1), ("Other", other)];
        }
        var labels = DataText.UniqueLabels(raws.Select(s => s.Label), SlackLimits.ChartLabel, n => "#" + DataText.Count(n));
        return new PieChart(raws.Select((s, i) => new PieSegment(labels[i], s.Value)).ToList());
    }

    private string Show(double value) => Format is null ? DataText.Number(value) : Format(value);

    private List<string> TextLines()
    {
        if (Series.Count == 0 || Categories.Count == 0 || !Series.Any(s => s.Values.Any(HasValue)))
            return ["no data"];
        return Kind is ChartKind.Line or ChartKind.Area ? SparklineLines() : BarLines();
    }

    private List<string> SparklineLines()
    {
        const int nameWidth = 20;
        var lines = new List<string>();
        foreach (var s in Series)
        {
            var finite = Enumerable.Range(0, s.Values.Count).Where(i => HasValue(s.Values[i])).ToList();
            var name = DataText.Fit(s.Name, nameWidth, right: false);
            if (finite.Count == 0)
            {
                lines.Add($"{name}  no data");
                continue;
            }
            var min = finite.MinBy(i => s.Values[i]!.Value);
            var max = finite.MaxBy(i => s.Values[i]!.Value);
            lines.Add($"{name}  {DataText.Sparkline(s.Values)}  min {Show(s.Values[min]!.Value)} ({Categories[min]}) · max {Show(s.Values[max]!.Value)} ({Categories[max]})");
        }
        lines.Add($"{new string(' ', nameWidth)}  {Categories[0]} … {Categories[^1]}");
        return lines;
    }

    private List<string> BarLines()
    {
        const int barWidth = 24;
        var labelWidth = Math.Clamp(Categories.Max(c => c.Length), 1, 20);
        var lines = new List<string>();
        var shown = Kind == ChartKind.Pie ? Series.Take(1) : Series;
        foreach (var s in shown)
        {
            if (!string.IsNullOrWhiteSpace(s.Name))
                lines.Add(s.Name);
            var maxAbs = s.Values.Where(HasValue).Select(v => Math.Abs(v!.Value)).DefaultIfEmpty(0).Max();
            var total = s.Values.Where(v => HasValue(v) && v > 0).Sum(v => v!.Value);
            for (var i = 0; i < Categories.Count; i++)
            {
                var label = DataText.Fit(Categories[i], labelWidth, right: false);
                if (!HasValue(s.Values[i]))
                {
                    lines.Add($"{label}  –");
                    continue;
                }
                var v = s.Values[i]!.Value;
                var share = Kind == ChartKind.Pie && v > 0 && double.IsFinite(total) && total > 0 ? " (" + DataText.Count((int)Math.Round(v / total * 100)) + "%)" : "";
                lines.Add($"{label}  {DataText.Bar(v, maxAbs, barWidth).PadRight(barWidth)}  {Show(v)}{share}");
            }
        }
        return lines;
    }
}
