using TikTokBot.Domain.Funnel;
using TikTokBot.Domain.Metrics;

namespace TikTokBot.Domain.Diagnosis.Rules;

/// <summary>Fewer impressions than the budget should buy, or impressions priced above the CPM range.</summary>
public sealed class LowDeliveryRule : IDiagnosisRule
{
    public string Id => "low-delivery";

    public FunnelStage Stage => FunnelStage.Delivery;

    public Finding? Evaluate(DiagnosisContext c)
    {
        // A paused or deleted campaign is not delivering by choice: there is nothing to raise or broaden.
        if (!c.Facts.Campaign.Enabled)
        {
            return null;
        }

        var cpm = c.Now.Cpm;
        // The account's upper-quartile CPM when it has the history, else the top of TikTok's range: for what impressions
        // cost too much, and for how many the budget should buy.
        var high = c.CpmHigh;
        var overpriced = cpm > high.Value && c.EnoughImpressions;
        // Only the days the campaign was live and enabled in the period had a budget to spend.
        var liveDays = c.Facts.Campaign.EnabledDays(c.Facts.Period);
        decimal? expected = c.Facts.Campaign.DailyBudget is { } daily && daily > 0 && high.Value > 0 && liveDays > 0
            ? decimal.Floor(daily * liveDays / high.Value * 1000m)
            : null;
        var shortfall = expected is { } e && c.Counts.Impressions < e * c.Rules.LowDeliveryExpectedSharePercent / 100m;
        if (!overpriced && !shortfall)
        {
            return null;
        }

        var evidence = new List<Evidence>
        {
            c.Metric(MetricId.Impressions, expected, high.FromAccount ? $"what the budget buys at {high.Label}" : "what the budget buys at the top of the CPM range"),
            c.Metric(MetricId.Cpm, high.Value, high.Label),
        };
        return new Finding(Id, Stage, Severity.Warning, "Delivery is low",
            "The bid is probably too conservative or the audience too narrow, so the auction is not spending the budget.",
            evidence,
            [
                new(FixKind.Targeting, "Broaden the targeting: add interests or age bands, or switch to automatic targeting."),
                new(FixKind.Budget, "Or raise the daily budget or bid cap, before changing the creative."),
            ]);
    }
}

/// <summary>High frequency while results fall: the same people are tiring of the same creative.</summary>
public sealed class CreativeFatigueRule : IDiagnosisRule
{
    public string Id => "creative-fatigue";

    public FunnelStage Stage => FunnelStage.Delivery;

    public Finding? Evaluate(DiagnosisContext c)
    {
        if (c.Now.Frequency is not { } frequency || frequency <= c.Benchmarks.FrequencyWarning || !ResultsFell(c))
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
            ]);
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
        if (c.Now.Frequency is not { } frequency || frequency <= c.Benchmarks.FrequencyWarning || CreativeFatigueRule.ResultsFell(c))
        {
            return null;
        }

        return new Finding(Id, Stage, Severity.Watch, "The same people keep seeing the ad",
            "Impressions are running well ahead of reach; results have not dropped yet, but fatigue usually follows.",
            [c.Metric(MetricId.Frequency, c.Benchmarks.FrequencyWarning, "fatigue point"), c.Metric(MetricId.Impressions), c.Metric(MetricId.Reach)],
            [new(FixKind.Investigate, "Watch CTR and conversions day by day, and have a fresh creative ready.")]);
    }
}
