using TikTokBot.Domain.Checkins;
using TikTokBot.Domain.Metrics;

namespace TikTokBot.Domain.Tests.Checkins;

public sealed class FixPeriodsTests
{
    private static readonly FixOutcomeOptions Defaults = new();
    private static readonly DateOnly ChangedOn = new(2026, 12, 1);

    [Fact]
    public void Three_full_days_after_the_change_are_compared_with_the_three_before_it_the_change_day_in_neither()
    {
        var periods = FixPeriods.On(ChangedOn, lastClosedDay: new DateOnly(2026, 12, 4), restartsLearning: false, Defaults);

        Assert.Equal(new DateRange(new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 4)), periods!.After);
        Assert.Equal(new DateRange(new DateOnly(2026, 11, 28), new DateOnly(2026, 11, 30)), periods.Before);
        Assert.Equal(new DateOnly(2026, 12, 4), FixPeriods.DueOn(ChangedOn, restartsLearning: false, Defaults));
    }

    [Fact]
    public void Before_three_full_days_there_is_nothing_to_compare_yet() =>
        Assert.Null(FixPeriods.On(ChangedOn, lastClosedDay: new DateOnly(2026, 12, 3), restartsLearning: false, Defaults));

    [Fact]
    public void A_change_that_restarts_learning_is_judged_after_the_learning_window()
    {
        // Learning 2026-12-02..12-08; the after period starts 12-09 and has its 3 days on 12-11.
        Assert.Null(FixPeriods.On(ChangedOn, lastClosedDay: new DateOnly(2026, 12, 10), restartsLearning: true, Defaults));
        var periods = FixPeriods.On(ChangedOn, lastClosedDay: new DateOnly(2026, 12, 11), restartsLearning: true, Defaults);

        Assert.Equal(new DateRange(new DateOnly(2026, 12, 9), new DateOnly(2026, 12, 11)), periods!.After);
        Assert.Equal(new DateRange(new DateOnly(2026, 11, 28), new DateOnly(2026, 11, 30)), periods.Before);
        Assert.Equal(new DateOnly(2026, 12, 11), FixPeriods.DueOn(ChangedOn, restartsLearning: true, Defaults));
    }

    [Fact]
    public void A_later_follow_up_compares_longer_periods_of_equal_length()
    {
        var periods = FixPeriods.On(ChangedOn, lastClosedDay: new DateOnly(2026, 12, 6), restartsLearning: false, Defaults)!;

        Assert.Equal(5, periods.After.Days);
        Assert.Equal(periods.After.Days, periods.Before.Days);
        Assert.Equal(new DateOnly(2026, 11, 30), periods.Before.End);
    }
}
