using TikTokBot.Domain.Metrics;

namespace TikTokBot.Domain.Checkins;

public enum FixVerdict
{
    /// <summary>The targeted metric moved the right way, beyond chance.</summary>
    Better,

    /// <summary>Too little volume in a period, or a move within chance.</summary>
    NoClearChange,

    /// <summary>The targeted metric moved the wrong way, beyond chance.</summary>
    Worse,
}

/// <summary>The targeted metric before and after a fix, and what DOMAIN.md section 10 makes of it.</summary>
/// <param name="VolumeNeeded">With <see cref="FixVerdict.NoClearChange"/> for want of volume: what each period still needs, in words.</param>
public sealed record FixOutcome(MetricId Metric, decimal? Before, decimal? After, FixVerdict Verdict, decimal? ChangePercent, string? VolumeNeeded)
{
    /// <summary>Compares <paramref name="metric"/> over <paramref name="before"/> and <paramref name="after"/>, two periods of equal length (<see cref="FixPeriods"/>).</summary>
    public static FixOutcome Judge(MetricId metric, RawTotals before, RawTotals after, FixOutcomeOptions options)
    {
        var was = new ScopeTotals(before).Value(metric);
        var now = new ScopeTotals(after).Value(metric);
        var change = was is { } b && b != 0 && now is { } a ? decimal.Round((a - b) / b * 100m, 1) : (decimal?)null;
        if (Measures(metric) is not { } measure)
        {
            return new FixOutcome(metric, was, now, FixVerdict.NoClearChange, change,
                $"{MetricCatalogue.Get(metric).DisplayName} is not followed up on its own: judge the fix by a rate or a cost");
        }

        if (Missing(measure, before, after, options) is { } needed)
        {
            return new FixOutcome(metric, was, now, FixVerdict.NoClearChange, change, needed);
        }

        // Every measure counts events per unit of exposure, and for each more events per unit is the good direction:
        // a higher rate, (events per money) a lower cost, or (events per day) a larger count.
        var moved = Moved(measure.Events(before), measure.Exposure(before), measure.Events(after), measure.Exposure(after), measure.Per != Per.Trial, options.Confidence);
        var verdict = moved > 0 ? FixVerdict.Better : moved < 0 ? FixVerdict.Worse : FixVerdict.NoClearChange;
        return new FixOutcome(metric, was, now, verdict, change, null);
    }

    /// <summary>How a measure's events are weighed: out of trials (a rate), per money (a cost), or per day over two equal periods (a count).</summary>
    private enum Per
    {
        Trial,
        Money,
        Day,
    }

    /// <summary>What a follow-up counts for a metric: the events, what they happen per, and how many a period needs.</summary>
    private sealed record Measure(Func<RawTotals, decimal> Events, Func<RawTotals, decimal> Exposure, Per Per, string EventName, Func<FixOutcomeOptions, long> Minimum);

    private static Measure? Measures(MetricId metric) => metric switch
    {
        MetricId.Ctr => Rate(t => t.DestinationClicks, t => t.Impressions, "clicks"),
        MetricId.CvrImpressions => Rate(t => t.Conversions, t => t.Impressions, "conversions"),
        MetricId.CvrClicks => Rate(t => t.Conversions, t => t.DestinationClicks, "conversions"),
        MetricId.RealTimeCvr => Rate(t => t.RealTimeConversions, t => t.DestinationClicks, "real-time conversions"),
        MetricId.DestinationShareOfClicks => Rate(t => t.DestinationClicks, t => t.AllClicks, "clicks"),
        MetricId.VideoCompletionRate => Rate(t => t.VideoViewsP100, t => t.VideoViews, "completed views"),
        MetricId.SixSecondViewRate => Rate(t => t.VideoViews6s, t => t.VideoViews, "6-second views"),
        MetricId.CostPerConversion => new(t => t.Conversions, t => t.Spend, Per.Money, "conversions", o => o.MinimumConversions),
        MetricId.RealTimeCostPerConversion => new(t => t.RealTimeConversions, t => t.Spend, Per.Money, "real-time conversions", o => o.MinimumConversions),
        MetricId.CpcDestination => new(t => t.DestinationClicks, t => t.Spend, Per.Money, "clicks", o => o.MinimumEvents),
        MetricId.CostPerVideoView => new(t => t.VideoViews, t => t.Spend, Per.Money, "video views", o => o.MinimumEvents),
        MetricId.Cpm => new(t => t.Impressions, t => t.Spend, Per.Money, "impressions", o => o.MinimumImpressions),
        // A count is compared per day: the two periods are equally long, so each day weighs the same.
        MetricId.Impressions => new(t => t.Impressions, _ => 1m, Per.Day, "impressions", o => o.MinimumImpressions),
        MetricId.Conversions => new(t => t.Conversions, _ => 1m, Per.Day, "conversions", o => o.MinimumConversions),
        MetricId.RealTimeConversions => new(t => t.RealTimeConversions, _ => 1m, Per.Day, "real-time conversions", o => o.MinimumConversions),
        _ => null,
    };

