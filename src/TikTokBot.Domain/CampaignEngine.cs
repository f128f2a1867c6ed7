using TikTokBot.Domain.Benchmarks;
using TikTokBot.Domain.Campaigns;
using TikTokBot.Domain.Credit;
using TikTokBot.Domain.Diagnosis;
using TikTokBot.Domain.Learning;
using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Summary;

namespace TikTokBot.Domain;

/// <summary>
/// The rulebook with its configuration applied: one instance serves every request. It holds no state beyond
/// the options, and every method is a pure function of its arguments.
/// </summary>
public sealed class CampaignEngine(DiagnosisOptions options)
{
    private readonly BenchmarkTable _benchmarks = new(options.Benchmarks);

    public DiagnosisOptions Options { get; } = options;

    public CampaignSummary Summarise(CampaignFacts facts) => CampaignSummariser.Summarise(facts, _benchmarks, Options.Trends);

    public CampaignDiagnosis Diagnose(CampaignFacts facts) => Diagnoser.Diagnose(facts, _benchmarks, Options.Rules, Options.LearningPhase);

    /// <summary>The diagnosis, judged against the account's own benchmarks first when it has enough history and the settings prefer them.</summary>
    public CampaignDiagnosis Diagnose(CampaignFacts facts, AccountBenchmark? account) =>
        Diagnoser.Diagnose(facts, _benchmarks, Options.Rules, Options.LearningPhase, Options.PreferAccountBenchmarks ? account : null);

    /// <summary>"What should I fix?" for a campaign on <paramref name="today"/>, with the learning-phase guard applied.</summary>
    public FixPlan PlanFixes(CampaignFacts facts, DateOnly today) => FixPlan.From(Diagnose(facts), AssessLearning(facts, today));

    public LearningPhaseAssessment AssessLearning(CampaignFacts facts, DateOnly today)
    {
        var since = facts.Campaign.LaunchedOn;
        long conversions = 0;
        decimal spend = 0;
        var recent = DateRange.Ending(facts.Period.End, Options.LearningPhase.EvaluateAfterDays);
        long recentConversions = 0;
        var recentDays = 0;
        foreach (var day in facts.Daily)
        {
            if (day.Date >= since)
            {
                conversions += day.Counts.Conversions;
                spend += day.Counts.Spend;
            }

            if (recent.Contains(day.Date))
            {
                recentConversions += day.Counts.Conversions;
                recentDays++;
            }
        }

        var average = recentDays > 0 ? (decimal)recentConversions / recentDays : 0m;
        return LearningPhase.Assess(
            since, today, facts.LifetimeConversions ?? conversions, facts.LifetimeSpend ?? spend, facts.Campaign.Automated, average, Options.LearningPhase);
    }

    public CreditWindowReport AssessCredit(CreditGrant grant, IReadOnlyList<DailyTotals> daily, DateOnly asOf, decimal? targetCpa) =>
        CreditWindow.Assess(grant, daily, asOf, targetCpa, Options.CreditWindow);
}
