using TikTokBot.Domain.Funnel;
using TikTokBot.Domain.Learning;
using TikTokBot.Domain.Metrics;

namespace TikTokBot.Domain.Diagnosis.Rules;

/// <summary>The campaign spent too little of the budget of its enabled days: the auction is not buying what it may (DOMAIN.md section 9).</summary>
public sealed class LowDeliveryRule : IDiagnosisRule
{
    public string Id => "low-delivery";

    public FunnelStage Stage => FunnelStage.Delivery;

    public Finding? Evaluate(DiagnosisContext c)
    {
        // A paused or deleted campaign is not delivering by choice: there is nothing to raise or broaden.
        if (!c.Facts.Campaign.Enabled || c.BudgetSpentShare is not { } share || share * 100m >= c.Rules.LowDeliverySpentSharePercent)
        {
            return null;
        }

        var budget = c.Facts.Campaign.DailyBudget!.Value * c.Facts.Campaign.EnabledDays(c.Facts.Period);
        return new Finding(Id, Stage, Severity.Warning, "Delivery is low",
            $"The campaign spent {MetricFormat.Percent(share)} of the {c.Money(budget)} its budget allowed on its enabled days: the bid is probably too conservative or the audience too narrow.",
            [new("Cost", c.Counts.Spend, MetricUnit.Money, budget, "budget of the enabled days"), c.Judged(MetricId.Cpm), c.Metric(MetricId.Impressions)],
            [
                new(FixKind.Targeting, "Broaden the targeting: add interests or age bands, or switch to automatic targeting."),
                new(FixKind.Bid, "Or raise the bid or cost cap so the auction can spend the budget, before changing the creative."),
            ]) { Metric = MetricId.Impressions };
    }
}

/// <summary>
/// Past the learning window without about the exit conversions: TikTok's "learning limited" (DOMAIN.md section 9), never
/// "day 31 of learning".
/// </summary>
public sealed class LearningLimitedRule : IDiagnosisRule
{
    public string Id => "learning-limited";

    // Too few conversions is where it shows: a weak hook or a slow page upstream is often why, and is fixed first.
    public FunnelStage Stage => FunnelStage.Conversion;

    public Finding? Evaluate(DiagnosisContext c)
    {
        var learning = c.Learning;
        if (!c.Profile.Converts || !c.Facts.Campaign.Enabled || learning.State != LearningState.Limited)
        {
            return null;
        }

        List<Fix> fixes = [new(FixKind.Targeting, "Broaden the audience so the ad group can find more people who convert.")];
        if (c.Now.CostPerConversion is { } cpa)
        {
            var weekly = cpa * learning.ExitConversions;
            fixes.Add(new(FixKind.Budget,
                $"Budget toward about {learning.ExitConversions} conversions a week: at {c.Money(cpa)} each that is {c.Money(weekly)} a week, {c.Money(weekly / 7m)} a day."));
        }

        fixes.Add(new(FixKind.Investigate, "Merge ad groups that compete for the same audience: fewer ad groups, each with more conversions."));
        fixes.Add(new(FixKind.Tracking, "Or optimise for an event earlier in the funnel (add to cart rather than purchase), which happens more often."));
        return new Finding(Id, Stage, Severity.Warning, "Learning limited",
            $"Past the learning window with {learning.Conversions:#,0} of about {learning.ExitConversions} conversions: TikTok cannot optimise delivery on so few.",
            [new("Conversions since launch", learning.Conversions, MetricUnit.Count, learning.ExitConversions, "to leave learning")],
            fixes) { Metric = MetricId.Conversions };
    }
}

/// <summary>High frequency while results fall: the same people are tiring of the same creative.</summary>
public sealed class CreativeFatigueRule : IDiagnosisRule
{
    public string Id => "creative-fatigue";

    public FunnelStage Stage => FunnelStage.Delivery;

    public Finding? Evaluate(DiagnosisContext c)
    {
        if (!c[MetricId.Frequency].IsWorse || c.Now.Frequency is not { } frequency || !ResultsFell(c))
        {
            return null;
        }

        var severity = frequency > c.Benchmarks.FrequencyAlert ? Severity.Critical : Severity.Warning;
        List<Evidence> evidence =
        [
            c.Metric(MetricId.Frequency, c.Benchmarks.FrequencyWarning, "fatigue point"),
            c.Metric(MetricId.Ctr),
            c.PreviousMetric(MetricId.Ctr),
        ];
        if (c.Profile.Converts)
        {
            evidence.Add(c.Metric(MetricId.Conversions));
            evidence.Add(c.PreviousMetric(MetricId.Conversions));
        }

        return new Finding(Id, Stage, severity, "Creative fatigue",
            "People have seen the ad several times each and are responding less than in the previous period.",
            evidence,
            [
                new(FixKind.Creative, "Refresh the creative first: a new hook, new footage or a new format."),
                new(FixKind.Investigate, "Leave bid and audience as they are until the new creative has run; they are rarely the cause."),
            ]) { Metric = MetricId.Frequency };
    }

    /// <summary>CTR, or conversions for objectives that convert, fell against the previous period.</summary>
    internal static bool ResultsFell(DiagnosisContext c) =>
        c.Before is { } before &&
        (c.Fell(c.Now.Ctr, before.Ctr) || (c.Profile.Converts && c.Fell(c.Counts.Conversions, before.Counts.Conversions)));
}

/// <summary>High frequency with no decline yet: a warning sign to watch, not yet a problem.</summary>
public sealed class AudienceBurnRule : IDiagnosisRule
{
    public string Id => "audience-burn";

    public FunnelStage Stage => FunnelStage.Delivery;

    public Finding? Evaluate(DiagnosisContext c)
    {
        if (!c[MetricId.Frequency].IsWorse || CreativeFatigueRule.ResultsFell(c))
        {
            return null;
        }

        return new Finding(Id, Stage, Severity.Watch, "The same people keep seeing the ad",
            "Impressions are running well ahead of reach; results have not dropped yet, but fatigue usually follows.",
            [c.Metric(MetricId.Frequency, c.Benchmarks.FrequencyWarning, "fatigue point"), c.Metric(MetricId.Impressions), c.Metric(MetricId.Reach)],
            [new(FixKind.Investigate, "Watch CTR and conversions day by day, and have a fresh creative ready.")]) { Metric = MetricId.Frequency };
    }
}