    private static Measure Rate(Func<RawTotals, decimal> events, Func<RawTotals, decimal> exposure, string name) =>
        new(events, exposure, Per.Trial, name, o => o.MinimumEvents);

    /// <summary>What each period still lacks before a verdict (DOMAIN.md section 10), in words; null when both have enough.</summary>
    private static string? Missing(Measure measure, RawTotals before, RawTotals after, FixOutcomeOptions options)
    {
        var needs = new List<string>();
        foreach (var (name, totals) in new[] { ("before", before), ("after", after) })
        {
            var lacking = new List<string>();
            if (measure.Per == Per.Trial && totals.Impressions < options.MinimumImpressions)
            {
                lacking.Add($"{options.MinimumImpressions - totals.Impressions:N0} more impressions");
            }

            var events = (long)measure.Events(totals);
            // No event at all before the change, on exposure that could have bought some, is the finding itself (spend
            // without results, a pixel that never fired): a measured zero, not too little volume. The after period
            // still has to earn its own.
            var measuredZero = name == "before" && events == 0 && measure.Exposure(totals) > 0;
            if (events < measure.Minimum(options) && !measuredZero)
            {
                var shortBy = measure.Minimum(options) - events;
                lacking.Add($"{shortBy:N0} more {(shortBy == 1 ? measure.EventName[..^1] : measure.EventName)}");
            }

            if (measure.Per == Per.Money && totals.Spend <= 0)
            {
                lacking.Add("some spend");
            }

            if (lacking.Count > 0)
            {
                needs.Add($"the {name} period needs {string.Join(" and ", lacking)}");
            }
        }

        return needs.Count == 0 ? null : string.Join("; ", needs);
    }

    /// <summary>
    /// +1 when the after period's events per unit of exposure are higher beyond chance, -1 when lower, 0 within chance
    /// (two-sided at <paramref name="confidence"/>). Events out of trials (clicks of impressions): the two-proportion
    /// z-test with the pooled rate. Events per money: given the events of both periods, the after period's share is
    /// binomial with its share of the money when nothing changed, tested with the same normal approximation.
    /// </summary>
    internal static int Moved(decimal eventsBefore, decimal exposureBefore, decimal eventsAfter, decimal exposureAfter, bool perMoney, double confidence)
    {
        double x1 = (double)eventsBefore, n1 = (double)exposureBefore, x2 = (double)eventsAfter, n2 = (double)exposureAfter;
        double z;
        if (perMoney)
        {
            var total = x1 + x2;
            var share = n2 / (n1 + n2);
            var spread = Math.Sqrt(total * share * (1 - share));
            z = spread == 0 ? 0 : (x2 - (total * share)) / spread;
        }
        else
        {
            var pooled = (x1 + x2) / (n1 + n2);
            var error = Math.Sqrt(pooled * (1 - pooled) * ((1 / n1) + (1 / n2)));
            z = error == 0 ? 0 : ((x2 / n2) - (x1 / n1)) / error;
        }

        var critical = NormalQuantile(1 - ((1 - confidence) / 2));
        return z > critical ? 1 : z < -critical ? -1 : 0;
    }

    /// <summary>The standard normal quantile (Acklam's rational approximation, relative error below 1.2e-9).</summary>
    internal static double NormalQuantile(double p)
    {
        double[] a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
        double[] b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
        double[] c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
        double[] d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];
        const double low = 0.02425;
        if (p < low)
        {
            var q = Math.Sqrt(-2 * Math.Log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }

        if (p > 1 - low)
        {
            var q = Math.Sqrt(-2 * Math.Log(1 - p));
            return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }

        var r = p - 0.5;
        var s = r * r;
        return (((((a[0] * s + a[1]) * s + a[2]) * s + a[3]) * s + a[4]) * s + a[5]) * r / (((((b[0] * s + b[1]) * s + b[2]) * s + b[3]) * s + b[4]) * s + 1);
    }
}
