using System.Text.Json;
using TikTokBot.Slack.BlockKit;

namespace TikTokBot.Slack.Tests.BlockKit;

/// <summary>
/// Generated charts and tables (seeded, so a failure repeats): whatever the data, every message the builders produce
/// passes <see cref="DataBlockWire"/>, and the text forms stay within a section and never ping.
/// </summary>
public class DataBlockPropertyTests
{
    private static readonly string[] Names =
    [
        "", "   ", "Spend", "Spend", "CPA", "*bold* _it_ ~gone~ `code`", "<!channel> look", "hey <@U123ABC>", "<!here|here>",
        "Tom & Jerry <b>", "&amp; already", new string('n', 100), string.Concat(Enumerable.Repeat("😀", 30)),
        "<!subteam^S1|team>", "ad group with a name long enough to be cut twice over",
    ];

    private static readonly double?[] Awkward =
    [
        null, double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0, -1, 1e300, -1e300, double.MaxValue,
        double.MinValue, double.Epsilon, 1e-300, 0.004,
    ];

    private static string Name(Random random) => Names[random.Next(Names.Length)];

    private static double? Value(Random random, bool allNull) => allNull ? null
        : random.Next(3) == 0 ? Awkward[random.Next(Awkward.Length)]
        : Math.Round((random.NextDouble() - 0.2) * Math.Pow(10, random.Next(-3, 9)), 2);

    private static int Count(Random random) => random.Next(6) switch
    {
        0 => new[] { 0, 1, 2, 20, 21, 31, 90 }[random.Next(7)],
        _ => random.Next(0, 95),
    };

    public static TheoryData<int> Seeds => new(Enumerable.Range(1, 60));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_generated_chart_is_valid_on_the_wire_or_shown_as_text(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 10; round++)
        {
            var categories = Count(random);
            var allNull = random.Next(8) == 0;
            var days = Enumerable.Range(0, categories).Select(i => random.Next(4) == 0 ? Name(random) : $"11-{i + 1:00}").ToList();
            var series = Enumerable.Range(0, random.Next(0, 9))
                .Select(_ => new ChartSeries(Name(random), Enumerable.Range(0, categories).Select(_ => Value(random, allNull)).ToList())).ToList();
            foreach (var kind in Enum.GetValues<ChartKind>())
            {
                var chart = new ChartData(Name(random) is { Length: > 0 } t && !string.IsNullOrWhiteSpace(t) ? t : "Trend", kind, days, series)
                {
                    XLabel = random.Next(2) == 0 ? null : Name(random),
                    YLabel = random.Next(2) == 0 ? null : Name(random),
                    KeepLatest = random.Next(2) == 0,
                    CategoryNoun = "days",
                };
                var what = $"seed {seed} round {round} {kind}: {categories} days, {series.Count} series";
                var parts = new MessageBuilder().Text("headline").Chart(chart).Chart(chart).Chart(chart).Build();
                AssertValid(parts, what);
                AssertText(chart.ToMrkdwn(), chart.ToText(), what);

                if (chart.ToBlock().Block is null)
                    Assert.All(parts.SelectMany(p => p.Blocks!), b => Assert.IsType<SectionBlock>(b));
                else
                    Assert.Equal(3, parts.SelectMany(p => p.Blocks!).OfType<DataVisualizationBlock>().Count());
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_generated_table_is_valid_on_the_wire_or_shown_as_text(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 5; round++)
        {
            var columns = random.Next(1, 26);
            var rows = Count(random) * (random.Next(4) == 0 ? 2 : 1);
            var huge = random.Next(5) == 0;
            var table = new TableData(Name(random) is var c && !string.IsNullOrWhiteSpace(c) ? c : "Ad groups",
                Enumerable.Range(0, columns).Select(_ => new TableColumn(Name(random), (ColumnAlign)random.Next(3)) { Wrap = random.Next(3) == 0 }).ToList(),
                Enumerable.Range(0, rows).Select(_ => (IReadOnlyList<TableValue>)Enumerable.Range(0, columns).Select(_ =>
                    random.Next(2) == 0 ? new TableValue(huge ? new string('w', random.Next(100, 3000)) : Name(random))
                    : Value(random, allNull: false) is { } v ? TableValue.Of(v, double.IsFinite(v) ? v.ToString("G4", System.Globalization.CultureInfo.InvariantCulture) : "n/a") : new TableValue(""))
                    .ToList()).ToList())
            {
                PageSize = random.Next(-5, 130),
            };
            var what = $"seed {seed} round {round}: {rows} rows x {columns} columns";
            var parts = new MessageBuilder().Table(table).DataTable(table).Build();
            Assert.Equal(rows == 0 ? 1 : 2, parts.Count);
            AssertValid(parts, what);
            AssertText(table.ToMrkdwn(), table.ToText(), what);
        }
    }

    private static void AssertValid(IReadOnlyList<SlackMessage> parts, string what)
    {
        foreach (var part in parts)
        {
            var problems = DataBlockWire.Problems(part);
            Assert.True(problems.Count == 0, what + ": " + string.Join("; ", problems));
        }
    }

    private static void AssertText(string mrkdwn, string plain, string what)
    {
        Assert.InRange(mrkdwn.Length, 1, SlackLimits.SectionText);
        Assert.False(DataBlockWire.HasPing(JsonSerializer.SerializeToElement(mrkdwn)), what + ": the text form pings");
        Assert.DoesNotContain("NaN", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("∞", plain, StringComparison.Ordinal);
    }
}
