namespace TikTokBot.Slack.BlockKit;

public enum ColumnAlign
{
    Left,
    Center,
    Right,
}

/// <summary>A column: its header, alignment and, in a <c>table</c> block, whether long text wraps.</summary>
public sealed record TableColumn(string Header, ColumnAlign Align = ColumnAlign.Left)
{
    public bool Wrap { get; init; }
}

/// <summary>A cell: the text shown and, for numbers, the value a data_table sorts by.</summary>
public readonly record struct TableValue(string Text, double? Number = null)
{
    public static implicit operator TableValue(string text) => new(text);

    /// <summary>A number shown as <paramref name="text"/> (format it in the caller's currency or unit).</summary>
    public static TableValue Of(double number, string text) => new(text, number);
}

/// <summary>
/// Rows for a <c>table</c> block (<see cref="ToTableBlock"/>), a <c>data_table</c> block (<see cref="ToDataTableBlock"/>)
/// or text (<see cref="ToText"/>, <see cref="ToMrkdwn"/>). Pass raw text: the blocks escape it. Columns past the
/// twentieth, rows past the block's maximum and rows past the 10,000-character budget are left out and named in
/// <see cref="DataBlockResult.Notes"/>; a cell longer than its share of the budget is cut with an ellipsis.
/// </summary>
public sealed record TableData(string Caption, IReadOnlyList<TableColumn> Columns, IReadOnlyList<IReadOnlyList<TableValue>> Rows)
{
    /// <summary>What a row is, plural, for the notes: "showing the first 99 of 140 ad groups".</summary>
    public string RowNoun { get; init; } = "rows";

    /// <summary>Rows per page of a data_table, 1 to 100 (Slack's default is 5).</summary>
    public int PageSize { get; init; } = 10;

    public string? BlockId { get; init; }

    private const string EmptyCell = "–";
    private const int TextColumnWidth = 24;

    /// <summary>
    /// A <c>table</c> block: the header row and at most 99 rows, at most 20 columns. Throws
    /// <see cref="ArgumentException"/> for an empty caption, no columns, or a row whose length differs from the columns.
    /// </summary>
    public DataBlockResult ToTableBlock()
    {
        var notes = new List<string>();
        var rows = Prepare(SlackLimits.TableRows - 1, SlackLimits.TableCells, SlackLimits.TableChars, numbers: false, notes);
        if (rows is null)
            return new DataBlockResult(null, notes);
        var kept = rows[0].Count;
        var lastSet = Enumerable.Range(0, kept).LastOrDefault(i => Columns[i].Align != ColumnAlign.Left || Columns[i].Wrap, -1);
        var settings = lastSet < 0 ? null : Columns.Take(lastSet + 1)
            .Select(c => new ColumnSetting(c.Align.ToString().ToLowerInvariant(), c.Wrap ? true : null)).ToList();
        return new DataBlockResult(new TableBlock(rows) { ColumnSettings = settings, BlockId = Id() }, notes);
    }

    /// <summary>A <c>data_table</c> block: the header row and 1 to 100 rows; numeric cells sort as numbers.</summary>
    public DataBlockResult ToDataTableBlock()
    {
        var notes = new List<string>();
        var rows = Prepare(SlackLimits.DataTableRows - 1, SlackLimits.DataTableColumns, SlackLimits.DataTableChars, numbers: true, notes);
        if (rows is null)
            return new DataBlockResult(null, notes);
        // Slack states no caption length; a section's 3,000 characters bounds it.
        var block = new DataTableBlock(DataText.Label(Caption, SlackLimits.SectionText), rows)
        {
            PageSize = Math.Clamp(PageSize, 1, SlackLimits.DataTablePageSize),
            BlockId = Id(),
        };
        return new DataBlockResult(block, notes);
    }

    /// <summary>Aligned columns as plain text (terminal mode), every row.</summary>
    public string ToText() => DataText.Plain(Caption, TextLines());

