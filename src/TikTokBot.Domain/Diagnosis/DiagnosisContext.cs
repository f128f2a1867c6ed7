using TikTokBot.Domain.Benchmarks;
using TikTokBot.Domain.Campaigns;
using TikTokBot.Domain.Learning;
using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Objectives;

namespace TikTokBot.Domain.Diagnosis;

/// <summary>What a rule reads: the facts, the thresholds, and a few figures several rules share.</summary>
public sealed class DiagnosisContext
{
    /// <param name="account">The account's own benchmark for the campaign's objective, to judge against first; null to use TikTok's only.</param>
    public DiagnosisContext(CampaignFacts facts, BenchmarkTable benchmarks, RuleOptions rules, LearningPhaseOptions learning, AccountBenchmark? account = null)
    {
        Facts = facts;
        Benchmarks = benchmarks.Options;
        Rules = rules;
        Profile = facts.Profile;
        TargetCpa = Profile.Converts && Profile.CostPerOutcome == MetricId.CostPerConversion ? facts.Criteria?.TargetCostPerOutcome : null;
        MeaningfulSpend = TargetCpa is { } target ? target * rules.MeaningfulSpendTargetMultiple : rules.MeaningfulSpendWithoutTarget;
        // The account's median when it has enough campaigns with a conversion rate; never on fewer (For is null then).
        if (account is { EnoughHistory: true } && account.For(MetricId.CvrClicks) is { } own)
        {
            CvrClicksBenchmark = own.Median;
            CvrClicksBenchmarkLabel = $"your account's median ({own.Campaigns} campaigns)";
        }
        else
        {
            CvrClicksBenchmark = BenchmarkTable.Percent(facts.Campaign.OptimisesForPurchase ? Benchmarks.CvrPurchasePercent : Benchmarks.CvrClicksPercent);
            CvrClicksBenchmarkLabel = "TikTok's benchmark";
        }

        CostJudgement = CostJudgement.For(facts.Campaign.LaunchedOn, facts.Period.End, SpendSinceLaunch(facts), learning);
    }

    public CampaignFacts Facts { get; }

    public ScopeTotals Now => Facts.Current;

    public RawTotals Counts => Facts.Current.Counts;

    public ScopeTotals? Before => Facts.Previous;

    public ObjectiveProfile Profile { get; }

    public BenchmarkOptions Benchmarks { get; }

    public RuleOptions Rules { get; }

    /// <summary>The team's target cost per conversion, for objectives that convert.</summary>
    public decimal? TargetCpa { get; }

    public decimal MeaningfulSpend { get; }

    public bool HasMeaningfulSpend => Counts.Spend >= MeaningfulSpend;

    /// <summary>The clicks-based CVR benchmark that applies: purchases have their own, lower one.</summary>
    public decimal CvrClicksBenchmark { get; }

    /// <summary>Which benchmark <see cref="CvrClicksBenchmark"/> is, as a finding names it: the account's median or TikTok's figure.</summary>
    public string CvrClicksBenchmarkLabel { get; }

    /// <summary>Whether cost per result can be judged at the period's end, or is still too early in learning.</summary>
    public CostJudgement CostJudgement { get; }

    public bool EnoughImpressions => Counts.Impressions >= Rules.MinimumImpressions;

    public bool EnoughDestinationClicks => Counts.DestinationClicks >= Rules.MinimumDestinationClicks;

    public string Currency => Facts.Campaign.Currency;

    public string Money(decimal? amount) => MetricFormat.Format(amount, MetricUnit.Money, Currency);

    /// <summary>True when <paramref name="now"/> is below <paramref name="before"/> by at least the configured decline.</summary>
    public bool Fell(decimal? now, decimal? before) =>
        now is { } n && before is { } b && b > 0 && (b - n) / b * 100m >= Rules.DeclinePercent;

    /// <summary>True when <paramref name="now"/> is above <paramref name="before"/> by at least the configured decline.</summary>
    public bool Rose(decimal? now, decimal? before) =>
        now is { } n && before is { } b && b > 0 && (n - b) / b * 100m >= Rules.DeclinePercent;

    /// <summary>
    /// Spend since launch: the source's lifetime figure, else the period's days since launch, else (no days) the
    /// period's total, which is all that is known.
    /// </summary>
    private static decimal SpendSinceLaunch(CampaignFacts facts)
    {
        if (facts.LifetimeSpend is { } lifetime)
            return lifetime;
        if (facts.Daily.Count == 0)
            return facts.Current.Counts.Spend;
        var spend = 0m;
        foreach (var day in facts.Daily)
        {
            if (day.Date >= facts.Campaign.LaunchedOn)
                spend += day.Counts.Spend;
        }

        return spend;
    }

    public Evidence Metric(MetricId metric, decimal? reference = null, string? referenceLabel = null) =>
        new(MetricCatalogue.Get(metric).DisplayName, Now.Value(metric), MetricCatalogue.Get(metric).Unit, reference, referenceLabel);

    public Evidence PreviousMetric(MetricId metric) =>
        new($"{MetricCatalogue.Get(metric).DisplayName}, previous period", Before?.Value(metric), MetricCatalogue.Get(metric).Unit);
}

/// <summary>One diagnosis rule of DOMAIN.md section 5: a stage, a stable id, and a check that may produce a finding.</summary>
public interface IDiagnosisRule
{
    string Id { get; }

    Funnel.FunnelStage Stage { get; }

    Finding? Evaluate(DiagnosisContext context);
}
