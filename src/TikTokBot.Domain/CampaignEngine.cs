using TikTokBot.Domain.Benchmarks;
using TikTokBot.Domain.Campaigns;
using TikTokBot.Domain.Credit;
using TikTokBot.Domain.Diagnosis;
using TikTokBot.Domain.Learning;
using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Standings;
using TikTokBot.Domain.Summary;

namespace TikTokBot.Domain;

/// <summary>A campaign read once: the standings, and the summary and diagnosis that both read them, with the learning phase of the same day.</summary>
public sealed record CampaignRead(CampaignStandings Standings, CampaignSummary Summary, CampaignDiagnosis Diagnosis, LearningPhaseAssessment Learning);

/// <summary>
/// The rulebook with its configuration applied: one instance serves every request. It holds no state beyond
/// the options, and every method is a pure function of its arguments.
/// </summary>
public sealed class CampaignEngine(DiagnosisOptions options)
{
    private readonly BenchmarkTable _benchmarks = new(options.Benchmarks, options.Rules);

    public DiagnosisOptions Options { get; } = options;

    /// <summary>
    /// Everything a reply says about a campaign, as of <paramref name="today"/>: one standing per metric (against the account's
    /// own benchmark first when it has enough history and the settings prefer it), read by the summary and every rule alike.
    /// </summary>
    public CampaignRead Read(CampaignFacts facts, AccountBenchmark? account, DateOnly today)
    {
        var standings = Standings(facts, account);
        var learning = AssessLearning(facts, today);
        return new CampaignRead(standings, CampaignSummariser.Summarise(facts, standings),
            Diagnoser.Diagnose(facts, standings, Options, learning, today), learning);
    }

    public CampaignStandings Standings(CampaignFacts facts, AccountBenchmark? account = null) =>
        StandingJudge.For(facts, _benchmarks, Options, Options.PreferAccountBenchmarks ? account : null);

    public CampaignSummary Summarise(CampaignFacts facts, AccountBenchmark? account = null) =>
        CampaignSummariser.Summarise(facts, Standings(facts, account));

    /// <summary>The diagnosis as of the period's last day.</summary>
    public CampaignDiagnosis Diagnose(CampaignFacts facts) => Diagnose(facts, null);

    /// <summary>The diagnosis, judged against the account's own benchmarks first when it has enough history and the settings prefer them.</summary>
    public CampaignDiagnosis Diagnose(CampaignFacts facts, AccountBenchmark? account, DateOnly? today = null)
    {
        var asOf = today ?? facts.Period.End;
        return Diagnoser.Diagnose(facts, Standings(facts, account), Options, AssessLearning(facts, asOf), asOf);
    }

    /// <summary>"What should I fix?" for a campaign on <paramref name="today"/>, with the learning-phase guard applied.</summary>
    public FixPlan PlanFixes(CampaignFacts facts, DateOnly today, AccountBenchmark? account = null) =>
        FixPlan.From(Diagnose(facts, account, today), AssessLearning(facts, today));

    public LearningPhaseAssessment AssessLearning(CampaignFacts facts, DateOnly today) => LearningPhase.Assess(facts, today, Options.LearningPhase);

    public CreditWindowReport AssessCredit(CreditGrant grant, IReadOnlyList<DailyTotals> daily, DateOnly asOf, decimal? targetCpa) =>
        CreditWindow.Assess(grant, daily, asOf, targetCpa, Options.CreditWindow);
}
