using TikTokBot.Domain.Metrics;

namespace TikTokBot.Domain.Checkins;

/// <summary>
/// The two periods a follow-up compares: equal in length, the change day in neither. The "after" period starts the day
/// after the change, or after the learning window when the change restarts learning; "before" is the same number of
/// days ending the day before the change.
/// </summary>
public sealed record FixPeriods(DateRange Before, DateRange After)
{
    /// <summary>The periods on <paramref name="today"/> (a closed day: yesterday at most), or null while the change has not had its time yet.</summary>
    public static FixPeriods? On(DateOnly changedOn, DateOnly lastClosedDay, bool restartsLearning, FixOutcomeOptions options)
    {
        var afterStart = changedOn.AddDays(1 + (restartsLearning ? options.LearningWindowDays : 0));
        var days = lastClosedDay.DayNumber - afterStart.DayNumber + 1;
        if (days < Math.Max(1, options.FollowUpAfterDays))
        {
            return null;
        }

        var after = new DateRange(afterStart, lastClosedDay);
        return new FixPeriods(DateRange.Ending(changedOn.AddDays(-1), after.Days), after);
    }

    /// <summary>The first closed day on which the follow-up can be made.</summary>
    public static DateOnly DueOn(DateOnly changedOn, bool restartsLearning, FixOutcomeOptions options) =>
        changedOn.AddDays((restartsLearning ? options.LearningWindowDays : 0) + Math.Max(1, options.FollowUpAfterDays));
}
