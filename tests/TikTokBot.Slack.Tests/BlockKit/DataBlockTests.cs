using TikTokBot.Slack.BlockKit;

namespace TikTokBot.Slack.Tests.BlockKit;

public class DataBlockTests
{
    private static readonly string[] Week = ["06-10", "06-11", "06-12", "06-13", "06-14", "06-15", "06-16"];

    internal static ChartData SpendTrend() => new("Spend vs revenue (7d)", ChartKind.Line, Week,
    [
        new ChartSeries("Spend", [110, 98, 125, 117, 130, 112, 120]),
        new ChartSeries("Revenue", [300, 280, 390, 350, 410, 330, 350]),
    ])
    {
        XLabel = "Day",
        YLabel = "USD",
        CategoryNoun = "days",
    };

    internal static TableData AdGroups() => new("Ad groups by cost per result",
    [
        new TableColumn("Ad group"),
        new TableColumn("Spend", ColumnAlign.Right),
        new TableColumn("Results", ColumnAlign.Right),
        new TableColumn("CPA", ColumnAlign.Right),
    ],
    [
        ["Lookalike 1% <US>", TableValue.Of(412.5, "$412.50"), TableValue.Of(31, "31"), TableValue.Of(13.31, "$13.31")],
        ["Broad & interests", TableValue.Of(380, "$380.00"), TableValue.Of(19, "19"), TableValue.Of(20, "$20.00")],
        ["Retargeting 7d", TableValue.Of(96.1, "$96.10"), TableValue.Of(0, "0"), ""],
    ])
    {
        RowNoun = "ad groups",
    };

    [Fact]
    public void A_chart_message_serialises_to_its_golden_json() =>
        Golden.AssertMatches("chart-message", BlockKitJson.Serialize(new MessageBuilder().Text("7d: spend $812, revenue $2,410").Chart(SpendTrend()).BuildSingle()));

    [Fact]
    public void A_table_message_serialises_to_its_golden_json() =>
        Golden.AssertMatches("table-message", BlockKitJson.Serialize(new MessageBuilder().Text("3 ad groups").Table(AdGroups()).BuildSingle()));

    [Fact]
    public void A_data_table_message_serialises_to_its_golden_json() =>
        Golden.AssertMatches("data-table-message", BlockKitJson.Serialize(new MessageBuilder().Text("3 ad groups").DataTable(AdGroups() with { PageSize = 5 }).BuildSingle()));

    [Fact]
    public void A_pie_chart_serialises_to_its_golden_json() =>
        Golden.AssertMatches("pie-chart", BlockKitJson.Serialize(new MessageBuilder()
            .Chart(ChartData.Pie("Spend by placement", [("TikTok", 640), ("Pangle", 120.5), ("Global App Bundle", 51.5)]))
            .BuildSingle()));

    private static ChartData Line(int categories, int series, string? title = null, Func<int, string>? category = null, Func<int, string>? name = null) =>
        new(title ?? "Trend", ChartKind.Line,
            Enumerable.Range(0, categories).Select(category ?? (i => "d" + i)).ToList(),
            Enumerable.Range(0, series).Select(s => new ChartSeries((name ?? (n => "s" + n))(s), Enumerable.Range(0, categories).Select(i => (double?)(i + s)).ToList())).ToList())
        {
            CategoryNoun = "days",
        };

    private static DataVisualizationBlock Drawn(DataBlockResult result) => Assert.IsType<DataVisualizationBlock>(result.Block);

    private static IReadOnlyList<DataSeries> SeriesOf(DataBlockResult result) => ((LineChart)Drawn(result).Chart).Series;

    [Fact]
    public void A_50_character_title_is_kept_and_a_51_character_one_is_cut()
    {
        Assert.Equal(new string('t', 50), Drawn(Line(3, 1, new string('t', 50)).ToBlock()).Title);
        var cut = Drawn(Line(3, 1, new string('t', 51)).ToBlock()).Title;
        Assert.Equal(50, cut.Length);
        Assert.EndsWith("…", cut, StringComparison.Ordinal);
    }

