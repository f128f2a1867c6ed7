using TikTokBot.Domain.Funnel;
using TikTokBot.Domain.Metrics;

namespace TikTokBot.Domain.Diagnosis.Rules;

/// <summary>Meaningful spend and no live conversion: the earliest sign that something is broken.</summary>
public sealed class NoLiveConversionsRule : IDiagnosisRule
{
    public string Id => "no-live-conversions";

    public FunnelStage Stage => FunnelStage.RealTime;

    public Finding? Evaluate(DiagnosisContext c)
    {
        if (!c.Profile.Converts || !c.HasMeaningfulSpend || c.Counts.RealTimeConversions > 0)
        {
            return null;
        }

        return new Finding(Id, Stage, Severity.Critical, "No live conversions",
            $"{c.Money(c.Counts.Spend)} spent and no conversion has come in live.",
            [new("Cost", c.Counts.Spend, MetricUnit.Money, c.MeaningfulSpend, "meaningful spend"), c.Metric(MetricId.RealTimeConversions)],
            [new(FixKind.Pause, "Pause and investigate now rather than waiting for tomorrow's report.")]) { Metric = MetricId.RealTimeConversions };
    }
}

/// <summary>Real-time CVR dropping in a new campaign or after a budget increase.</summary>
public sealed class RealTimeCvrFallingRule : IDiagnosisRule
{
    public string Id => "real-time-cvr-falling";

    public FunnelStage Stage => FunnelStage.RealTime;

    public Finding? Evaluate(DiagnosisContext c)
    {
        if (!c.Profile.Converts || !c.EnoughDestinationClicks || c.Facts.Daily.Count < 2)
        {
            return null;
        }

        var facts = c.Facts;
        var raised = facts.BudgetRaisedOn is { } day && day > facts.Period.Start && day <= facts.Period.End;
        var age = facts.Period.End.DayNumber - facts.Campaign.LaunchedOn.DayNumber + 1;
        if (!raised && age > c.Rules.NewCampaignDays)
        {
            return null;
        }

        var split = raised ? facts.BudgetRaisedOn!.Value : facts.Period.End.AddDays(1 - c.Rules.RecentDays);
        RawTotals.Accumulator earlier = default, recent = default;
        foreach (var daily in facts.Daily)
        {
            if (daily.Date < split)
            {
                earlier.Add(daily.Counts);
            }
            else
            {
                recent.Add(daily.Counts);
            }
        }

        var before = new ScopeTotals(earlier.Total).RealTimeCvr;
        var after = new ScopeTotals(recent.Total).RealTimeCvr;
        if (before is not { } b || after is not { } a || b == 0 || (b - a) / b * 100m < c.Rules.RealTimeCvrDropPercent)
        {
            return null;
        }

        var when = raised ? "since the budget was raised" : "in the campaign's first days";
        return new Finding(Id, Stage, Severity.Warning, "Real-time conversion rate is falling",
            $"Live conversion rate dropped {when}: the algorithm is finding less responsive people.",
            [
                new($"Real-time CVR from {split:yyyy-MM-dd}", a, MetricUnit.Percent, b, "before"),
            ],
            [
                new(FixKind.Pause, "Pause the affected ad group before more budget goes to the weaker audience."),
                new(FixKind.Creative, "Review the creative and swap in a stronger one before restarting."),
            ]) { Metric = MetricId.RealTimeCvr };
    }
}

/// <summary>Live cost per conversion below target after meaningful spend: a reason, backed by data, to scale.</summary>
public sealed class RealTimeCpaBelowTargetRule : IDiagnosisRule
{
    public string Id => "real-time-cpa-below-target";

    public FunnelStage Stage => FunnelStage.RealTime;

    public Finding? Evaluate(DiagnosisContext c)
    {
        if (c.TargetCpa is not { } target || !c.HasMeaningfulSpend || c.Now.RealTimeCostPerConversion is not { } cpa || cpa > target)
        {
            return null;
        }

        return new Finding(Id, Stage, Severity.Opportunity, "Room to scale",
            $"Live cost per conversion is {c.Money(cpa)}, within the {c.Money(target)} target after meaningful spend.",
            [c.Metric(MetricId.RealTimeCostPerConversion, target, "target"), new("Cost", c.Counts.Spend, MetricUnit.Money, c.MeaningfulSpend, "meaningful spend")],
            [new(FixKind.Budget, "Raise the budget in modest steps and keep watching live cost per conversion after each step.")]) { Metric = MetricId.RealTimeCostPerConversion };
    }
}

/// <summary>Live cost per conversion above target from the start and not coming down: do not scale.</summary>
public sealed class RealTimeCpaAboveTargetRule : IDiagnosisRule
{
    public string Id => "real-time-cpa-above-target";

    public FunnelStage Stage => FunnelStage.RealTime;

    public Finding? Evaluate(DiagnosisContext c)
    {
        // During learning the cost-per-conversion finding already says it is too early to judge.
        if (c.TargetCpa is not { } target || !c[MetricId.RealTimeCostPerConversion].IsWorse || !c.HasMeaningfulSpend || c.Facts.Daily.Count < 2 ||
            !c.CostJudgement.CanJudge)
        {
            return null;
        }

        var half = c.Facts.Daily.Count / 2;
        RawTotals.Accumulator first = default, last = default;
        for (var i = 0; i < c.Facts.Daily.Count; i++)
        {
            if (i < half)
            {
                first.Add(c.Facts.Daily[i].Counts);
            }
            else
            {
                last.Add(c.Facts.Daily[i].Counts);
            }
        }

        var early = new ScopeTotals(first.Total).RealTimeCostPerConversion;
        var late = new ScopeTotals(last.Total).RealTimeCostPerConversion;
        if (early is not { } e || late is not { } l || e <= target || l <= target || l < e)
        {
            return null;
        }

        return new Finding(Id, Stage, Severity.Warning, "Live cost per conversion above target and not improving",
            $"Live cost per conversion started above the {c.Money(target)} target and has not come down.",
            [
                new("Real-time cost per conversion, first half", e, MetricUnit.Money, target, "target"),
                new("Real-time cost per conversion, second half", l, MetricUnit.Money, target, "target"),
            ],
            [
                new(FixKind.Investigate, "Do not scale. Find the cause first, stage by stage from delivery down."),
            ]) { Metric = MetricId.RealTimeCostPerConversion };
    }
}
