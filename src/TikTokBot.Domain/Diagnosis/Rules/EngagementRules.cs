using TikTokBot.Domain.Benchmarks;
using TikTokBot.Domain.Funnel;
using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Standings;

namespace TikTokBot.Domain.Diagnosis.Rules;

/// <summary>People interact with the ad but few go on to the destination.</summary>
public sealed class CallToActionRule : IDiagnosisRule
{
    public string Id => "call-to-action";

    public FunnelStage Stage => FunnelStage.Engagement;

    public Finding? Evaluate(DiagnosisContext c)
    {
        if (!c.Profile.WantsDestinationClicks || !c[MetricId.DestinationShareOfClicks].IsWorse)
        {
            return null;
        }

        // Only when people do interact: the rate of all clicks has no standing of its own, TikTok's average CTR is its bar.
        var allClickRate = ScopeTotals.Ratio(c.Counts.AllClicks, c.Counts.Impressions);
        if (allClickRate < BenchmarkTable.Percent(c.Benchmarks.CtrAveragePercent))
        {
            return null;
        }

        return new Finding(Id, Stage, Severity.Warning, "Interest, but few clicks through",
            $"The ad earns likes, comments and profile taps, but fewer of them go on to the destination than {c.Against(MetricId.DestinationShareOfClicks)}: the call to action does not move people.",
            [c.Judged(MetricId.DestinationShareOfClicks), c.Metric(MetricId.AllClicks), c.Metric(MetricId.DestinationClicks)],
            [
                new(FixKind.CallToAction, "Make the call to action explicit: say it in the video and on the button, and give a reason to tap now."),
                new(FixKind.LandingPage, "Open the destination URL on a phone and check it loads quickly and is the one the ad promises."),
            ]) { Metric = MetricId.DestinationShareOfClicks };
    }
}

/// <summary>Too few people who see the ad click it: the opening seconds do not hold them. Reads CTR's standing only.</summary>
public sealed class WeakHookRule : IDiagnosisRule
{
    public string Id => "weak-hook";

    public FunnelStage Stage => FunnelStage.Engagement;

    public Finding? Evaluate(DiagnosisContext c)
    {
        var ctr = c[MetricId.Ctr];
        if (!c.Profile.WantsDestinationClicks)
        {
            return null;
        }

        Fix[] fixes =
        [
            new(FixKind.Creative, "Re-cut the opening: show the product or the payoff in the first two seconds, with motion and on-screen text."),
            new(FixKind.Creative, "Test two or three new hooks against the current one in the same ad group."),
        ];
        if (ctr.IsWorse)
        {
            return new Finding(Id, Stage, ctr.BeyondFloor ? Severity.Critical : Severity.Warning, "Weak hook",
                $"The click-through rate is below {c.Against(MetricId.Ctr)}: the first two seconds of the video are not stopping the scroll.",
                [c.Judged(MetricId.Ctr)], fixes) { Metric = MetricId.Ctr };
        }

        // Where TikTok's line and the account disagree, a watch note at most (DOMAIN.md section 8, item 4).
        if (ctr.Note is { } note && ctr.DecidedBy == Basis.Account)
        {
            return new Finding(Id, Stage, Severity.Watch, "Click-through rate to watch",
                $"The click-through rate is {note}; not a problem by the account's own standard.",
                [c.Judged(MetricId.Ctr), c.Metric(MetricId.Ctr, StandingJudge.WorseEdge(ctr), "TikTok's benchmark")], [fixes[1]]) { Metric = MetricId.Ctr };
        }

        return null;
    }
}

/// <summary>
/// Video-first campaigns (video views, awareness, community engagement) are judged by retention: completion, 6-second views
/// and watch time in the account's bottom quarter, or sharply down on the previous period (DOMAIN.md section 9).
/// </summary>
public sealed class ViewersLeaveEarlyRule : IDiagnosisRule
{
    private static readonly MetricId[] Retention = [MetricId.SixSecondViewRate, MetricId.VideoCompletionRate, MetricId.AverageWatchTime];

    public string Id => "viewers-leave-early";

    public FunnelStage Stage => FunnelStage.Engagement;

    public Finding? Evaluate(DiagnosisContext c)
    {
        if (!c.Profile.IsVideoFirst)
        {
            return null;
        }

        var worse = Retention.Where(m => c[m].IsWorse).ToArray();
        if (worse.Length == 0)
        {
            return null;
        }

        var first = worse[0];
        return new Finding(Id, Stage, Severity.Warning, "Viewers leave early",
            $"The {MetricCatalogue.Get(first).DisplayName.ToLowerInvariant()} is below {c.Against(first)}: people scroll away before the video pays off.",
            [.. worse.Select(c.Judged), c.Metric(MetricId.VideoViews)],
            [
                new(FixKind.Creative, "Fix the first three seconds: open on the most striking shot, with motion and a line of on-screen text."),
                new(FixKind.Creative, "Then the length and the payoff: cut to the shortest version and bring the reveal or offer forward."),
            ]) { Metric = first };
    }
}
