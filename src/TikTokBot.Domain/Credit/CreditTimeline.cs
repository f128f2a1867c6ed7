using TikTokBot.Domain.Metrics;

namespace TikTokBot.Domain.Credit;

/// <summary>One day of a credit window: the gross spend of the day and the credit left at its end.</summary>
/// <param name="Projected">A day after the report's day, carried at the burn rate rather than read.</param>
public sealed record CreditDay(DateOnly Date, decimal GrossSpend, decimal CreditLeft, bool Projected);

public static class CreditTimeline
{
    /// <summary>
    /// The window day by day from its start: the days read (through the report's day, or the day the credit ran out),
    /// then, while the credit is running, the days projected at the report's burn rate up to the projected run-out day,
    /// or to the expiry when it will not run out. Empty before the window starts. The last projected day's credit left
    /// is zero exactly when <see cref="CreditWindowReport.ExhaustedOn"/> is that day.
    /// </summary>
    /// <param name="daily">Gross spend per day, as given to <see cref="CreditWindow.Assess"/>.</param>
    public static IReadOnlyList<CreditDay> From(CreditWindowReport report, IReadOnlyList<DailyTotals> daily)
    {
        var grant = report.Grant;
        if (report.State == CreditState.NotStarted)
        {
            return [];
        }

        var lastRead = report.AsOf < grant.Expiry ? report.AsOf : grant.Expiry;
        if (report.State == CreditState.Exhausted && report.ExhaustedOn is { } ranOut)
        {
            lastRead = ranOut;
        }

        var spend = new Dictionary<DateOnly, decimal>();
        foreach (var day in daily)
        {
            spend[day.Date] = spend.GetValueOrDefault(day.Date) + day.Counts.Spend;
        }

        var days = new List<CreditDay>(Math.Max(0, grant.Expiry.DayNumber - grant.Start.DayNumber + 1));
        decimal gross = 0;
        for (var date = grant.Start; date <= lastRead; date = date.AddDays(1))
        {
            var today = spend.GetValueOrDefault(date);
            gross += today;
            days.Add(new CreditDay(date, today, grant.Amount - Math.Min(gross, grant.Amount), Projected: false));
        }

        if (report.State != CreditState.Active || report.BurnRatePerDay <= 0)
        {
            return days;
        }

        var end = report.ExhaustedOn is { } projected && report.ExhaustionProjected ? projected : grant.Expiry;
        var left = report.CreditRemaining;
        for (var date = lastRead.AddDays(1); date <= end; date = date.AddDays(1))
        {
            left = Math.Max(0, left - report.BurnRatePerDay);
            days.Add(new CreditDay(date, report.BurnRatePerDay, left, Projected: true));
        }

        return days;
    }
}
