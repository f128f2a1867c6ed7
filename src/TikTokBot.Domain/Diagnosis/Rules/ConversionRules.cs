using TikTokBot.Domain.Funnel;
using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Objectives;
using TikTokBot.Domain.Standings;

namespace TikTokBot.Domain.Diagnosis.Rules;

/// <summary>
/// People arrive from the ad but too few of them convert: the page, not the ad. With no conversion ever recorded the
/// tracking check (critical, so listed first in the stage) says to confirm the Pixel before this.
/// </summary>
public sealed class LandingPageRule : IDiagnosisRule
{
    public string Id => "landing-page";

    public FunnelStage Stage => FunnelStage.Conversion;

    public Finding? Evaluate(DiagnosisContext c)
    {
        if (!c.Profile.Converts || !c[MetricId.CvrClicks].IsWorse)
        {
            return null;
        }

        return new Finding(Id, Stage, Severity.Warning, "The landing page is not converting",
            $"Visitors arrive from the ad, but fewer of them convert than {c.Against(MetricId.CvrClicks)}.",
            [c.Judged(MetricId.CvrClicks), c.Metric(MetricId.DestinationClicks), c.Metric(MetricId.Conversions)],
            [
                new(FixKind.LandingPage, "Measure the page's load time on mobile and cut it; every second loses visitors."),
                new(FixKind.LandingPage, "Check the page delivers exactly what the ad promised: same offer, same product, same price."),
            ]) { Metric = MetricId.CvrClicks };
    }
}

/// <summary>The page converts its visitors fine, but too few of the people who see the ad get there.</summary>
public sealed class TopOfFunnelRule : IDiagnosisRule
{
    public string Id => "top-of-funnel";

    public FunnelStage Stage => FunnelStage.Conversion;

    public Finding? Evaluate(DiagnosisContext c)
    {
        if (!c.Profile.Converts || c.Counts.Conversions == 0 || !c[MetricId.CvrImpressions].IsWorse || !c[MetricId.CvrClicks].TypicalOrBetter)
        {
            return null;
        }

        return new Finding(Id, Stage, Severity.Warning, "Few viewers become customers, though visitors do",
            $"Conversions per impression are below {c.Against(MetricId.CvrImpressions)} while the page converts its visitors, so the loss happens before the click: the creative or the targeting.",
            [c.Judged(MetricId.CvrImpressions), c.Judged(MetricId.CvrClicks)],
            [
                new(FixKind.Creative, "Make the ad qualify viewers: show the product and the price so the right people click."),
                new(FixKind.Targeting, "Check the targeting reaches buyers, not just viewers."),
            ]) { Metric = MetricId.CvrImpressions };
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

        // A problem only when cost per conversion itself stands worse; rising within the usual, it is one to watch.
        var worse = c[MetricId.CostPerConversion].IsWorse;
        return new Finding(Id, Stage, worse ? Severity.Warning : Severity.Watch, "Losing efficiency while scaling",
            "Conversions went up, but so did the cost of each one.",
            [c.Metric(MetricId.Conversions), c.PreviousMetric(MetricId.Conversions), c.Judged(MetricId.CostPerConversion), c.PreviousMetric(MetricId.CostPerConversion)],
            [
                new(FixKind.Budget, "Hold the budget where it is until cost per conversion settles, then raise it in smaller steps."),
                new(FixKind.Creative, "Add fresh creatives so the extra budget has new ads to spend on."),
            ]) { Metric = MetricId.CostPerConversion };
    }
}

/// <summary>
/// A campaign that sells (purchases, or a ROAS target set) returning less than the team's minimum, or less than it costs
/// after meaningful spend (DOMAIN.md section 9).
/// </summary>
public sealed class RoasRule : IDiagnosisRule
{
    public string Id => "roas-low";

    public FunnelStage Stage => FunnelStage.Conversion;

    public Finding? Evaluate(DiagnosisContext c)
    {
        var roas = c[MetricId.Roas];
        var sells = roas.Target is not null || (c.Profile.Objective == Objective.WebsiteConversions && c.Facts.Campaign.OptimisesForPurchase);
        if (!c.Profile.Converts || !sells || !roas.IsWorse || c.Counts.Conversions == 0 ||
            !(roas.DecidedBy == Basis.Target || (roas.BeyondFloor && c.HasMeaningfulSpend)))
        {
            return null;
        }

        var cause = roas.DecidedBy == Basis.Target
            ? $"Each unit spent returns {MetricFormat.Format(roas.Value, MetricUnit.Ratio)} against the team's minimum of {MetricFormat.Format(roas.Target, MetricUnit.Ratio)}."
            : $"Each unit spent returns {MetricFormat.Format(roas.Value, MetricUnit.Ratio)}: the campaign brings in less than it costs.";
        return new Finding(Id, Stage, Severity.Warning, "Return on ad spend too low", cause,
            [c.Judged(MetricId.Roas), c.Judged(MetricId.CvrClicks), c.Judged(MetricId.CpcDestination)],
            [
                new(FixKind.LandingPage, "Start with the conversion rate after the click: if it is low, fix the page and the checkout."),
                new(FixKind.Investigate, "Then the value of each purchase: bundles, a free-shipping threshold or a higher-priced product in the ad."),
                new(FixKind.Creative, "Then the cost of a click: test new hooks to lift click-through."),
            ]) { Metric = MetricId.Roas };
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
            ]) { Metric = MetricId.Conversions };
    }
}
