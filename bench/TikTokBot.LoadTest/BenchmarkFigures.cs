using System.Text;
using System.Text.Json;

namespace TikTokBot.LoadTest;

/// <summary>The in-process figures: BenchmarkDotNet's JSON reports of the scale and request-path benchmarks (medians).</summary>
internal static class BenchmarkFigures
{
    // Medians of the same case move by up to about 10% between runs here (two cores shared with other builds).
    private const double GrowthTolerance = 1.10;

    private sealed record Case(string Type, string Method, string Title, int AdGroups, int Days, double MedianNs, double AllocatedBytes);

    public static void Write(StringBuilder text, string folder)
    {
        var reports = Directory.Exists(folder) ? Directory.GetFiles(folder, "*-report-full-compressed.json", SearchOption.AllDirectories) : [];
        if (reports.Length == 0)
        {
            text.AppendLine("(no BenchmarkDotNet results in this run)");
            return;
        }

        var cases = reports.SelectMany(Read).ToArray();
        Scale(text, cases.Where(c => c.Type == "SummaryScaleBenchmarks").ToArray());
        Path(text, cases.Where(c => c.Type == "SlashCommandPathBenchmarks").ToArray());
    }

    private static IEnumerable<Case> Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        foreach (var benchmark in document.RootElement.GetProperty("Benchmarks").EnumerateArray())
        {
            if (!benchmark.TryGetProperty("Statistics", out var statistics) || statistics.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var parameters = (benchmark.GetProperty("Parameters").GetString() ?? "").Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Select(p => p.Split('=')).ToDictionary(p => p[0], p => int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture));
            yield return new Case(benchmark.GetProperty("Type").GetString()!, benchmark.GetProperty("Method").GetString()!,
                benchmark.GetProperty("MethodTitle").GetString()!, parameters.GetValueOrDefault("AdGroups"), parameters.GetValueOrDefault("Days"),
                statistics.GetProperty("Median").GetDouble(), benchmark.GetProperty("Memory").GetProperty("BytesAllocatedPerOperation").GetDouble());
        }
    }

    private static void Scale(StringBuilder text, Case[] cases)
    {
        var fromRows = cases.Where(c => c.Title == "rows").OrderBy(c => c.AdGroups).ThenBy(c => c.Days).ToArray();
        if (fromRows.Length == 0)
        {
            return;
        }

        var smallest = fromRows[0];
        double Rows(Case c) => c.AdGroups * 2.0 * c.Days;
        text.AppendLine("A summary as the campaign grows (BenchmarkDotNet, in process, medians): \"from rows\" rolls up ad groups x 2 x days rows per " +
                "request (the period and the one before), as the demo and CSV sources do; \"cached\" is the same summary once the cache holds " +
                "the daily totals. Growth is (time / time of the smallest case) / (rows / rows of the smallest case): at most 1 means no faster than the rows " +
                "read; up to 1.10 is counted as met, the spread of medians between runs on this shared machine.")
            .AppendLine()
            .AppendLine("| ad groups | days | rows read | from rows | per row | allocated | growth vs rows | cached | cached allocated | verdict |")
            .AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var c in fromRows)
        {
            var cached = cases.FirstOrDefault(x => x.Title == "cached" && x.AdGroups == c.AdGroups && x.Days == c.Days);
            var growth = c.MedianNs / smallest.MedianNs / (Rows(c) / Rows(smallest));
            text.AppendLine($"| {c.AdGroups:#,0} | {c.Days} | {Rows(c):#,0} | {Time(c.MedianNs)} | {c.MedianNs / Rows(c):0} ns | {Bytes(c.AllocatedBytes)} | " +
                $"{growth:0.00} | {(cached is null ? "" : Time(cached.MedianNs))} | {(cached is null ? "" : Bytes(cached.AllocatedBytes))} | " +
                $"{FiguresReport.Verdict(growth <= GrowthTolerance, $"grew {growth:0.00}x the rows")} |");
        }

        text.AppendLine();
    }

    private static void Path(StringBuilder text, Case[] cases)
    {
        if (cases.Length == 0)
        {
            return;
        }

        text.AppendLine("One cached `/ttmetrics campaign-42` in process (BenchmarkDotNet, medians; allocations per request):").AppendLine()
            .AppendLine("| what | time | allocated |").AppendLine("|---|---:|---:|");
        foreach (var c in cases)
        {
            text.AppendLine($"| {c.Title.Trim('\'')} | {Time(c.MedianNs)} | {Bytes(c.AllocatedBytes)} |");
        }

        text.AppendLine();
    }

    private static string Time(double ns) => ns >= 1_000_000 ? $"{ns / 1_000_000:0.00} ms" : $"{ns / 1_000:0.0} µs";

    private static string Bytes(double bytes) => bytes >= 1024 * 1024 ? $"{bytes / 1024 / 1024:0.0} MB" : $"{bytes / 1024:0.0} KB";
}
