namespace TikTokBot.Domain.Learning;

/// <summary>Configuration <c>Diagnosis:LearningPhase</c>; defaults from TikTok's learning-phase help and the guides.</summary>
public sealed class LearningPhaseOptions
{
    /// <summary>An ad group leaves learning after about this many conversions.</summary>
    public int ExitConversions { get; set; } = 50;

    /// <summary>How long learning usually lasts for a manual campaign, in days.</summary>
    public int ManualDays { get; set; } = 3;

    /// <summary>How long learning usually lasts for an automated campaign, in days.</summary>
    public int AutomatedDays { get; set; } = 7;

    /// <summary>Through this day the data is too noisy to draw any conclusion.</summary>
    public int NoisyDays { get; set; } = 3;

    /// <summary>Through this day make no major change (targeting, budget): it can restart learning.</summary>
    public int HandsOffDays { get; set; } = 5;

    /// <summary>Past this many days without the exit conversions, an ad group is "learning limited" (TikTok help).</summary>
    public int LimitedAfterDays { get; set; } = 7;

    /// <summary>After this many days with enough spend, judge CPA (CTR and CVR separately if it is off).</summary>
    public int EvaluateAfterDays { get; set; } = 7;

    /// <summary>"Enough spend" to judge a campaign: the minimum campaign spend the metrics guide recommends.</summary>
    public decimal MinimumSpendToEvaluate { get; set; } = 500m;

    /// <summary>More daily conversions than this: judge CPA day by day.</summary>
    public decimal DailyWindowAbove { get; set; } = 10m;

    /// <summary>From this many daily conversions (up to the daily level): judge a 3-day average; fewer, a 7-day average.</summary>
    public decimal ThreeDayWindowFrom { get; set; } = 6m;
}

public enum LearningState
{
    NotStarted,
    Learning,

    /// <summary>Still short of the exit conversions after the usual learning length, inside the learning window.</summary>
    Prolonged,

    /// <summary>Past the learning window without about the exit conversions: TikTok's "learning limited".</summary>
    Limited,
    Exited,
}

public enum CpaWindow
{
    Daily,
    ThreeDay,
    SevenDay,
}

public enum LearningAdvice
{
    /// <summary>The first days: the numbers are noise.</summary>
    TooEarlyToJudge,

    /// <summary>Readable, but any major change would restart learning.</summary>
    HandsOff,

    /// <summary>Past the hands-off days but still learning or short of spend: small changes only, judge soon.</summary>
    KeepWatching,
    TimeToEvaluate,
}

/// <param name="Day">Day N of the phase, the launch (or last significant edit) being day 1.</param>
/// <param name="HandsOffUntil">The last day on which major changes should be avoided.</param>
public sealed record LearningPhaseAssessment(
    LearningState State,
    int Day,
    long Conversions,
    int ExitConversions,
    int ExpectedDays,
    decimal AverageDailyConversions,
    bool EnoughSpend,
    CpaWindow CpaWindow,
    LearningAdvice Advice,
    DateOnly HandsOffUntil)
{
    /// <summary>Changes that restart learning should wait.</summary>
    public bool HoldsChanges => Advice is LearningAdvice.TooEarlyToJudge or LearningAdvice.HandsOff;

    public long ConversionsToGo => Math.Max(0, ExitConversions - Conversions);
}

public static class LearningPhase
{
    /// <summary>A campaign's learning phase on <paramref name="today"/>, from its facts: conversions and spend since launch, recent pace.</summary>
    public static LearningPhaseAssessment Assess(Campaigns.CampaignFacts facts, DateOnly today, LearningPhaseOptions options)
    {
        var since = facts.Campaign.LaunchedOn;
        long conversions = 0;
        decimal spend = 0;
        var recent = Metrics.DateRange.Ending(facts.Period.End, options.EvaluateAfterDays);
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
        if (facts.Daily.Count == 0)
        {
            (conversions, spend) = (facts.Current.Counts.Conversions, facts.Current.Counts.Spend);
        }

        // Launched before the period and no lifetime figure: the days before it are unknown, so they are taken at the period's pace
        // (counting them as none would call every older campaign learning limited).
        if (facts.LifetimeConversions is null && since < facts.Period.Start && facts.Period.Days > 0)
        {
            var age = Math.Max(0, Math.Min(today.DayNumber, facts.Period.End.DayNumber) - since.DayNumber + 1);
            var pace = (decimal)facts.Current.Counts.Conversions / facts.Period.Days;
            conversions = Math.Max(conversions, (long)Math.Floor(pace * age));
        }

        return Assess(since, today, facts.LifetimeConversions ?? conversions, facts.LifetimeSpend ?? spend, facts.Campaign.Automated, average, options);
    }

