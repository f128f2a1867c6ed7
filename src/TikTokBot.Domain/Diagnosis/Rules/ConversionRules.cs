using TikTokBot.Domain.Funnel;
using TikTokBot.Domain.Metrics;

namespace TikTokBot.Domain.Diagnosis.Rules;

/// <summary>People arrive from the ad but too few of them convert: the page, not the ad.</summary>
public sealed class LandingPageRule : IDiagnosisRule
{
    public string Id => "landing-page";

    public FunnelStage Stage => FunnelStage.Conversion;

    public Finding? Evaluate(DiagnosisContext c)
    {
        if (!c.Profile.Converts || !c.EnoughDestinationClicks || c.Counts.Conversions == 0 ||
            c.Now.CvrClicks is not { } cvr || cvr >= c.CvrClicksBenchmark)
        {
            return null;
        }

        return new Finding(Id, Stage, Severity.Warning, "The landing page is not converting",
            $"Visitors arrive from the ad, but fewer of them convert than {c.CvrClicksBenchmarkLabel}.",
            [c.Metric(MetricId.CvrClicks, c.CvrClicksBenchmark, c.CvrClicksBenchmarkLabel), c.Metric(MetricId.DestinationClicks), c.Metric(MetricId.Conversions)],
            [
                new(FixKind.LandingPage, "Measure the page's load time on mobile and cut it; every second loses visitors."),
                new(FixKind.LandingPage, "Check the page delivers exactly what the ad promised: same offer, same product, same price."),
            ]);
    }
}

/// <summary>The page converts its visitors fine, but too few of the people who see the ad get there.</summary>
public sealed class TopOfFunnelRule : IDiagnosisRule
{
    public string Id => "top-of-funnel";

    public FunnelStage Stage => FunnelStage.Conversion;

    public Finding? Evaluate(DiagnosisContext c)
    {
        var low = c.CvrImpressionsLow;
        var lowImpressionsRate = low.Value;
        if (!c.Profile.Converts || !c.EnoughImpressions || !c.EnoughDestinationClicks || c.Counts.Conversions == 0 ||
            c.Now.CvrImpressions is not { } cvrImpressions || cvrImpressions >= lowImpressionsRate ||
            c.Now.CvrClicks is not { } cvrClicks || cvrClicks < c.CvrClicksBenchmark)
        {
            return null;
        }

        return new Finding(Id, Stage, Severity.Warning, "Few viewers become customers, though visitors do",
            "The page converts well, so the loss happens before the click: the creative or the targeting.",
            [c.Metric(MetricId.CvrImpressions, lowImpressionsRate, low.Label), c.Metric(MetricId.CvrClicks, c.CvrClicksBenchmark, c.CvrClicksBenchmarkLabel)],
            [
                new(FixKind.Creative, "Make the ad qualify viewers: show the product and the price so the right people click."),
                new(FixKind.Targeting, "Check the targeting reaches buyers, not just viewers."),
            ]);
    }
}

/// <summary>More conversions than last period, but each one costs more: scaling is eating efficiency.</summary>
public sealed class LosingEfficiencyWhileScalingRule : IDiagnosisRule
{
    public string Id => "losing-efficiency";

    public FunnelStage Stage => FunnelStage.Conversion;

    public Finding? Evaluate(DiagnosisContext c)
    {
        if (!c.Profile.Converts || c.Before is not { } before ||
            !c.Rose(c.Counts.Conversions, before.Counts.Conversions) || !c.Rose(c.Now.CostPerConversion, before.CostPerConversion))
        {
            return null;
        }

        return new Finding(Id, Stage, Severity.Warning, "Losing efficiency while scaling",
            "Conversions went up, but so did the cost of each one.",
            [c.Metric(MetricId.Conversions), c.PreviousMetric(MetricId.Conversions), c.Metric(MetricId.CostPerConversion), c.PreviousMetric(MetricId.CostPerConversion)],
            [
                new(FixKind.Budget, "Hold the budget where it is until cost per conversion settles, then raise it in smaller steps."),
                new(FixKind.Creative, "Add fresh creatives so the extra budget has new ads to spend on."),
            ]);
    }
}

/// <summary>Destination clicks but never a conversion: tracking is the first suspect, before the page.</summary>
public sealed class TrackingCheckRule : IDiagnosisRule
{
    public string Id => "tracking-check";

    public FunnelStage Stage => FunnelStage.Conversion;

    public Finding? Evaluate(DiagnosisContext c)
    {
        var everConverted = (c.Facts.LifetimeConversions ?? c.Counts.Conversions) > 0;
        if (!c.Profile.Converts || !c.EnoughDestinationClicks || everConverted)
        {
            return null;
        }

        return new Finding(Id, Stage, Severity.Critical, "No conversion has ever been recorded",
            "The ad sends people to the destination, but TikTok has never recorded a conversion: the Pixel or its events are probably not set up.",
            [c.Metric(MetricId.DestinationClicks), new("Conversions ever recorded", c.Facts.LifetimeConversions ?? c.Counts.Conversions, MetricUnit.Count)],
            [
                new(FixKind.Tracking, "Open Events Manager and confirm the Pixel fires the optimisation event; use Test Events with a real visit."),
                new(FixKind.LandingPage, "Only once tracking is confirmed, look at the landing page."),
            ]);
    }
}