    [Fact]
    public void Six_series_are_drawn_and_a_seventh_is_left_out_with_a_note()
    {
        var six = Line(5, 6).ToBlock();
        Assert.Equal(6, SeriesOf(six).Count);
        Assert.Empty(six.Notes);

        var seven = Line(5, 7).ToBlock();
        Assert.Equal(["s0", "s1", "s2", "s3", "s4", "s5"], SeriesOf(seven).Select(s => s.Name));
        Assert.Equal("Showing 6 of 7 series", seven.NoteText);
    }

    [Fact]
    public void Twenty_days_are_drawn_and_a_21st_is_cut_with_a_note_keeping_the_first_or_the_latest()
    {
        var twenty = Line(20, 1).ToBlock();
        Assert.Equal(20, SeriesOf(twenty)[0].Data.Count);
        Assert.Null(twenty.NoteText);

        var first = Line(31, 1).ToBlock();
        Assert.Equal(Enumerable.Range(0, 20).Select(i => "d" + i), SeriesOf(first)[0].Data.Select(p => p.Label));
        Assert.Equal("Showing the first 20 of 31 days", first.NoteText);

        var latest = (Line(31, 1) with { KeepLatest = true }).ToBlock();
        Assert.Equal(Enumerable.Range(11, 20).Select(i => "d" + i), SeriesOf(latest)[0].Data.Select(p => p.Label));
        Assert.Equal(30, SeriesOf(latest)[0].Data[^1].Value);
        Assert.Equal("Showing the last 20 of 31 days", latest.NoteText);
    }

    [Fact]
    public void Labels_and_names_of_20_characters_are_kept_longer_ones_are_cut_and_kept_unique()
    {
        var exact = Line(2, 1, category: i => new string('c', 19) + i, name: _ => new string('n', 20)).ToBlock();
        Assert.Equal(new string('n', 20), SeriesOf(exact)[0].Name);
        Assert.Equal(new string('c', 19) + "0", SeriesOf(exact)[0].Data[0].Label);

        // Two long categories and two long names that agree in their first 20 characters.
        var cut = Line(2, 2, category: i => new string('c', 30) + i, name: n => new string('n', 30) + n).ToBlock();
        var axis = ((LineChart)Drawn(cut).Chart).AxisConfig.Categories;
        Assert.All(axis, c => Assert.InRange(c.Length, 1, SlackLimits.ChartLabel));
        Assert.Equal(2, axis.Distinct().Count());
        Assert.Equal(2, SeriesOf(cut).Select(s => s.Name).Distinct().Count());
        Assert.All(SeriesOf(cut), s => Assert.InRange(s.Name.Length, 1, SlackLimits.ChartSeriesName));
        Assert.All(SeriesOf(cut), s => Assert.Equal(axis, s.Data.Select(p => p.Label)));
    }

    [Fact]
    public void Axis_labels_of_50_characters_are_kept_and_longer_ones_cut()
    {
        var axis = ((LineChart)Drawn((Line(2, 1) with { XLabel = new string('x', 50), YLabel = new string('y', 51) }).ToBlock()).Chart).AxisConfig;
        Assert.Equal(new string('x', 50), axis.XLabel);
        Assert.Equal(50, axis.YLabel!.Length);
        Assert.EndsWith("…", axis.YLabel, StringComparison.Ordinal);
    }

    [Fact]
    public void Days_without_a_value_for_every_series_and_series_without_any_value_are_left_out_with_notes()
    {
        var chart = new ChartData("CPA", ChartKind.Bar, ["d1", "d2", "d3", "d4"],
        [
            new ChartSeries("Spend", [10, 20, 30, 40]),
            new ChartSeries("CPA", [5, null, double.NaN, 8]),
            new ChartSeries("ROAS", [null, null, double.PositiveInfinity, null]),
        ])
        { CategoryNoun = "days" };
        var result = chart.ToBlock();
        var series = ((BarChart)Drawn(result).Chart).Series;
        Assert.Equal(["Spend", "CPA"], series.Select(s => s.Name));
        Assert.Equal([10.0, 40.0], series[0].Data.Select(p => p.Value));
        Assert.Equal([5.0, 8.0], series[1].Data.Select(p => p.Value));
        Assert.Equal("No data for ROAS · 2 days without a value for every series left out", result.NoteText);
    }

