using TikTokBot.Domain.Funnel;
using TikTokBot.Domain.Metrics;

namespace TikTokBot.Domain.Diagnosis.Rules;

/// <summary>Destination clicks cost more than the warning level and the landing page does not make up for it.</summary>
public sealed class ExpensiveClicksRule : IDiagnosisRule
{
    public string Id => "expensive-clicks";

    public FunnelStage Stage => FunnelStage.Cost;

    public Finding? Evaluate(DiagnosisContext c)
    {
        var warning = c.CpcWarning;
        if (!c.Profile.WantsDestinationClicks || c.Now.CpcDestination is not { } cpc || cpc <= warning.Value)
        {
            return null;
        }

        var strongCvr = c.Profile.Converts && c.Now.CvrClicks >= c.CvrClicksBenchmark;
        if (strongCvr)
        {
            return null;
        }

        List<Evidence> evidence = [c.Metric(MetricId.CpcDestination, warning.Value, warning.Label)];
        if (c.Profile.Converts)
        {
            evidence.Add(c.Metric(MetricId.CvrClicks, c.CvrClicksBenchmark, c.CvrClicksBenchmarkLabel));
        }

        return new Finding(Id, Stage, Severity.Warning, "Clicks are expensive",
            $"Each destination click costs more than {(warning.FromAccount ? warning.Label : "the " + warning.Label)}, and the conversion rate is not strong enough to pay for it.",
            evidence,
            [
                new(FixKind.Creative, "Test a new hook to lift click-through, which lowers the cost of each click."),
                new(FixKind.Targeting, "Or tighten the audience to the people most likely to click, before adding spend."),
            ]);
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
            ]);
    }
}

/// <summary>Cost per conversion above the team's target: work back through the funnel, bid last.</summary>
public sealed class CpaAboveTargetRule : IDiagnosisRule
{
    public string Id => "cpa-above-target";

    public FunnelStage Stage => FunnelStage.Cost;

    public Finding? Evaluate(DiagnosisContext c)
    {
        if (c.TargetCpa is not { } target || c.Now.CostPerConversion is not { } cpa || cpa <= target)
        {
            return null;
        }

        if (!c.CostJudgement.CanJudge)
        {
            return TooEarly(c, cpa, target);
        }

        var severity = cpa >= target * c.Rules.CriticalCpaMultiple ? Severity.Critical : Severity.Warning;
        var cvr = c.Now.CvrClicks;
        var cpc = c.Now.CpcDestination;
        return new Finding(Id, Stage, severity, "Cost per conversion above target",
            $"Each conversion costs {c.Money(cpa)} against a target of {c.Money(target)}.",
            [
                c.Metric(MetricId.CostPerConversion, target, "target"),
                c.Metric(MetricId.Ctr, c.CtrAverage.Value, c.CtrAverage.Label),
                c.Metric(MetricId.CvrClicks, c.CvrClicksBenchmark, c.CvrClicksBenchmarkLabel),
                c.Metric(MetricId.CpcDestination, c.CpcHigh.Value, c.CpcHigh.Label),
                c.Metric(MetricId.Frequency, c.Benchmarks.FrequencyWarning, "fatigue point"),
            ],
            [
                new(FixKind.LandingPage,
                    $"Start with the conversion rate after the click ({MetricFormat.Format(cvr, MetricUnit.Percent)}, {c.CvrClicksBenchmarkLabel} {MetricFormat.Percent(c.CvrClicksBenchmark)}): if it is low, fix the landing page."),
                new(FixKind.Creative,
                    $"Then the cost of a click ({c.Money(cpc)}, {(c.CpcHigh.FromAccount ? c.CpcHigh.Label : "range up to")} {c.Money(c.CpcHigh.Value)}): if it is high, test new hooks."),
                new(FixKind.Targeting,
                    $"Then audience overlap between ad groups and frequency ({MetricFormat.Format(c.Now.Frequency, MetricUnit.Ratio)}): merge overlapping ad groups."),
                new(FixKind.Bid, "Only then change the bid strategy, for example a cost cap at the target."),
            ]);
    }

    /// <summary>
    /// In learning, cost per conversion is still settling: say where it stands and from when it can be judged,
    /// without calling it a problem (DOMAIN.md section 6).
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
            $"On day {judgement.Day} each conversion costs {c.Money(cpa)} against a target of {c.Money(target)}, but during learning that is not yet a verdict: judge it {when}.",
            [
                c.Metric(MetricId.CostPerConversion, target, "target"),
                new("Cost since launch", judgement.SpendSinceStart, MetricUnit.Money, judgement.SpendNeeded, "enough spend to judge"),
            ],
            [new(FixKind.Investigate, $"Leave it to learn and judge cost per conversion {when}.")]);
    }
}