    /// <summary>Aligned columns in a code block, escaped, at most <paramref name="max"/> characters; rows that do not fit are counted.</summary>
    public string ToMrkdwn(int max = SlackLimits.SectionText) => DataText.Monospace(Caption, TextLines(), max);

    private string? Id() => BlockId is null ? null : Elements.Id(BlockId);

    private void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Caption);
        if (Columns.Count == 0)
            throw new ArgumentException("A table needs at least one column.", nameof(Columns));
        foreach (var row in Rows)
        {
            if (row.Count != Columns.Count)
                throw new ArgumentException($"A row has {row.Count} cells for {Columns.Count} columns.", nameof(Rows));
        }
    }

    /// <summary>Header and rows as cells within the row, column and character limits; null when there is no row.</summary>
    private List<IReadOnlyList<TableCell>>? Prepare(int maxRows, int maxColumns, int maxChars, bool numbers, List<string> notes)
    {
        Validate();
        if (Rows.Count == 0)
        {
            notes.Add("no " + RowNoun);
            return null;
        }
        var columns = Math.Min(Columns.Count, maxColumns);
        if (columns < Columns.Count)
            notes.Add($"showing {DataText.Count(columns)} of {DataText.Count(Columns.Count)} columns");

        // Half the budget per column for the header and the first row guarantees that at least one row fits.
        var cellMax = maxChars / (2 * columns);
        var header = Columns.Take(columns).Select(c => (TableCell)new RawTextCell(Cell(c.Header, cellMax))).ToList();
        var rows = new List<IReadOnlyList<TableCell>> { header };
        var used = header.Sum(c => c.Length);
        var limit = Math.Min(Rows.Count, maxRows);
        for (var r = 0; r < limit; r++)
        {
            var row = Rows[r].Take(columns).Select(v => numbers && v.Number is { } n && double.IsFinite(n)
                ? new RawNumberCell(n, Cell(v.Text, cellMax))
                : (TableCell)new RawTextCell(Cell(v.Text, cellMax))).ToList();
            var length = row.Sum(c => c.Length);
            if (used + length > maxChars)
            {
                notes.Add($"showing the first {DataText.Count(rows.Count - 1)} of {DataText.Count(Rows.Count)} {RowNoun} (Slack's {DataText.Number(maxChars)}-character limit)");
                return rows;
            }
            used += length;
            rows.Add(row);
        }
        if (limit < Rows.Count)
            notes.Add($"showing the first {DataText.Count(limit)} of {DataText.Count(Rows.Count)} {RowNoun}");
        return rows;
    }

    private static string Cell(string? text, int max) => string.IsNullOrWhiteSpace(text) ? EmptyCell : DataText.Label(text, max);

    private List<string> TextLines()
    {
        Validate();
        var widths = Enumerable.Range(0, Columns.Count)
            .Select(c => Math.Clamp(Rows.Select(r => r[c].Text?.Length ?? 0).Prepend(Columns[c].Header.Length).Max(), 1, TextColumnWidth))
            .ToList();
        string Line(Func<int, string?> cell) => string.Join("  ", Enumerable.Range(0, Columns.Count).Select(c =>
        {
            var text = string.IsNullOrWhiteSpace(cell(c)) ? EmptyCell : cell(c)!;
            return Columns[c].Align switch
            {
                ColumnAlign.Right => DataText.Fit(text, widths[c], right: true),
                ColumnAlign.Center => DataText.Fit(text.PadLeft((widths[c] + Math.Min(text.Length, widths[c])) / 2), widths[c], right: false),
                _ => DataText.Fit(text, widths[c], right: false),
            };
        }));
        var lines = new List<string> { Line(c => Columns[c].Header), string.Join("  ", widths.Select(w => new string('-', w))) };
        lines.AddRange(Rows.Count == 0 ? ["no " + RowNoun] : Rows.Select(r => Line(c => r[c].Text)));
        return lines;
    }
}
