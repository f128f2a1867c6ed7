using System.Globalization;
using System.Text;
using System.Text.Json;

namespace TikTokBot.LoadTest;

/// <summary>
/// The figures of one bench/run as Markdown: medians over the runs, ratios taken within each run and then their
/// median, and each budget with its verdict.
/// </summary>
internal static class FiguresReport
{
    private const double MiB = 1024;

    public static int Write(Arguments arguments)
    {
        var folder = arguments.Text("results");
        var lines = File.ReadAllLines(Path.Combine(folder, "results.jsonl"))
            .Where(l => l.StartsWith('{'))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .ToArray();
        var text = new StringBuilder();
        text.AppendLine("```text").Append(File.ReadAllText(Path.Combine(folder, "machine.txt"))).AppendLine("```").AppendLine();
        var wrk = lines.Where(l => Kind(l) == "wrk").ToArray();
        // The side-by-side runs are the ones at Bolt-JS's connection count; results from before Bolt-JS have none.
        var side = wrk.Where(l => Label(l) == "bolt").Select(Connections).DefaultIfEmpty(-1).First();
        Load(text, lines, wrk.Where(l => Connections(l) != side).ToArray());
        SideBySide(text, lines, wrk.Where(l => Connections(l) == side).ToArray());
        Rate(text, lines);
        Cold(text, lines);
        Ask(text, lines);
        Memory(text, lines);
        BenchmarkFigures.Write(text, Path.Combine(folder, "bdn"));
        Console.Write(text.ToString());
        return 0;
    }

    private static void Load(StringBuilder text, JsonElement[] lines, JsonElement[] wrk)
    {
        if (wrk.Length == 0)
        {
            return;
        }

        var runs = wrk.Select(Run).Distinct().Count();
        var connections = string.Join(", ", wrk.Select(Connections).Where(c => c > 0).Distinct().Select(c => $"-c{c}"));
        text.AppendLine($"HTTP load, wrk -t2 {connections} ({runs} runs, medians; ratios to the bare endpoint taken within each run):").AppendLine()
            .AppendLine("| what | requests/s | ratio to bare | p50 ms | p99 ms | p99.9 ms | errors | budget | verdict |")
            .AppendLine("|---|---:|---:|---:|---:|---:|---:|---|---|");
        foreach (var (label, name) in new[] { ("bare", "bare endpoint (fixed 200)"), ("summary", "`/ttmetrics campaign-42`, cached"), ("button", "\"What should I fix?\" pressed (the ack)") })
        {
            var mine = wrk.Where(l => Label(l) == label).ToArray();
            if (mine.Length == 0)
            {
                continue;
            }

            var ratio = Median(mine.Select(l => l.GetProperty("rps").GetDouble() / BareRps(wrk, Run(l))));
            var errors = mine.Sum(Errors);
            var budget = label == "summary" ? "≥ 0.60 of bare, no errors" : "no errors";
            var verdict = label == "summary" ? Verdict(ratio >= 0.60 && errors == 0, ratio >= 0.60 ? $"errors: {errors}" : $"{ratio:0.00} of bare, {0.60 / ratio:0.0}x short") :
                Verdict(errors == 0, $"{errors} errors");
            text.AppendLine($"| {name} | {Median(mine, "rps"):#,0} | {ratio:0.00} | {Median(mine, "latency", "p50"):0.00} | {Median(mine, "latency", "p99"):0.00} | " +
                $"{Median(mine, "latency", "p999"):0.00} | {errors} | {budget} | {verdict} |");
        }

        var sinks = lines.Where(l => Kind(l) == "sink").ToArray();
        var summaryLate = Deferred(sinks, wrk);
        var buttonSent = wrk.Where(l => Label(l) == "button").Sum(l => l.GetProperty("requests").GetInt64());
        var buttonDelivered = sinks.Where(l => Label(l) == "button").Sum(l => l.GetProperty("delivered").GetInt64());
        text.AppendLine().AppendLine($"Summaries that missed the inline answer and went through response_url: {summaryLate:#,0}. " +
            $"Button answers delivered to the local response_url: {buttonDelivered:#,0} for {buttonSent:#,0} presses wrk counted " +
            "(wrk does not count requests still open when it stops, so a few more can arrive).").AppendLine();
    }

