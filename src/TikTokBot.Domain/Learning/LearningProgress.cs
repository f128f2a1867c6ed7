using TikTokBot.Domain.Metrics;

namespace TikTokBot.Domain.Learning;

/// <summary>Conversions since the start of learning, as they stood at the end of one day.</summary>
public sealed record LearningDay(DateOnly Date, long ConversionsSoFar);

public static class LearningProgress
{
    /// <summary>
    /// The running total of conversions since <paramref name="startedOn"/>, day by day over the days given (those before
    /// the start left out). When the total through the last day is known (<paramref name="conversionsThroughLastDay"/>,
    /// counted since the start), the days are counted back from it, so a window that begins after the start still ends
    /// on the true total.
    /// </summary>
    public static IReadOnlyList<LearningDay> Cumulative(IReadOnlyList<DailyTotals> daily, DateOnly startedOn, long? conversionsThroughLastDay = null)
    {
        var days = daily.Where(d => d.Date >= startedOn).OrderBy(d => d.Date).ToList();
        var inWindow = days.Sum(d => d.Counts.Conversions);
        // Conversions before the first day given: what the known total says they were (never below zero).
        var running = conversionsThroughLastDay is { } total ? Math.Max(0, total - inWindow) : 0;
        var result = new List<LearningDay>(days.Count);
        foreach (var day in days)
        {
            running += day.Counts.Conversions;
            result.Add(new LearningDay(day.Date, running));
        }

        return result;
    }
}
