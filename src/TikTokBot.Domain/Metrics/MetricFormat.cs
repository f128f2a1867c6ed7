using System.Globalization;
using TikTokBot.Domain.Money;

namespace TikTokBot.Domain.Metrics;

/// <summary>Writes figures the way the bot says them: culture-invariant, a dash for "no data".</summary>
public static class MetricFormat
{
    public const string NoData = "—";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Format(decimal? value, MetricUnit unit, string currency = "USD") => value switch
    {
        null => NoData,
        { } v => unit switch
        {
            MetricUnit.Count => v.ToString("#,0", Invariant),
            MetricUnit.Money => Currency.Of(currency).FormatUnitCost(v),
            MetricUnit.Percent => Percent(v),
            MetricUnit.Ratio => v.ToString("0.00", Invariant),
            MetricUnit.Seconds => v.ToString("0.0", Invariant) + " s",
            _ => v.ToString(Invariant),
        },
    };

    public static string Format(MetricId metric, decimal? value, string currency = "USD") =>
        Format(value, MetricCatalogue.Get(metric).Unit, currency);

    /// <summary>An amount in the currency of <paramref name="currency"/> (an ISO code); see <see cref="Currency.Format"/>.</summary>
    public static string Money(decimal amount, string currency = "USD") => Currency.Of(currency).Format(amount);

    public static string Money(decimal amount, Currency currency) => currency.Format(amount);

    /// <summary>A fraction as a percentage with enough places to tell small rates apart (0.0117% stays visible).</summary>
    public static string Percent(decimal fraction)
    {
        var percent = fraction * 100m;
        var format = Math.Abs(percent) >= 0.1m || percent == 0 ? "0.00" : "0.0###";
        return percent.ToString(format, Invariant) + "%";
    }
}