    /// <summary>
    /// The same signed command to the bare endpoint, Slack's Bolt-JS and the app, one after another at saturation, and
    /// the app's ratios to both with issue 21's targets.
    /// </summary>
    private static void SideBySide(StringBuilder text, JsonElement[] lines, JsonElement[] wrk)
    {
        if (!wrk.Any(l => Label(l) == "bolt"))
        {
            return;
        }

        var runs = wrk.Select(Run).Distinct().Order().ToArray();
        var connections = Connections(wrk[0]);
        text.AppendLine($"Side by side at saturation: wrk -t2 -c{connections}, the same signed `/ttmetrics campaign-42` to each, one after another " +
                $"({runs.Length} runs, medians; ratios taken within each run):")
            .AppendLine()
            .AppendLine("| what | requests/s | ratio to bare | p50 ms | p99 ms | p99.9 ms | errors |")
            .AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var (label, name) in new[]
                 {
                     ("bare", "bare ASP.NET Core endpoint (fixed 200)"),
                     ("bolt", "Slack's Bolt-JS (HTTPReceiver: verify, ack with 3 blocks)"),
                     ("summary", "TikTokBot, `/ttmetrics campaign-42` cached"),
                 })
        {
            var mine = wrk.Where(l => Label(l) == label).ToArray();
            if (mine.Length == 0)
            {
                continue;
            }

            var ratio = Median(mine.Select(l => l.GetProperty("rps").GetDouble() / BareRps(wrk, Run(l))));
            text.AppendLine($"| {name} | {Median(mine, "rps"):#,0} | {ratio:0.00} | {Median(mine, "latency", "p50"):0.00} | {Median(mine, "latency", "p99"):0.00} | " +
                $"{Median(mine, "latency", "p999"):0.00} | {mine.Sum(Errors)} |");
        }

