using TikTokBot.Domain.Metrics;

namespace TikTokBot.Domain.Alerts.Baselines;

/// <summary>
/// One campaign's figures per hour of its advertiser's local day, keyed by the hour's local start (minutes and seconds
/// zero). An hour that is absent was not read (no history); an hour read with no delivery is present with zeros.
/// </summary>
public sealed class HourlyHistory
{
    private readonly Dictionary<DateTime, RawTotals> _hours;

    public HourlyHistory(IEnumerable<KeyValuePair<DateTime, RawTotals>> hours)
    {
        _hours = [];
        foreach (var (start, totals) in hours)
        {
            _hours[new DateTime(start.Year, start.Month, start.Day, start.Hour, 0, 0)] = totals;
        }
    }

    public int Count => _hours.Count;

    public bool TryGet(DateTime hourStart, out RawTotals totals) => _hours.TryGetValue(hourStart, out totals);

    /// <summary>The sum of the day's hours [<paramref name="fromHour"/>, <paramref name="endHour"/>), or null if any of them was not read.</summary>
    public RawTotals? Through(DateOnly day, int fromHour, int endHour)
    {
        var start = day.ToDateTime(TimeOnly.MinValue);
        var sum = new RawTotals.Accumulator();
        for (var h = fromHour; h < endHour; h++)
        {
            if (!_hours.TryGetValue(start.AddHours(h), out var row))
            {
                return null;
            }

            sum.Add(in row);
        }

        return sum.Total;
    }

    /// <summary>Whether any hour of the day was read: the day belongs to the campaign's history.</summary>
    public bool HasDay(DateOnly day)
    {
        var start = day.ToDateTime(TimeOnly.MinValue);
        for (var h = 0; h < 24; h++)
        {
            if (_hours.ContainsKey(start.AddHours(h)))
            {
                return true;
            }
        }

        return false;
    }
}