    [Fact]
    public void A_chart_with_no_value_at_all_is_shown_as_text()
    {
        var empty = new ChartData("CPA", ChartKind.Line, ["d1", "d2"], [new ChartSeries("CPA", [null, double.NaN])]);
        Assert.Null(empty.ToBlock().Block);
        var message = new MessageBuilder().Chart(empty).BuildSingle();
        var section = Assert.IsType<SectionBlock>(Assert.Single(message.Blocks!));
        Assert.Equal("*CPA*\n```\nno data\n```", section.Text!.Text);
    }

    [Fact]
    public void Six_pie_slices_are_drawn_and_more_are_grouped_as_other_with_non_positive_ones_left_out()
    {
        var six = ChartData.Pie("Placements", Enumerable.Range(1, 6).Select(i => ("p" + i, (double?)i)).ToList()).ToBlock();
        Assert.Equal(6, ((PieChart)Drawn(six).Chart).Segments.Count);
        Assert.Null(six.NoteText);

        var slices = Enumerable.Range(1, 8).Select(i => ("p" + i, (double?)i)).Append(("zero", 0)).Append(("minus", -3)).Append(("none", null)).ToList();
        var grouped = (ChartData.Pie("Placements", slices) with { CategoryNoun = "placements" }).ToBlock();
        var segments = ((PieChart)Drawn(grouped).Chart).Segments;
        Assert.Equal(["p8", "p7", "p6", "p5", "p4", "Other"], segments.Select(s => s.Label));
        Assert.Equal(1 + 2 + 3, segments[^1].Value);
        Assert.Equal("3 placements without a positive value left out · the 3 smallest placements are grouped as Other", grouped.NoteText);
    }

    private static TableData Grid(int rows, int columns, Func<int, int, string>? cell = null) => new("Grid",
        Enumerable.Range(0, columns).Select(c => new TableColumn("c" + c, c == 0 ? ColumnAlign.Left : ColumnAlign.Right)).ToList(),
        Enumerable.Range(0, rows).Select(r => (IReadOnlyList<TableValue>)Enumerable.Range(0, columns)
            .Select(c => TableValue.Of(r * 100 + c, (cell ?? ((rr, cc) => (rr * 100 + cc).ToString(System.Globalization.CultureInfo.InvariantCulture)))(r, c))).ToList()).ToList())
    {
        RowNoun = "ad groups",
    };

    [Fact]
    public void A_table_holds_99_rows_under_its_header_and_cuts_the_100th_with_a_note()
    {
        var full = Grid(99, 3).ToTableBlock();
        Assert.Equal(SlackLimits.TableRows, Assert.IsType<TableBlock>(full.Block).Rows.Count);
        Assert.Empty(full.Notes);

        var over = Grid(100, 3).ToTableBlock();
        Assert.Equal(SlackLimits.TableRows, Assert.IsType<TableBlock>(over.Block).Rows.Count);
        Assert.Equal("Showing the first 99 of 100 ad groups", over.NoteText);
    }

