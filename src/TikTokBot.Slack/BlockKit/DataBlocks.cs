using System.Text.Json.Serialization;

namespace TikTokBot.Slack.BlockKit;

// Wire shapes of Slack's chart and table blocks. Build them with ChartData and TableData, which keep every limit
// in SlackLimits; constructing these records by hand skips those checks.
//
// Surfaces: the reference pages for data_visualization, table and data_table list messages in their examples and
// say nothing of modals or Home tabs (checked 2026-12 on docs.slack.dev/reference/block-kit/blocks/*), and third
// parties only use them in messages. So only MessageBuilder sends them; ModalBuilder and HomeTabBuilder show the
// text form (ChartData.ToMrkdwn, TableData.ToMrkdwn) instead.

/// <summary>A native chart (https://docs.slack.dev/reference/block-kit/blocks/data-visualization-block).</summary>
public sealed record DataVisualizationBlock(string Title, Chart Chart) : Block;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(PieChart), "pie")]
[JsonDerivedType(typeof(BarChart), "bar")]
[JsonDerivedType(typeof(AreaChart), "area")]
[JsonDerivedType(typeof(LineChart), "line")]
public abstract record Chart;

/// <summary>Slices with positive values; Slack draws each as its share of the sum.</summary>
public sealed record PieChart(IReadOnlyList<PieSegment> Segments) : Chart;

public sealed record PieSegment(string Label, double Value);

/// <summary>Bars grouped by category, one bar per series.</summary>
public sealed record BarChart(IReadOnlyList<DataSeries> Series, AxisConfig AxisConfig) : Chart;

/// <summary>Filled areas; the first series is drawn at the back.</summary>
public sealed record AreaChart(IReadOnlyList<DataSeries> Series, AxisConfig AxisConfig) : Chart;

public sealed record LineChart(IReadOnlyList<DataSeries> Series, AxisConfig AxisConfig) : Chart;

public sealed record DataSeries(string Name, IReadOnlyList<DataPoint> Data);

/// <summary>One value; <see cref="Label"/> is one of the axis categories.</summary>
public sealed record DataPoint(string Label, double Value);

public sealed record AxisConfig(IReadOnlyList<string> Categories)
{
    public string? XLabel { get; init; }
    public string? YLabel { get; init; }
}

/// <summary>A plain table (https://docs.slack.dev/reference/block-kit/blocks/table-block).</summary>
public sealed record TableBlock(IReadOnlyList<IReadOnlyList<TableCell>> Rows) : Block
{
    public IReadOnlyList<ColumnSetting>? ColumnSettings { get; init; }
}

/// <summary><c>align</c> is left, center or right.</summary>
public sealed record ColumnSetting(string? Align, bool? IsWrapped = null);

/// <summary>
/// A table with paging and sorting (https://docs.slack.dev/reference/block-kit/blocks/data-table-block). Row 0 is
/// the header; a column whose cells are all raw_number sorts numerically.
/// </summary>
public sealed record DataTableBlock(string Caption, IReadOnlyList<IReadOnlyList<TableCell>> Rows) : Block
{
    public int? PageSize { get; init; }
    public int? RowHeaderColumnIndex { get; init; }
}

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(RawTextCell), "raw_text")]
[JsonDerivedType(typeof(RawNumberCell), "raw_number")]
public abstract record TableCell
{
    /// <summary>Characters this cell adds to the table's total.</summary>
    internal abstract int Length { get; }
}

public sealed record RawTextCell(string Text) : TableCell
{
    internal override int Length => Text.Length;
}

/// <summary>A number shown as <see cref="Text"/> and sorted by <see cref="Value"/> (data_table only).</summary>
public sealed record RawNumberCell(double Value, string Text) : TableCell
{
    internal override int Length => Text.Length;
}
