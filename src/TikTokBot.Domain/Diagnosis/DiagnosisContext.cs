using TikTokBot.Domain.Benchmarks;
using TikTokBot.Domain.Campaigns;
using TikTokBot.Domain.Learning;
using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Objectives;
using TikTokBot.Domain.Standings;

namespace TikTokBot.Domain.Diagnosis;

/// <summary>
/// What a rule reads: the facts, the thresholds, and each metric's standing (DOMAIN.md section 8), worked out once for the
/// summary and every rule alike. No rule picks its own yardstick: it asks whether a metric's verdict is worse.
/// </summary>
public sealed class DiagnosisContext
{
    public DiagnosisContext(CampaignFacts facts, CampaignStandings standings, DiagnosisOptions options, LearningPhaseAssessment learning, DateOnly asOf)
    {
        Facts = facts;
        Standings = standings;
        Benchmarks = options.Benchmarks;
        Rules = options.Rules;
        Profile = facts.Profile;
        Learning = learning;
        UnitsPerUsDollar = StandingJudge.UnitsPerUsDollar(options, facts.Campaign.Currency);
        TargetCpa = Profile.Converts ? standings[MetricId.CostPerConversion].Target : null;
        MeaningfulSpend = TargetCpa is { } target ? target * Rules.MeaningfulSpendTargetMultiple : Rules.MeaningfulSpendWithoutTarget * UnitsPerUsDollar;
        CostJudgement = CostJudgement.For(facts.Campaign.LaunchedOn, asOf, SpendSinceLaunch(facts), options.LearningPhase) with
        {
            SpendNeeded = options.LearningPhase.MinimumSpendToEvaluate * UnitsPerUsDollar,
        };
    }

    public CampaignFacts Facts { get; }

    /// <summary>Every metric's standing: the one verdict the summary shows and the rules read.</summary>
    public CampaignStandings Standings { get; }

    public MetricStanding this[MetricId metric] => Standings[metric];

    public ScopeTotals Now => Facts.Current;

    public RawTotals Counts => Facts.Current.Counts;

    public ScopeTotals? Before => Facts.Previous;

    public ObjectiveProfile Profile { get; }

    public BenchmarkOptions Benchmarks { get; }

    public RuleOptions Rules { get; }

    /// <summary>The learning phase as of the reply's day: the day count every line of a reply uses.</summary>
    public LearningPhaseAssessment Learning { get; }

    /// <summary>Units of the campaign's currency per US dollar, for thresholds quoted in dollars.</summary>
    public decimal UnitsPerUsDollar { get; }

    /// <summary>The team's target cost per conversion, only when the target is set on that metric (a CPC target is not one).</summary>
    public decimal? TargetCpa { get; }

    public decimal MeaningfulSpend { get; }

    public bool HasMeaningfulSpend => Counts.Spend >= MeaningfulSpend;

    /// <summary>Whether cost per result can be judged at the period's end, or is still too early in learning.</summary>
    public CostJudgement CostJudgement { get; }

    public bool EnoughImpressions => Counts.Impressions >= Rules.MinimumImpressions;

    public bool EnoughDestinationClicks => Counts.DestinationClicks >= Rules.MinimumDestinationClicks;

    public string Currency => Facts.Campaign.Currency;

    public string Money(decimal? amount) => MetricFormat.Format(amount, MetricUnit.Money, Currency);

    /// <summary>The share of the budget of its enabled days the campaign spent; null without a daily budget or an enabled day.</summary>
    public decimal? BudgetSpentShare
    {
        get
        {
            var days = Facts.Campaign.EnabledDays(Facts.Period);
            return Facts.Campaign.DailyBudget is { } daily && daily > 0 && days > 0 ? Counts.Spend / (daily * days) : null;
        }
    }

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

    /// <summary>A metric as evidence, held against the yardstick its standing was decided by: the one the summary shows.</summary>
    public Evidence Judged(MetricId metric)
    {
        var standing = Standings[metric];
        return standing.DecidedBy == Basis.None || standing.YardstickValue is null
            ? Metric(metric)
            : Metric(metric, standing.YardstickValue, standing.YardstickLabel);
    }

    public Evidence Metric(MetricId metric, decimal? reference = null, string? referenceLabel = null) =>
        new(MetricCatalogue.Get(metric).DisplayName, Now.Value(metric), MetricCatalogue.Get(metric).Unit, reference, referenceLabel);

    public Evidence PreviousMetric(MetricId metric) =>
        new($"{MetricCatalogue.Get(metric).DisplayName}, previous period", Before?.Value(metric), MetricCatalogue.Get(metric).Unit);

    /// <summary>A metric that does not stand worse, in words: "typical for your account", "within TikTok's benchmark", "within the target".</summary>
    public string Usual(MetricId metric) => Standings[metric] switch
    {
        { DecidedBy: Basis.Target } => "within the target",
        { DecidedBy: Basis.Account, Verdict: Verdict.Better } => "better than most of your account",
        { DecidedBy: Basis.Account } => "typical for your account",
        { DecidedBy: Basis.TikTok } => "within TikTok's benchmark",
        _ => "not judged",
    };

    /// <summary>"your account's bottom quarter (6 campaigns)", "TikTok's 0.61% benchmark": the yardstick in words, for a cause.</summary>
    public string Against(MetricId metric)
    {
        var s = Standings[metric];
        var figure = MetricFormat.Format(s.YardstickValue, s.Definition.Unit, Currency);
        return s.DecidedBy switch
        {
            Basis.Target => $"the target of {figure}",
            Basis.Account when s.AccountPosition is AccountStanding.BottomQuarter =>
                $"your account's {(s.Definition.Better == BetterDirection.Lower ? "upper" : "lower")} quartile of {figure} ({s.Account!.Campaigns} campaigns)",
            Basis.Account => $"your account's median of {figure} ({s.Account!.Campaigns} campaigns)",
            Basis.TikTok when s.BeyondFloor => $"{s.FloorName} of {figure}" + (s.Note is { } note ? $", {note}" : ""),
            Basis.TikTok => $"TikTok's {figure} benchmark",
            Basis.Trend => s.Note ?? "the previous period",
            _ => "its benchmark",
        };
    }
}

/// <summary>One diagnosis rule of DOMAIN.md section 5: a stage, a stable id, and a check that may produce a finding.</summary>
public interface IDiagnosisRule
{
    string Id { get; }

    Funnel.FunnelStage Stage { get; }

    Finding? Evaluate(DiagnosisContext context);
}