    [Fact]
    public void A_data_table_holds_100_rows_under_its_header_and_cuts_the_101st_with_a_note()
    {
        var full = Grid(100, 3).ToDataTableBlock();
        Assert.Equal(SlackLimits.DataTableRows, Assert.IsType<DataTableBlock>(full.Block).Rows.Count);
        Assert.Empty(full.Notes);

        var over = Grid(101, 3).ToDataTableBlock();
        Assert.Equal(SlackLimits.DataTableRows, Assert.IsType<DataTableBlock>(over.Block).Rows.Count);
        Assert.Equal("Showing the first 100 of 101 ad groups", over.NoteText);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Twenty_columns_are_kept_and_a_21st_is_left_out_with_a_note(bool dataTable)
    {
        DataBlockResult Build(TableData t) => dataTable ? t.ToDataTableBlock() : t.ToTableBlock();
        IReadOnlyList<IReadOnlyList<TableCell>> Rows(DataBlockResult r) => dataTable ? ((DataTableBlock)r.Block!).Rows : ((TableBlock)r.Block!).Rows;

        var twenty = Build(Grid(2, 20));
        Assert.All(Rows(twenty), r => Assert.Equal(20, r.Count));
        Assert.Empty(twenty.Notes);

        var over = Build(Grid(2, 21));
        Assert.All(Rows(over), r => Assert.Equal(20, r.Count));
        Assert.Equal("Showing 20 of 21 columns", over.NoteText);
        if (!dataTable)
            Assert.Equal(20, ((TableBlock)over.Block!).ColumnSettings!.Count);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Ten_thousand_characters_fit_and_one_more_leaves_the_last_row_out_with_a_note(bool dataTable)
    {
        // Headers "c0".."c3" take 8 characters, 52 rows of 4 cells of 48 characters 9,984, and the first cell 8 more.
        string Cell(int r, int c) => new((char)('a' + c), r == 0 && c == 0 ? 56 : 48);
        DataBlockResult Build(TableData t) => dataTable ? t.ToDataTableBlock() : t.ToTableBlock();
        int Chars(DataBlockResult r) => (dataTable ? ((DataTableBlock)r.Block!).Rows : ((TableBlock)r.Block!).Rows).Sum(row => row.Sum(c => c switch
        {
            RawTextCell t => t.Text.Length,
            RawNumberCell n => n.Text.Length,
            _ => throw new InvalidOperationException(),
        }));

        var exact = Build(Grid(52, 4, Cell));
        Assert.Equal(10_000, Chars(exact));
        Assert.Empty(exact.Notes);

        var over = Build(Grid(52, 4, (r, c) => r == 51 && c == 3 ? new string('d', 49) : Cell(r, c)));
        Assert.Equal(10_000 - 4 * 48, Chars(over));
        Assert.Equal("Showing the first 51 of 52 ad groups (Slack's 10,000-character limit)", over.NoteText);
    }

    [Fact]
    public void A_cell_longer_than_its_share_of_the_budget_is_cut_so_one_row_always_fits()
    {
        var result = Grid(1, 2, (_, _) => new string('x', 20_000)).ToTableBlock();
        var rows = Assert.IsType<TableBlock>(result.Block).Rows;
        Assert.Equal(2, rows.Count);
        Assert.All(rows[1], c => Assert.Equal(2500, ((RawTextCell)c).Text.Length));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(100, 100)]
    [InlineData(101, 100)]
    public void The_page_size_is_kept_between_1_and_100(int asked, int sent) =>
        Assert.Equal(sent, ((DataTableBlock)(Grid(3, 2) with { PageSize = asked }).ToDataTableBlock().Block!).PageSize);

    [Fact]
    public void A_table_without_rows_is_shown_as_text()
    {
        var empty = Grid(0, 2);
        Assert.Null(empty.ToTableBlock().Block);
        Assert.Null(empty.ToDataTableBlock().Block);
        var section = Assert.IsType<SectionBlock>(Assert.Single(new MessageBuilder().Table(empty).BuildSingle().Blocks!));
        Assert.Equal("*Grid*\n```\nc0  c1\n--  --\nno ad groups\n```", section.Text!.Text);
    }

    [Fact]
    public void Two_charts_share_a_message_and_a_third_starts_the_next()
    {
        var two = new MessageBuilder().Chart(SpendTrend()).Chart(SpendTrend()).Build();
        Assert.Single(two);

        var three = new MessageBuilder().Header("Trends").Chart(SpendTrend()).Chart(SpendTrend()).Divider().Chart(SpendTrend()).Build();
        Assert.Equal(2, three.Count);
        Assert.Equal(2, three[0].Blocks!.OfType<DataVisualizationBlock>().Count());
        Assert.IsType<DividerBlock>(three[1].Blocks![0]);
        Assert.Single(three[1].Blocks!.OfType<DataVisualizationBlock>());
    }

    [Fact]
    public void One_table_per_message_counting_table_and_data_table_together()
    {
        var parts = new MessageBuilder().Table(AdGroups()).Section("between").DataTable(AdGroups()).Chart(SpendTrend()).Build();
        Assert.Equal(2, parts.Count);
        Assert.IsType<TableBlock>(parts[0].Blocks![0]);
        Assert.IsType<DataTableBlock>(parts[1].Blocks![0]);
        Assert.All(parts, p => Assert.Empty(DataBlockWire.Problems(p)));
    }

    [Fact]
    public void A_modal_and_a_home_tab_show_charts_and_tables_as_text()
    {
        var modal = new ModalBuilder("Report").Chart(SpendTrend()).Table(AdGroups()).Build();
        var home = new HomeTabBuilder().DataTable(AdGroups()).Build();
        Assert.All(modal.Blocks.Concat(home.Blocks), b => Assert.IsType<SectionBlock>(b));
        Assert.StartsWith("*Spend vs revenue (7d)*\n```\n", ((SectionBlock)modal.Blocks[0]).Text!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_text_forms_show_the_same_numbers_aligned()
    {
        Assert.Equal(
            """
            Spend vs revenue (7d)
            Spend                 ▄▁▇▅█▄▆  min 98 (06-11) · max 130 (06-14)
            Revenue               ▂▁▇▅█▄▅  min 280 (06-11) · max 410 (06-14)
                                  06-10 … 06-16
            """.ReplaceLineEndings("\n"), SpendTrend().ToText());
        Assert.Equal(
            """
            Ad groups by cost per result
            Ad group             Spend  Results     CPA
            -----------------  -------  -------  ------
            Lookalike 1% <US>  $412.50       31  $13.31
            Broad & interests  $380.00       19  $20.00
            Retargeting 7d      $96.10        0       –
            """.ReplaceLineEndings("\n"), AdGroups().ToText());
        Assert.Contains("Lookalike 1% &lt;US&gt;  $412.50", AdGroups().ToMrkdwn(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_bar_text_of_a_breakdown_scales_bars_to_the_largest_value()
    {
        var chart = new ChartData("CPA by ad group", ChartKind.Bar, ["A", "B", "C"], [new ChartSeries("CPA", [20, 10, null])]);
        Assert.Equal(
            """
            CPA by ad group
            CPA
            A  ████████████████████████  20
            B  ████████████              10
            C  –
            """.ReplaceLineEndings("\n"), chart.ToText());
    }

    [Fact]
    public void The_mrkdwn_text_stays_within_its_limit_and_counts_the_rows_left_out()
    {
        var text = Grid(500, 5).ToMrkdwn();
        Assert.InRange(text.Length, 2500, SlackLimits.SectionText);
        Assert.EndsWith("more lines\n```", text, StringComparison.Ordinal);
        var lines = text.Split('\n');
        var shown = lines.Length - 6; // title, fence, header, rule, note line, fence
        var omitted = int.Parse(lines[^2].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(500, shown + omitted);
        Assert.Equal((5 * 5) + (4 * 2), lines[4].Length); // five right-aligned columns of "49900", two spaces apart
    }

    [Fact]
    public void Chart_and_table_text_is_escaped_like_mrkdwn_and_cut_without_splitting_an_escape()
    {
        var chart = new ChartData("<!channel> Tom & Jerry", ChartKind.Bar, ["<@U123> & co", "a&b"], [new ChartSeries("R&D <!here>", [1, 2])]).ToBlock();
        var block = Drawn(chart);
        Assert.Equal("&lt;!channel&gt; Tom &amp; Jerry", block.Title);
        var series = ((BarChart)block.Chart).Series[0];
        Assert.Equal("R&amp;D…", series.Name); // "R&amp;D &lt;!here&gt;" is 21 characters; the cut keeps whole escapes
        Assert.Equal(["&lt;@U123&gt;…", "a&amp;b"], series.Data.Select(p => p.Label));

        var table = Assert.IsType<TableBlock>(new TableData("x", [new TableColumn("<!everyone>")], [["<@U1>"]]).ToTableBlock().Block);
        Assert.Equal(["&lt;!everyone&gt;", "&lt;@U1&gt;"], table.Rows.Select(r => ((RawTextCell)r[0]).Text));
    }
}
