using TikTokBot.Domain.Funnel;
using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Standings;

namespace TikTokBot.Domain.Diagnosis.Rules;

/// <summary>
/// Impressions dearer than usual while the budget is spent: a cost note, not a delivery problem (DOMAIN.md section 9).
/// With a weak hook too, the creative comes first: TikTok charges more to show an ad people scroll past.
/// </summary>
public sealed class ExpensiveImpressionsRule : IDiagnosisRule
{
    public string Id => "expensive-impressions";

    public FunnelStage Stage => FunnelStage.Cost;

    public Finding? Evaluate(DiagnosisContext c)
    {
        var cpm = c[MetricId.Cpm];
        // A target on CPM is judged by the target rule; a budget left unspent is the delivery rule's.
        if (!cpm.IsWorse || cpm.DecidedBy == Basis.Target ||
            (c.BudgetSpentShare is { } share && share * 100m < c.Rules.LowDeliverySpentSharePercent))
        {
            return null;
        }

        var weakHook = c.Profile.WantsDestinationClicks && c[MetricId.Ctr].IsWorse;
        Fix creative = new(FixKind.Creative, weakHook
            ? "Fix the hook first: the click-through rate is low too, and an ad people scroll past costs more to show."
            : "Test a fresher creative: ads that hold attention win impressions for less.");
        Fix audience = new(FixKind.Targeting, "Then check the audience is not too narrow and that automatic placement is on.");
        return new Finding(Id, Stage, Severity.Watch, "Impressions cost more than usual",
            $"Each 1,000 impressions costs {c.Money(cpm.Value)}, above {c.Against(MetricId.Cpm)}, while the budget is being spent.",
            [c.Judged(MetricId.Cpm)],
            [creative, audience]) { Metric = MetricId.Cpm };
    }
}

/// <summary>Destination clicks cost more than usual and the landing page does not make up for it.</summary>
public sealed class ExpensiveClicksRule : IDiagnosisRule
{
    public string Id => "expensive-clicks";

    public FunnelStage Stage => FunnelStage.Cost;

    public Finding? Evaluate(DiagnosisContext c)
    {
        var cpc = c[MetricId.CpcDestination];
        if (!c.Profile.WantsDestinationClicks || !cpc.IsWorse || cpc.DecidedBy == Basis.Target)
        {
            return null;
        }

        // A strong conversion rate after the click pays for dear clicks.
        if (c.Profile.Converts && c[MetricId.CvrClicks].TypicalOrBetter)
        {
            return null;
        }

        List<Evidence> evidence = [c.Judged(MetricId.CpcDestination)];
        if (c.Profile.Converts)
        {
            evidence.Add(c.Judged(MetricId.CvrClicks));
        }

        return new Finding(Id, Stage, Severity.Warning, "Clicks are expensive",
            $"Each destination click costs more than {c.Against(MetricId.CpcDestination)}, and the conversion rate is not strong enough to pay for it.",
            evidence,
            [
                new(FixKind.Creative, "Test a new hook to lift click-through, which lowers the cost of each click."),
                new(FixKind.Targeting, "Or tighten the audience to the people most likely to click, before adding spend."),
            ]) { Metric = MetricId.CpcDestination };
    }
}

/// <summary>A cost the team set a target on (CPC, CPM, CPV, cost per 1,000 reached...) above it: judged on that metric alone.</summary>
public sealed class OffTargetRule : IDiagnosisRule
{
    public string Id => "off-target";

    public FunnelStage Stage => FunnelStage.Cost;

    public Finding? Evaluate(DiagnosisContext c)
    {
        // Cost per conversion and ROAS have rules of their own, which work back through the funnel.
        if (c.Facts.Criteria is not { } criteria)
        {
            return null;
        }

        var metric = criteria.Metric ?? c.Profile.CostPerOutcome;
        if (metric is MetricId.CostPerConversion or MetricId.Roas)
        {
            return null;
        }

        var standing = c[metric];
        if (!standing.IsWorse || standing.DecidedBy != Basis.Target)
        {
            return null;
        }

        var name = standing.Definition.DisplayName;
        return new Finding(Id, Stage, Severity.Warning, $"{name} above target",
            $"{name} is {c.Money(standing.Value)} against a target of {c.Money(standing.Target)}.",
            [c.Judged(metric), c.Judged(MetricId.Ctr)],
            [
                new(FixKind.Creative, "Test new hooks first: a stronger opening lifts the rates this cost is built on."),
                new(FixKind.Targeting, "Then check the audience is not too narrow for the auction to find people cheaply."),
                new(FixKind.Bid, "Only then set a cost cap at the target."),
            ]) { Metric = metric };
    }
}

/// <summary>Meaningful money spent and not a single conversion recorded.</summary>
public sealed class SpendWithoutResultsRule : IDiagnosisRule
{
    public string Id => "spend-without-results";

    public FunnelStage Stage => FunnelStage.Cost;

