using TikTokBot.Domain.Learning;

namespace TikTokBot.Domain.Tests;

public sealed class LearningPhaseTests
{
    private static readonly DateOnly Launch = new(2026, 11, 10);
    private static readonly LearningPhaseOptions Defaults = new();

    private static LearningPhaseAssessment OnDay(int day, long conversions = 10, bool automated = false, decimal dailyConversions = 3m, decimal spend = 800m) =>
        LearningPhase.Assess(Launch, Launch.AddDays(day - 1), conversions, spend, automated, dailyConversions, Defaults);

    [Theory]
    [InlineData(1, LearningAdvice.TooEarlyToJudge)]
    [InlineData(2, LearningAdvice.TooEarlyToJudge)]
    [InlineData(3, LearningAdvice.TooEarlyToJudge)]
    [InlineData(4, LearningAdvice.HandsOff)]
    [InlineData(5, LearningAdvice.HandsOff)]
    [InlineData(6, LearningAdvice.KeepWatching)]
    [InlineData(7, LearningAdvice.KeepWatching)]
    [InlineData(8, LearningAdvice.TimeToEvaluate)]
    public void The_advice_follows_the_day_of_the_phase(int day, LearningAdvice advice)
    {
        var assessment = OnDay(day);

        Assert.Equal(day, assessment.Day);
        Assert.Equal(advice, assessment.Advice);
        Assert.Equal(day <= 5, assessment.HoldsChanges);
        Assert.Equal(new DateOnly(2026, 11, 14), assessment.HandsOffUntil);
    }

    [Theory]
    [InlineData(49, LearningState.Learning, 1)]
    [InlineData(50, LearningState.Exited, 0)]
    [InlineData(51, LearningState.Exited, 0)]
    public void An_ad_group_leaves_learning_at_fifty_conversions(long conversions, LearningState state, long toGo)
    {
        var assessment = OnDay(3, conversions, automated: true);

        Assert.Equal(state, assessment.State);
        Assert.Equal(toGo, assessment.ConversionsToGo);
    }

    [Fact]
    public void Fifty_conversions_after_the_hands_off_days_make_it_time_to_evaluate_early()
    {
        Assert.Equal(LearningAdvice.TimeToEvaluate, OnDay(6, conversions: 50).Advice);
        Assert.Equal(LearningAdvice.HandsOff, OnDay(5, conversions: 50).Advice);
    }

    [Theory]
    // A manual campaign usually learns in 3 days: on day 4 with 20 conversions it is prolonged; an automated one is still learning.
    // Past the 7-day window without ~50 conversions either is learning limited (DOMAIN.md section 9), never "day 8 of learning".
    [InlineData(false, 4, LearningState.Prolonged)]
    [InlineData(true, 4, LearningState.Learning)]
    [InlineData(true, 7, LearningState.Learning)]
    [InlineData(false, 7, LearningState.Prolonged)]
    [InlineData(true, 8, LearningState.Limited)]
    [InlineData(false, 31, LearningState.Limited)]
    [InlineData(false, 3, LearningState.Learning)]
    public void Learning_that_outlasts_its_usual_length_is_prolonged_then_limited(bool automated, int day, LearningState state)
    {
        Assert.Equal(state, OnDay(day, conversions: 20, automated: automated).State);
    }

    [Theory]
    [InlineData("499.99", LearningAdvice.KeepWatching, false)]
    [InlineData("500", LearningAdvice.TimeToEvaluate, true)]
    public void After_seven_days_judging_also_needs_the_minimum_campaign_spend(string spend, LearningAdvice advice, bool enough)
    {
        var assessment = OnDay(10, spend: decimal.Parse(spend, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(advice, assessment.Advice);
        Assert.Equal(enough, assessment.EnoughSpend);
    }

    [Fact]
    public void A_campaign_that_has_not_started_is_not_learning_yet()
    {
        var assessment = LearningPhase.Assess(Launch, Launch.AddDays(-2), 0, 0m, false, 0m, Defaults);

        Assert.Equal(LearningState.NotStarted, assessment.State);
        Assert.Equal(0, assessment.Day);
    }

    [Theory]
    [InlineData("12", CpaWindow.Daily)]
    [InlineData("10.5", CpaWindow.Daily)]
    [InlineData("10", CpaWindow.ThreeDay)]
    [InlineData("6", CpaWindow.ThreeDay)]
    [InlineData("5.9", CpaWindow.SevenDay)]
    [InlineData("5", CpaWindow.SevenDay)]
    [InlineData("0", CpaWindow.SevenDay)]
    public void The_cpa_window_follows_daily_conversions(string daily, CpaWindow window)
    {
        Assert.Equal(window, OnDay(9, dailyConversions: decimal.Parse(daily, System.Globalization.CultureInfo.InvariantCulture)).CpaWindow);
    }

    [Fact]
    public void The_engine_counts_conversions_since_launch_and_averages_the_last_week()
    {
        // Launched 2026-11-14; 7 days with 8 conversions each = 56 conversions, 8 a day: exited, 3-day window.
        var daily = Enumerable.Range(0, 7)
            .Select(i => new Metrics.DailyTotals(Scenario.Week.Start.AddDays(i), new Metrics.RawTotals { Conversions = 8 }))
            .ToArray();
        var facts = Scenario.Facts(daily: daily, launchedOn: Scenario.Week.Start);

        var assessment = Scenario.Engine.AssessLearning(facts, Scenario.Week.End);

        Assert.Equal(7, assessment.Day);
        Assert.Equal(56, assessment.Conversions);
        Assert.Equal(LearningState.Exited, assessment.State);
        Assert.Equal(8m, assessment.AverageDailyConversions);
        Assert.Equal(CpaWindow.ThreeDay, assessment.CpaWindow);
    }
}
