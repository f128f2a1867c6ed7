using TikTokBot.Domain.Benchmarks;
using TikTokBot.Domain.Funnel;
using TikTokBot.Domain.Metrics;

namespace TikTokBot.Domain.Diagnosis.Rules;

/// <summary>People interact with the ad but few go on to the destination.</summary>
public sealed class CallToActionRule : IDiagnosisRule
{
    public string Id => "call-to-action";

    public FunnelStage Stage => FunnelStage.Engagement;

    public Finding? Evaluate(DiagnosisContext c)
    {
        if (!c.Profile.WantsDestinationClicks || !c.EnoughImpressions)
        {
            return null;
        }

        // The rate of all clicks has no account benchmark (the history keeps destination CTR): TikTok's average stays the bar.
        var allClickRate = ScopeTotals.Ratio(c.Counts.AllClicks, c.Counts.Impressions);
        var healthy = allClickRate >= BenchmarkTable.Percent(c.Benchmarks.CtrAveragePercent);
        var minimumShare = c.Rules.MinimumDestinationSharePercent / 100m;
        if (!healthy || c.Now.DestinationShareOfClicks is not { } share || share >= minimumShare)
        {
            return null;
        }

        return new Finding(Id, Stage, Severity.Warning, "Interest, but few clicks through",
            "The ad earns likes, comments and profile taps, but the call to action does not move people on to the destination.",
            [
                c.Metric(MetricId.DestinationShareOfClicks, minimumShare, "minimum share"),
                c.Metric(MetricId.AllClicks),
                c.Metric(MetricId.DestinationClicks),
            ],
            [
                new(FixKind.CallToAction, "Make the call to action explicit: say it in the video and on the button, and give a reason to tap now."),
                new(FixKind.LandingPage, "Open the destination URL on a phone and check it loads quickly and is the one the ad promises."),
            ]);
    }
}

/// <summary>Too few people who see the ad click it: the opening seconds do not hold them.</summary>
public sealed class WeakHookRule : IDiagnosisRule
{
    public string Id => "weak-hook";

    public FunnelStage Stage => FunnelStage.Engagement;

    public Finding? Evaluate(DiagnosisContext c)
    {
        if (!c.Profile.WantsDestinationClicks || !c.EnoughImpressions || c.Now.Ctr is not { } ctr)
        {
            return null;
        }

        // Below the account's median CTR (or TikTok's platform average) it is weak; below TikTok's review floor, whatever the
        // account usually gets, it is severe.
        var average = c.CtrAverage;
        var review = BenchmarkTable.Percent(c.Benchmarks.CtrReviewPercent);
        if (ctr >= average.Value)
        {
            return null;
        }

        var severe = ctr < review;
        return new Finding(Id, Stage, severe ? Severity.Critical : Severity.Warning, "Weak hook",
            $"The click-through rate is below {(average.FromAccount ? average.Label : "the " + average.Label)}: the first two seconds of the video are not stopping the scroll.",
            [c.Metric(MetricId.Ctr, severe ? review : average.Value, severe ? "needs review below" : average.Label)],
            [
                new(FixKind.Creative, "Re-cut the opening: show the product or the payoff in the first two seconds, with motion and on-screen text."),
                new(FixKind.Creative, "Test two or three new hooks against the current one in the same ad group."),
            ]);
    }
}