    /// <summary>
    /// The API has no learning-phase field, so the phase is derived from the start date and the conversions since.
    /// </summary>
    /// <param name="startedOn">Launch date, or the last significant edit.</param>
    /// <param name="today">The day being reported, in the ad account's time zone.</param>
    /// <param name="spendSinceStart">Gross spend since the start: judging needs enough of it.</param>
    /// <param name="averageDailyConversions">Recent conversions per day, which decides the CPA window.</param>
    public static LearningPhaseAssessment Assess(
        DateOnly startedOn, DateOnly today, long conversionsSinceStart, decimal spendSinceStart, bool automated, decimal averageDailyConversions,
        LearningPhaseOptions options)
    {
        var enoughSpend = spendSinceStart >= options.MinimumSpendToEvaluate;
        var day = today.DayNumber - startedOn.DayNumber + 1;
        var expected = automated ? options.AutomatedDays : options.ManualDays;
        var exited = conversionsSinceStart >= options.ExitConversions;
        var state = day < 1 ? LearningState.NotStarted
            : exited ? LearningState.Exited
            : day > options.LimitedAfterDays ? LearningState.Limited
            : day > expected ? LearningState.Prolonged
            : LearningState.Learning;

        var advice = day <= options.NoisyDays ? LearningAdvice.TooEarlyToJudge
            : day <= options.HandsOffDays ? LearningAdvice.HandsOff
            : exited || (day > options.EvaluateAfterDays && enoughSpend) ? LearningAdvice.TimeToEvaluate
            : LearningAdvice.KeepWatching;

        var window = averageDailyConversions > options.DailyWindowAbove ? CpaWindow.Daily
            : averageDailyConversions >= options.ThreeDayWindowFrom ? CpaWindow.ThreeDay
            : CpaWindow.SevenDay;

        return new LearningPhaseAssessment(
            state, Math.Max(day, 0), conversionsSinceStart, options.ExitConversions, expected, averageDailyConversions, enoughSpend, window, advice,
            startedOn.AddDays(options.HandsOffDays - 1));
    }
}

/// <summary>
/// Whether cost per result can be judged yet (DOMAIN.md section 6): not in the first
/// <see cref="LearningPhaseOptions.EvaluateAfterDays"/> days, and not before
/// <see cref="LearningPhaseOptions.MinimumSpendToEvaluate"/> has been spent since the start.
/// </summary>
/// <param name="Day">Day N on <paramref name="AsOf"/>, the launch or last significant edit being day 1.</param>
/// <param name="JudgeFrom">The first day past the learning days.</param>
/// <param name="SpendNeeded">Spend since the start needed before judging.</param>
public sealed record CostJudgement(DateOnly AsOf, int Day, DateOnly JudgeFrom, decimal SpendSinceStart, decimal SpendNeeded)
{
    public bool OldEnough => AsOf >= JudgeFrom;

    public bool EnoughSpend => SpendSinceStart >= SpendNeeded;

    public bool CanJudge => OldEnough && EnoughSpend;

    public static CostJudgement For(DateOnly startedOn, DateOnly asOf, decimal spendSinceStart, LearningPhaseOptions options) =>
        new(asOf, asOf.DayNumber - startedOn.DayNumber + 1, startedOn.AddDays(options.EvaluateAfterDays), spendSinceStart,
            options.MinimumSpendToEvaluate);
}