    public Finding? Evaluate(DiagnosisContext c)
    {
        if (!c.Profile.Converts || !c.HasMeaningfulSpend || c.Counts.Conversions > 0)
        {
            return null;
        }

        return new Finding(Id, Stage, Severity.Critical, "Spend without results",
            $"{c.Money(c.Counts.Spend)} has been spent with no conversion at all.",
            [
                new("Cost", c.Counts.Spend, MetricUnit.Money, c.MeaningfulSpend, "meaningful spend"),
                c.Metric(MetricId.Conversions),
            ],
            [
                new(FixKind.Pause, "Pause the campaign and find out why before spending more."),
                new(FixKind.Tracking, "Check that the TikTok Pixel or events API is installed and firing the optimisation event."),
            ]) { Metric = MetricId.Conversions };
    }
}

/// <summary>Cost per conversion above the team's target for it: work back through the funnel, bid last.</summary>
public sealed class CpaAboveTargetRule : IDiagnosisRule
{
    public string Id => "cpa-above-target";

    public FunnelStage Stage => FunnelStage.Cost;

    public Finding? Evaluate(DiagnosisContext c)
    {
        var standing = c[MetricId.CostPerConversion];
        if (c.TargetCpa is not { } target || !standing.IsWorse || standing.DecidedBy != Basis.Target || standing.Value is not { } cpa)
        {
            return null;
        }

        if (!c.CostJudgement.CanJudge)
        {
            return TooEarly(c, cpa, target);
        }

        var severity = cpa >= target * c.Rules.CriticalCpaMultiple ? Severity.Critical : Severity.Warning;
        var cvr = c[MetricId.CvrClicks];
        var cpc = c[MetricId.CpcDestination];
        var frequency = c[MetricId.Frequency];
        // Work backwards (DOMAIN.md section 5): the steps whose metric stands worse first, in that order; the others as checks.
        (bool Worse, Fix Fix)[] steps =
        [
            (cvr.IsWorse, new(FixKind.LandingPage, cvr.IsWorse
                ? $"Fix the landing page: the conversion rate after the click ({MetricFormat.Format(cvr.Value, MetricUnit.Percent)}) is below {c.Against(MetricId.CvrClicks)}."
                : $"Check the conversion rate after the click ({MetricFormat.Format(cvr.Value, MetricUnit.Percent)}, {c.Usual(MetricId.CvrClicks)}); if it slips, the landing page is next.")),
            (cpc.IsWorse, new(FixKind.Creative, cpc.IsWorse
                ? $"Test new hooks: a click costs {c.Money(cpc.Value)}, above {c.Against(MetricId.CpcDestination)}."
                : $"Check the cost of a click ({c.Money(cpc.Value)}, {c.Usual(MetricId.CpcDestination)}); if it climbs, test new hooks.")),
            (frequency.IsWorse, new(FixKind.Targeting,
                $"Look at audience overlap between ad groups and frequency ({MetricFormat.Format(c.Now.Frequency, MetricUnit.Ratio)}): merge overlapping ad groups.")),
        ];
        Fix[] fixes =
        [
            .. steps.Where(s => s.Worse).Select(s => s.Fix),
            .. steps.Where(s => !s.Worse).Select(s => s.Fix),
            new(FixKind.Bid, "Only then change the bid strategy, for example a cost cap at the target."),
        ];
        return new Finding(Id, Stage, severity, "Cost per conversion above target",
            $"Each conversion costs {c.Money(cpa)} against a target of {c.Money(target)}.",
            [
                c.Judged(MetricId.CostPerConversion),
                c.Judged(MetricId.Ctr),
                c.Judged(MetricId.CvrClicks),
                c.Judged(MetricId.CpcDestination),
                c.Metric(MetricId.Frequency, c.Benchmarks.FrequencyWarning, "fatigue point"),
            ],
            fixes) { Metric = MetricId.CostPerConversion };
    }

    /// <summary>
    /// In learning, cost per conversion is still settling: say where it stands and from when it can be judged,
    /// without calling it a problem (DOMAIN.md section 6). The day is the reply's learning day.
    /// </summary>
    private Finding TooEarly(DiagnosisContext c, decimal cpa, decimal target)
    {
        var judgement = c.CostJudgement;
        var when = (judgement.OldEnough, judgement.EnoughSpend) switch
        {
            (false, false) => $"from {judgement.JudgeFrom:yyyy-MM-dd} once {c.Money(judgement.SpendNeeded)} has been spent (so far {c.Money(judgement.SpendSinceStart)})",
            (false, true) => $"from {judgement.JudgeFrom:yyyy-MM-dd}",
            _ => $"once {c.Money(judgement.SpendNeeded)} has been spent (so far {c.Money(judgement.SpendSinceStart)})",
        };
        return new Finding(Id, Stage, Severity.Watch, "Too early to judge cost per conversion",
            $"On day {c.Learning.Day} each conversion costs {c.Money(cpa)} against a target of {c.Money(target)}, but during learning that is not yet a verdict: judge it {when}.",
            [
                c.Judged(MetricId.CostPerConversion),
                new("Cost since launch", judgement.SpendSinceStart, MetricUnit.Money, judgement.SpendNeeded, "enough spend to judge"),
            ],
            [new(FixKind.Investigate, $"Leave it to learn and judge cost per conversion {when}.")]) { Metric = MetricId.CostPerConversion };
    }
}
