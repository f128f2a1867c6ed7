using TikTokBot.Domain;
using TikTokBot.Domain.Campaigns;
using TikTokBot.Domain.Credit;
using TikTokBot.Domain.Learning;
using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Objectives;
using TikTokBot.TikTok.Demo;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.TikTok.Tests;

/// <summary>Each demo campaign shows the situation it was made for, as the engine itself judges it.</summary>
public sealed class DemoDataSetTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly DateRange LastWeek = DateRange.Ending(Today.AddDays(-1), 7);
    private static readonly CampaignEngine Engine = new(new DiagnosisOptions());
    private readonly DemoMetricSource _source = new(new FixedClock(Today));

    private async Task<(DemoCampaign Demo, CampaignFacts Facts)> Load(DemoSituation situation)
    {
        var demo = _source.DataSet.Campaigns.Single(c => c.Situation == situation);
        var facts = await new CampaignFactsLoader(_source).LoadAsync(demo.Info, LastWeek, demo.Criteria, CancellationToken.None);
        return (demo, facts);
    }

    [Fact]
    public async Task The_healthy_campaign_has_no_problem_and_room_to_scale()
    {
        var (_, facts) = await Load(DemoSituation.HealthyReadyToScale);

        var diagnosis = Engine.Diagnose(facts);

        Assert.DoesNotContain(diagnosis.Findings, f => f.IsProblem);
        Assert.Contains(diagnosis.Findings, f => f.RuleId == "real-time-cpa-below-target");
        Assert.Equal(SuccessStatus.OnTrack, Engine.Summarise(facts).Verdict.Status);
    }

    [Theory]
    [InlineData(DemoSituation.CreativeFatigue, "creative-fatigue")]
    [InlineData(DemoSituation.CallToActionProblem, "call-to-action")]
    [InlineData(DemoSituation.LandingPageProblem, "landing-page")]
    [InlineData(DemoSituation.SpendWithoutConversions, "spend-without-results")]
    public async Task A_problem_campaign_leads_with_the_finding_it_was_made_for(DemoSituation situation, string ruleId)
    {
        var (_, facts) = await Load(situation);

        Assert.Equal(ruleId, Engine.Diagnose(facts).TopFinding!.RuleId);
    }

    [Fact]
    public async Task Campaign_42_is_the_fatiguing_one_with_frequency_above_four_and_ctr_falling()
    {
        var (demo, facts) = await Load(DemoSituation.CreativeFatigue);

        Assert.StartsWith("campaign-42", demo.Info.Name);
        Assert.True(facts.Current.Frequency > 4m, $"frequency {facts.Current.Frequency}");
        Assert.True(facts.Current.Ctr < facts.Previous!.Value.Ctr * 0.9m, $"CTR {facts.Current.Ctr} vs {facts.Previous.Value.Ctr}");
    }

    [Fact]
    public async Task The_new_campaign_is_on_day_two_of_learning_and_too_early_to_judge()
    {
        var (_, facts) = await Load(DemoSituation.LearningPhaseDayTwo);

        var learning = Engine.AssessLearning(facts, Today);

        Assert.Equal(2, learning.Day);
        Assert.Equal(LearningState.Learning, learning.State);
        Assert.Equal(LearningAdvice.TooEarlyToJudge, learning.Advice);
    }

    [Fact]
    public async Task One_credit_window_runs_out_within_days_and_another_will_expire_partly_unused()
    {
        var (soon, soonFacts) = await Load(DemoSituation.CreditAboutToRunOut);
        var (slow, slowFacts) = await Load(DemoSituation.AwarenessWithCreditExpiringUnused);

        var runningOut = await Assess(soon);
        var expiring = await Assess(slow);

        Assert.Equal(CreditState.Active, runningOut.State);
        Assert.True(runningOut.ExhaustionProjected);
        Assert.InRange(runningOut.ExhaustedOn!.Value.DayNumber - Today.DayNumber, 0, 4);
        Assert.Null(expiring.ExhaustedOn);
        Assert.True(expiring.ExpiringUnused > 1_000m, $"unused {expiring.ExpiringUnused}");
        Assert.Equal(Objective.Awareness, slowFacts.Campaign.Objective);
        Assert.Equal(Objective.WebsiteConversions, soonFacts.Campaign.Objective);
    }

    [Fact]
    public async Task The_data_set_is_deterministic_for_a_given_day_and_moves_with_today()
    {
        var again = new DemoMetricSource(new FixedClock(Today));
        var tomorrow = new DemoMetricSource(new FixedClock(Today.AddDays(1)));
        var scope = Scope.Campaign("1800000000000042");

        var first = await _source.GetDailyAsync(scope, LastWeek, CancellationToken.None);
        var second = await again.GetDailyAsync(scope, LastWeek, CancellationToken.None);
        var shifted = await tomorrow.GetDailyAsync(scope, DateRange.Ending(Today, 7), CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Equal(7, first.Count);
        Assert.Equal(Today, shifted[^1].Date);
        Assert.Equal(8, _source.DataSet.Campaigns.Count);
    }

    [Fact]
    public async Task Reach_of_a_week_is_less_than_the_sum_of_its_days()
    {
        var scope = Scope.Campaign("1800000000000041");
        var week = await _source.GetReachAsync(scope, LastWeek, CancellationToken.None);
        long days = 0;
        for (var day = LastWeek.Start; day <= LastWeek.End; day = day.AddDays(1))
        {
            days += (await _source.GetReachAsync(scope, new DateRange(day, day), CancellationToken.None))!.Value;
        }

        Assert.True(week < days, $"week {week}, days summed {days}");
    }

    [Theory]
    [InlineData(BreakdownDimension.AdGroup, 3)]
    [InlineData(BreakdownDimension.Ad, 9)]
    [InlineData(BreakdownDimension.Age, 4)]
    [InlineData(BreakdownDimension.Gender, 3)]
    [InlineData(BreakdownDimension.Placement, 3)]
    [InlineData(BreakdownDimension.Device, 3)]
    public async Task Breakdowns_split_the_campaign_into_segments_whose_spend_adds_up(BreakdownDimension by, int segments)
    {
        var rows = await _source.GetBreakdownAsync("1800000000000044", by, LastWeek, CancellationToken.None);
        var daily = await _source.GetDailyAsync(Scope.Campaign("1800000000000044"), LastWeek, CancellationToken.None);

        Assert.Equal(segments, rows.Count);
        Assert.Equal(daily.Sum(d => d.Counts.Spend), rows.Sum(r => r.Totals.Counts.Spend), precision: 0);
    }

    private async Task<CreditWindowReport> Assess(DemoCampaign demo)
    {
        var daily = await _source.GetDailyAsync(Scope.Campaign(demo.Info.Id), new DateRange(demo.Credit!.Start, Today.AddDays(-1)), CancellationToken.None);
        return Engine.AssessCredit(demo.Credit, daily, Today.AddDays(-1), demo.Criteria?.TargetCostPerOutcome);
    }
}

/// <summary>A clock pinned to noon UTC of a given day.</summary>
internal sealed class FixedClock(DateOnly day) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
}