        // Ratios per run, then their median, as everywhere else in this report.
        double[] PerRun(Func<JsonElement, double> figure, string over) =>
            runs.Select(run => figure(wrk.Single(l => Label(l) == "summary" && Run(l) == run)) / figure(wrk.Single(l => Label(l) == over && Run(l) == run))).ToArray();
        static double Rps(JsonElement l) => l.GetProperty("rps").GetDouble();
        static double P99(JsonElement l) => l.GetProperty("latency").GetProperty("p99").GetDouble();
        static string Each(double[] ratios) => string.Join(", ", ratios.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture)));

        var (ofBareRuns, ofBoltRuns, p99Runs) = (PerRun(Rps, "bare"), PerRun(Rps, "bolt"), PerRun(P99, "bare"));
        var (ofBare, ofBolt, p99OfBare) = (Median(ofBareRuns), Median(ofBoltRuns), Median(p99Runs));
        var requests = wrk.Where(l => Label(l) == "summary").Sum(l => l.GetProperty("requests").GetInt64());
        var deferred = Deferred(lines.Where(l => Kind(l) == "sink").ToArray(), wrk);
        var errors = wrk.Sum(Errors);
        var memory = lines.Where(l => Kind(l) == "memory").ToArray();
        double PeakMb(string prefix) => memory.Where(l => Label(l).StartsWith(prefix, StringComparison.Ordinal))
            .Select(l => l.GetProperty("peakKiB").GetDouble()).DefaultIfEmpty(double.NaN).Max() * 1024 / 1_000_000;
        var appPeak = PeakMb("app");
        text.AppendLine()
            .AppendLine("| target (issue 21) | figure | verdict |")
            .AppendLine("|---|---|---|")
            .AppendLine($"| app ≥ 0.5 of bare's requests/s | **{ofBare:0.00}** (per run: {Each(ofBareRuns)}) | {Verdict(ofBare >= 0.5, $"{0.5 / ofBare:0.0}x short")} |")
            .AppendLine($"| app ≥ 6 times Bolt-JS's requests/s | **{ofBolt:0.00}** (per run: {Each(ofBoltRuns)}) | {Verdict(ofBolt >= 6, $"{6 / ofBolt:0.0}x short")} |")
            .AppendLine($"| app p99 ≤ 1.5 times bare's p99 at -c{connections} | **{p99OfBare:0.00}** (per run: {Each(p99Runs)}) | {Verdict(p99OfBare <= 1.5, $"{p99OfBare / 1.5:0.0}x over")} |")
            .AppendLine($"| no cached summary deferred to response_url at -c{connections} | **{deferred:#,0}** of {requests:#,0} | {Verdict(deferred == 0, $"{deferred:#,0} deferred")} |")
            .AppendLine($"| no errors (all three) | {errors} | {Verdict(errors == 0, $"{errors} errors")} |")
            .AppendLine($"| app peak memory under load < 200 MB | **{appPeak:0} MB** (VmHWM over the whole run) | {Verdict(appPeak < 200, $"{appPeak - 200:0} MB over")} |")
            .AppendLine()
            .AppendLine($"Bolt-JS (one Node.js process) peaked at {PeakMb("bolt"):0} MB resident.")
            .AppendLine();
    }

    private static void Rate(StringBuilder text, JsonElement[] lines)
    {
        var rate = lines.Where(l => Kind(l) == "rate").ToArray();
        if (rate.Length == 0)
        {
            return;
        }

        text.AppendLine($"Constant rate at half the cached summary's maximum ({rate[0].GetProperty("rate").GetDouble():#,0} requests/s; C# generator, latency from each request's due time; medians of {rate.Select(Run).Distinct().Count()} runs):")
            .AppendLine()
            .AppendLine("| what | p50 ms | p99 ms | p99.9 ms | p99 ratio to bare | errors | generator send lag p99 ms | budget | verdict |")
            .AppendLine("|---|---:|---:|---:|---:|---:|---:|---|---|");
        foreach (var label in new[] { "bare", "summary" })
        {
            var mine = rate.Where(l => Label(l) == label).ToArray();
            var p99 = Median(mine, "latency", "p99");
            var ratio = Median(mine.Select(l => l.GetProperty("latency").GetProperty("p99").GetDouble() /
                rate.Single(b => Label(b) == "bare" && Run(b) == Run(l)).GetProperty("latency").GetProperty("p99").GetDouble()));
            var errors = mine.Sum(l => l.GetProperty("errors").GetInt32());
            var budget = label == "summary" ? "p99 < 10 ms, no errors" : "";
            var verdict = label == "summary" ? Verdict(p99 < 10 && errors == 0, p99 < 10 ? $"errors: {errors}" : $"missed by {p99 - 10:0.0} ms") : "";
            text.AppendLine($"| {(label == "bare" ? "bare endpoint" : "`/ttmetrics campaign-42`, cached")} | {Median(mine, "latency", "p50"):0.00} | {p99:0.00} | " +
                $"{Median(mine, "latency", "p999"):0.00} | {ratio:0.00} | {errors} | {Median(mine, "sendLag", "p99"):0.00} | {budget} | {verdict} |");
        }

        text.AppendLine();
    }

    private static void Cold(StringBuilder text, JsonElement[] lines)
    {
        // "figures": only the figures are uncached (the campaign list keeps its own lifetime, as in production);
        // "nothing": the list is not kept either, so each summary first lists the campaigns.
        var cold = lines.Where(l => Kind(l) == "cold" && Label(l) is "figures" or "").ToArray();
        var nothingKept = lines.Where(l => Kind(l) == "cold" && Label(l) == "nothing").ToArray();
        if (cold.Length == 0)
        {
            return;
        }

        var sent = cold.Sum(l => l.GetProperty("sent").GetInt32());
        var delivered = cold.Sum(l => l.GetProperty("delivered").GetInt32());
        var reading = cold.Sum(l => l.GetProperty("readingAcks").GetInt32());
        var errors = cold.Sum(l => l.GetProperty("ackErrors").GetInt32());
        var ackP99 = Median(cold, "ack", "p99");
        var answerP50 = Median(cold, "answer", "p50");
        text.AppendLine($"Cold path: summaries whose figures are not cached, the fake TikTok API answering every call in 300 ms, {cold[0].GetProperty("rate").GetDouble():0.#} per second " +
                $"(medians of {cold.Length} runs, {sent} requests):")
            .AppendLine()
            .AppendLine("| what | p50 ms | p99 ms | max ms | count | budget | verdict |")
            .AppendLine("|---|---:|---:|---:|---:|---|---|")
            .AppendLine($"| acknowledgement (\"Reading campaign-42…\") | {Median(cold, "ack", "p50"):0.0} | {ackP99:0.0} | {Median(cold, "ack", "max"):0.0} | " +
                $"{reading} of {sent} | p99 < 50 ms, no errors | {Verdict(ackP99 < 50 && errors == 0 && reading == sent, $"p99 {ackP99:0.0} ms, {errors} errors, {sent - reading} answered inline")} |")
            .AppendLine($"| the report through response_url | {answerP50:0.0} | {Median(cold, "answer", "p99"):0.0} | {Median(cold, "answer", "max"):0.0} | " +
                $"{delivered} of {sent} | every one arrives, p50 <= 500 ms | {Verdict(delivered == sent && answerP50 <= 500, $"{sent - delivered} missing, p50 {answerP50:0} ms")} |");
        if (nothingKept.Length > 0)
        {
            text.AppendLine($"| the report, campaign list not kept either | {Median(nothingKept, "answer", "p50"):0.0} | {Median(nothingKept, "answer", "p99"):0.0} | " +
                $"{Median(nothingKept, "answer", "max"):0.0} | {nothingKept.Sum(l => l.GetProperty("delivered").GetInt32())} of {nothingKept.Sum(l => l.GetProperty("sent").GetInt32())} | " +
                "two round trips: the list, then the figures | |");
        }

        text.AppendLine();
    }

    private static void Ask(StringBuilder text, JsonElement[] lines)
    {
        var ask = lines.Where(l => Kind(l) == "ask").ToArray();
        if (ask.Length == 0)
        {
            return;
        }

        var sent = ask.Sum(l => l.GetProperty("sent").GetInt32());
        var statuses = ask.Sum(l => l.GetProperty("statuses").GetInt32());
        var answered = ask.Sum(l => l.GetProperty("answered").GetInt32());
        var errors = ask.Sum(l => l.GetProperty("eventErrors").GetInt32());
        var statusP99 = Median(ask, "status", "p99");
        text.AppendLine($"Ask: questions typed in the agent messages (`message.im`, each in a thread of its own), {ask[0].GetProperty("rate").GetDouble():0.#} per second, " +
                $"demo data, times from each event's due time to the call's arrival at the fake Slack (medians of {ask.Length} runs, {sent} questions):")
            .AppendLine()
            .AppendLine("| what | p50 ms | p99 ms | max ms | count | budget | verdict |")
            .AppendLine("|---|---:|---:|---:|---:|---|---|")
            .AppendLine($"| first status (assistant.threads.setStatus) | {Median(ask, "status", "p50"):0.0} | {statusP99:0.0} | {Median(ask, "status", "max"):0.0} | " +
                $"{statuses} of {sent} | p99 < 300 ms, no errors | {Verdict(statusP99 < 300 && errors == 0 && statuses == sent, $"p99 {statusP99:0.0} ms, {errors} errors, {sent - statuses} without a status")} |")
            .AppendLine($"| the answer in the thread (chat.postMessage) | {Median(ask, "answer", "p50"):0.0} | {Median(ask, "answer", "p99"):0.0} | {Median(ask, "answer", "max"):0.0} | " +
                $"{answered} of {sent} | every one arrives | {Verdict(answered == sent, $"{sent - answered} missing")} |")
            .AppendLine();
    }

    private static void Memory(StringBuilder text, JsonElement[] lines)
    {
        var memory = lines.Where(l => Kind(l) == "memory").ToArray();
        double Rss(string label) => memory.Where(l => Label(l) == label).Select(l => l.GetProperty("rssKiB").GetDouble()).DefaultIfEmpty(double.NaN).Max() / MiB;
        var peak = memory.Where(l => Label(l).StartsWith("app", StringComparison.Ordinal)).Select(l => l.GetProperty("peakKiB").GetDouble()).DefaultIfEmpty(double.NaN).Max() / MiB;
        var underLoad = Rss("app under load");
        text.AppendLine("Resident memory of the app (`/proc/<pid>/status`, MiB):").AppendLine()
            .AppendLine("| after start | under load (highest VmRSS sampled right after each load run) | peak (VmHWM) | bare endpoint after start | budget | verdict |")
            .AppendLine("|---:|---:|---:|---:|---|---|")
            .AppendLine($"| {Rss("app after start"):0} | {underLoad:0} | {peak:0} | {Rss("bare after start"):0} | < 200 MB under load | " +
                $"{Verdict(peak * 1.048576 < 200, $"peak {peak * 1.048576:0} MB")} |")
            .AppendLine();
    }

    /// <summary>Summaries answered through response_url instead of inline, in the runs at the connection count of <paramref name="wrk"/>.</summary>
    private static long Deferred(JsonElement[] sinks, JsonElement[] wrk)
    {
        var connections = wrk.Select(Connections).ToHashSet();
        return sinks.Where(l => Label(l) == "summary" && connections.Contains(Connections(l))).Sum(l => l.GetProperty("delivered").GetInt64());
    }

    // Results from before the side-by-side runs carry no connection count.
    private static int Connections(JsonElement line) => line.TryGetProperty("connections", out var c) ? c.GetInt32() : 0;

    private static double BareRps(JsonElement[] wrk, int run) =>
        wrk.Single(l => Label(l) == "bare" && Run(l) == run).GetProperty("rps").GetDouble();

    private static long Errors(JsonElement line) => line.GetProperty("errors").EnumerateObject().Sum(e => e.Value.GetInt64());

    private static string Kind(JsonElement line) => line.GetProperty("kind").GetString()!;

    private static string Label(JsonElement line) => line.TryGetProperty("label", out var label) ? label.GetString()! : "";

    private static int Run(JsonElement line) => line.GetProperty("run").GetInt32();

    private static double Median(JsonElement[] lines, params string[] path) => Median(lines.Select(l => path.Aggregate(l, (e, p) => e.GetProperty(p)).GetDouble()));

    internal static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
            : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    internal static string Verdict(bool met, string miss) => met ? "met" : "**missed**: " + miss;

    internal static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
