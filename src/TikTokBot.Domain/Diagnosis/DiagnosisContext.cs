using TikTokBot.Domain.Benchmarks;
using TikTokBot.Domain.Campaigns;
using TikTokBot.Domain.Learning;
using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Objectives;

namespace TikTokBot.Domain.Diagnosis;

/// <summary>A figure a rule judges against, and which benchmark it is, as a finding names it.</summary>
/// <param name="FromAccount">True for the account's own benchmark, false for TikTok's published figure (or the project default).</param>
public sealed record Yardstick(decimal Value, string Label, bool FromAccount);

/// <summary>
/// What a rule reads: the facts, the thresholds, and a few figures several rules share. Each benchmark a rule judges by is
/// the account's own when it has enough history, else TikTok's.
/// </summary>
public sealed class DiagnosisContext
{
    private readonly AccountBenchmark? _account;

    /// <param name="account">The account's own benchmark for the campaign's objective, to judge against first; null to use TikTok's only.</param>
    public DiagnosisContext(CampaignFacts facts, BenchmarkTable benchmarks, RuleOptions rules, LearningPhaseOptions learning, AccountBenchmark? account = null)
    {
        Facts = facts;
        Benchmarks = benchmarks.Options;
        Rules = rules;
        Profile = facts.Profile;
        TargetCpa = Profile.Converts && Profile.CostPerOutcome == MetricId.CostPerConversion ? facts.Criteria?.TargetCostPerOutcome : null;
        MeaningfulSpend = TargetCpa is { } target ? target * rules.MeaningfulSpendTargetMultiple : rules.MeaningfulSpendWithoutTarget;
        _account = account is { EnoughHistory: true } ? account : null;
        var cvrClicks = Typical(MetricId.CvrClicks,
            BenchmarkTable.Percent(facts.Campaign.OptimisesForPurchase ? Benchmarks.CvrPurchasePercent : Benchmarks.CvrClicksPercent), "TikTok's benchmark");
        CvrClicksBenchmark = cvrClicks.Value;
        CvrClicksBenchmarkLabel = cvrClicks.Label;
        CtrAverage = Typical(MetricId.Ctr, BenchmarkTable.Percent(Benchmarks.CtrAveragePercent), "platform average");
        CvrImpressionsLow = Typical(MetricId.CvrImpressions, BenchmarkTable.Percent(Benchmarks.CvrImpressionsPercent), "benchmark");
        CpmHigh = WorseQuartile(MetricId.Cpm, Benchmarks.CpmHigh, "top of the CPM range");
        CpcHigh = WorseQuartile(MetricId.CpcDestination, Benchmarks.CpcDestinationHigh, "top of the CPC range");
        CpcWarning = WorseQuartile(MetricId.CpcDestination, Benchmarks.CpcDestinationWarning, "warning level");
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

    /// <summary>The clicks-based CVR benchmark that applies: the account's median, else TikTok's (purchases have their own, lower one).</summary>
    public decimal CvrClicksBenchmark { get; }

    /// <summary>Which benchmark <see cref="CvrClicksBenchmark"/> is, as a finding names it: the account's median or TikTok's figure.</summary>
    public string CvrClicksBenchmarkLabel { get; }

    /// <summary>The CTR a campaign should reach: the account's median, else TikTok's platform average.</summary>
    public Yardstick CtrAverage { get; }

    /// <summary>Below this impressions-based CVR few viewers become customers: the account's median, else the project default.</summary>
    public Yardstick CvrImpressionsLow { get; }

    /// <summary>Impressions priced above this are dear: the account's upper quartile, else the top of TikTok's range.</summary>
    public Yardstick CpmHigh { get; }

    /// <summary>Where a click's cost stops being ordinary: the account's upper quartile, else the top of TikTok's range.</summary>
    public Yardstick CpcHigh { get; }

    /// <summary>Clicks dearer than this are expensive: the account's upper quartile, else TikTok's warning level.</summary>
    public Yardstick CpcWarning { get; }

    /// <summary>
    /// TikTok's figure is an average: the account's counterpart is its median. Only with enough history and a value for the
    /// metric in enough campaigns (<see cref="AccountBenchmark.For"/> is null otherwise); never on fewer.
    /// </summary>
    private Yardstick Typical(MetricId metric, decimal tiktok, string tiktokLabel) =>
        _account?.For(metric) is { } own
            ? new Yardstick(own.Median, $"your account's median ({own.Campaigns} campaigns)", FromAccount: true)
            : new Yardstick(tiktok, tiktokLabel, FromAccount: false);

    /// <summary>
    /// TikTok's figure is the worse edge of a range or a warning level: the account's counterpart is the quartile on the worse
    /// side (for a cost, the upper one), where its worst quarter of campaigns begins.
    /// </summary>
    private Yardstick WorseQuartile(MetricId metric, decimal tiktok, string tiktokLabel)
    {
        if (_account?.For(metric) is not { } own)
            return new Yardstick(tiktok, tiktokLabel, FromAccount: false);
        var upper = MetricCatalogue.Get(metric).Better == BetterDirection.Lower;
        return new Yardstick(upper ? own.UpperQuartile : own.LowerQuartile,
            $"your account's {(upper ? "upper" : "lower")} quartile ({own.Campaigns} campaigns)", FromAccount: true);
    }

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
