using System.Globalization;
using TikTokBot.Domain.Credit;
using TikTokBot.Domain.Learning;
using TikTokBot.Domain.Metrics;
using TikTokBot.Slack.BlockKit;

namespace TikTokBot.Digests;

/// <summary>The digest's charts as data: the credit window (credit left and gross spend per day, to the run-out day) and the learning phase's conversions toward the exit.</summary>
internal static class DigestCharts
{
    public const string Estimate = "est.";
    private const int ProgressCells = 10;

    /// <summary>
    /// Credit left at the end of each day and the day's gross spend, from the window's start to the projected run-out day
    /// (or the expiry, or the day it ran out). Days after the report's day are marked "est." (the burn rate carried
    /// forward) and the run-out day says so. A window longer than a chart's 20 points is drawn in equal steps of days:
    /// credit left at the end of each step, and the step's average spend per day. Null when there is no day to draw.
    /// </summary>
    public static ChartData? Credit(CreditWindowReport report, IReadOnlyList<CreditDay> days, string currency)
    {
        if (days.Count == 0)
        {
            return null;
        }

        var step = (days.Count + SlackLimits.ChartCategories - 1) / SlackLimits.ChartCategories;
        var buckets = days.Chunk(step).ToList();
        var ranOut = report.ExhaustedOn;
        var categories = buckets.Select(b =>
        {
            var last = b[^1];
            var label = Day(last.Date);
            return ranOut is { } day && b.Any(d => d.Date == day)
                ? $"{label} {(report.ExhaustionProjected ? "runs out" : "ran out")}"
                : last.Projected ? $"{label} {Estimate}" : label;
        }).ToList();
        var left = buckets.Select(b => (double?)Money(b[^1].CreditLeft)).ToList();
        var spend = buckets.Select(b => (double?)Money(b.Average(d => d.GrossSpend))).ToList();
        var projected = days.Any(d => d.Projected);
        return new ChartData("Credit left and gross spend per day", ChartKind.Line, categories,
            [new ChartSeries("Credit left", left), new ChartSeries(step == 1 ? "Gross spend" : $"Spend/day ({step}d avg)", spend)])
        {
            XLabel = projected ? $"{Estimate} = at {MetricFormat.Money(report.BurnRatePerDay, currency)} a day" : step == 1 ? "day" : $"every {step} days",
            YLabel = currency,
            CategoryNoun = "days",
            Format = v => MetricFormat.Money(Reports.ReportCharts.ToDecimal(v), currency),
        };
    }

    /// <summary>
    /// Conversions since the start of learning day by day, with the exit mark as a flat line (as bars on the first day,
    /// when a line would be a dot). Null when there is no day to draw.
    /// </summary>
    public static ChartData? Learning(LearningPhaseAssessment learning, IReadOnlyList<LearningDay> days)
    {
        if (days.Count == 0)
        {
            return null;
        }

        return new ChartData($"Learning: conversions toward ~{learning.ExitConversions}", days.Count == 1 ? ChartKind.Bar : ChartKind.Line, days.Select(d => Day(d.Date)).ToList(),
        [
            new ChartSeries("Conversions so far", days.Select(d => (double?)d.ConversionsSoFar).ToList()),
            new ChartSeries($"Exit (~{learning.ExitConversions})", days.Select(_ => (double?)learning.ExitConversions).ToList()),
        ])
        {
            YLabel = "conversions",
            CategoryNoun = "days",
            KeepLatest = true,
            Format = v => MetricFormat.Format(Reports.ReportCharts.ToDecimal(v), MetricUnit.Count),
        };
    }

    /// <summary>"▰▰▰▰▱▱▱▱▱▱ 46%": conversions so far against the exit, for the text beside the chart.</summary>
    public static string Progress(long conversions, int exit)
    {
        var share = exit <= 0 ? 1m : Math.Clamp((decimal)conversions / exit, 0m, 1m);
        var filled = (int)Math.Floor(share * ProgressCells);
        return $"{new string('▰', filled)}{new string('▱', ProgressCells - filled)} {Math.Floor(share * 100).ToString(CultureInfo.InvariantCulture)}%";
    }

    private static string Day(DateOnly date) => date.ToString("MM-dd", CultureInfo.InvariantCulture);

    private static double Money(decimal amount) => (double)Math.Round(amount, 2);
}
