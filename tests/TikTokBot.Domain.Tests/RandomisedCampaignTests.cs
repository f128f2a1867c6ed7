using TikTokBot.Domain.Campaigns;
using TikTokBot.Domain.Diagnosis;
using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Objectives;

namespace TikTokBot.Domain.Tests;

/// <summary>Thousands of generated campaigns, zeros and extremes included: nothing throws and findings stay in funnel order.</summary>
public sealed class RandomisedCampaignTests
{
    private static readonly string[] ConversionRules =
    [
        "spend-without-results", "cpa-above-target", "landing-page", "top-of-funnel", "losing-efficiency", "tracking-check",
        "no-live-conversions", "real-time-cvr-falling", "real-time-cpa-below-target", "real-time-cpa-above-target",
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Generated_campaigns_never_throw_and_keep_findings_in_stage_order(int seed)
    {
        var random = new Random(seed);
        for (var n = 0; n < 1_000; n++)
        {
            var facts = Generate(random);

            var summary = Scenario.Engine.Summarise(facts);
            var diagnosis = Scenario.Engine.Diagnose(facts);
            var plan = Scenario.Engine.PlanFixes(facts, facts.Period.End.AddDays(random.Next(-3, 3)));

            var stages = diagnosis.Findings.Select(f => f.Stage).ToArray();
            Assert.Equal(stages.Order(), stages);
            Assert.Equal(summary.Stages.Select(s => s.Stage).Order(), summary.Stages.Select(s => s.Stage));
            if (diagnosis.EarliestProblemStage is { } earliest)
            {
                Assert.All(diagnosis.Findings, f => Assert.Equal(f.Stage > earliest && f.Severity != Severity.Opportunity ? earliest : null, f.PossiblyCausedBy));
            }

            if (!facts.Profile.Converts)
            {
                Assert.Empty(diagnosis.Findings.Select(f => f.RuleId).Intersect(ConversionRules));
            }

            Assert.All(plan.Fixes, f => Assert.False(string.IsNullOrWhiteSpace(f.Fix.Action)));
            Assert.True(plan.FirstAction is null || plan.FirstAction.Because.IsProblem);
            foreach (var reading in summary.Stages.SelectMany(s => s.Readings))
            {
                // Every input is a non-negative count, so every figure is non-negative or "no data".
                Assert.True(reading.Value is null or >= 0m, $"{reading.Metric.Id} = {reading.Value}");
            }
        }
    }

    private static CampaignFacts Generate(Random random)
    {
        var objective = random.GetItems(Enum.GetValues<Objective>(), 1)[0];
        var days = random.Next(1, 31);
        var period = DateRange.Ending(new DateOnly(2026, 11, 20), days);
        var daily = Enumerable.Range(0, days).Select(i => new DailyTotals(period.Start.AddDays(i), Counts(random), Maybe(random, 0, 50_000))).ToArray();
        var current = RawTotals.Sum(daily.Select(d => d.Counts));
        return new CampaignFacts
        {
            Campaign = new Campaign("c" + random.Next(), "generated", objective, period.Start.AddDays(random.Next(-60, 5)),
                Automated: random.Next(2) == 0, DailyBudget: random.Next(3) == 0 ? random.Next(0, 2_000) : null,
                OptimisesForPurchase: random.Next(4) == 0),
            Period = period,
            Current = new ScopeTotals(current, Maybe(random, 0, 400_000)),
            Previous = random.Next(4) == 0 ? null : new ScopeTotals(Counts(random, scale: days), Maybe(random, 0, 400_000)),
            Daily = daily,
            Criteria = random.Next(3) == 0 ? null : new SuccessCriteria(random.Next(1, 200), random.Next(1, 500)),
            LifetimeConversions = random.Next(3) == 0 ? null : random.Next(0, 5_000),
            BudgetRaisedOn = random.Next(5) == 0 ? period.Start.AddDays(random.Next(0, days)) : null,
        };
    }

    private static RawTotals Counts(Random random, int scale = 1)
    {
        long Count(int max) => random.Next(6) == 0 ? 0 : (long)random.Next(0, max) * scale;
        var views = Count(20_000);
        return new RawTotals
        {
            Impressions = Count(100_000),
            Spend = random.Next(6) == 0 ? 0m : Math.Round((decimal)random.NextDouble() * 2_000m * scale, 2),
            DestinationClicks = Count(3_000),
            AllClicks = Count(9_000),
            Conversions = Count(80),
            RealTimeConversions = Count(80),
            VideoViews = views,
            VideoViews6s = Count(10_000),
            VideoViewsP100 = Count(5_000),
            VideoPlaySeconds = views * (decimal)random.NextDouble() * 15m,
            PurchaseValue = random.Next(3) == 0 ? 0m : (decimal)random.NextDouble() * 10_000m,
        };
    }

    private static long? Maybe(Random random, int min, int max) => random.Next(4) == 0 ? null : random.Next(min, max);
}
