using System.Collections.Frozen;
using System.Globalization;

namespace TikTokBot.Domain.Money;

/// <summary>
/// An ISO 4217 currency as the bot writes amounts in it: a symbol when one is unambiguous for an English reader
/// (else the code after the number), and the currency's own number of decimals (none for JPY and KRW).
/// </summary>
public sealed record Currency
{
    /// <summary>Decimals when a code is not in the table: most currencies have two.</summary>
    public const int DefaultDecimals = 2;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    // Symbols only where an English reader cannot mistake them for another currency's; the rest print their code.
    private static readonly FrozenDictionary<string, string> Symbols = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["USD"] = "$", ["EUR"] = "€", ["GBP"] = "£", ["JPY"] = "¥", ["KRW"] = "₩", ["BRL"] = "R$", ["INR"] = "₹",
        ["CNY"] = "CN¥", ["CAD"] = "CA$", ["AUD"] = "A$", ["MXN"] = "MX$", ["HKD"] = "HK$", ["NZD"] = "NZ$",
        ["TWD"] = "NT$", ["VND"] = "₫", ["ILS"] = "₪", ["PHP"] = "₱", ["THB"] = "฿", ["TRY"] = "₺", ["NGN"] = "₦",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // ISO 4217 minor units that are not 2.
    private static readonly FrozenDictionary<string, int> MinorUnits = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["JPY"] = 0, ["KRW"] = 0, ["VND"] = 0, ["CLP"] = 0, ["ISK"] = 0, ["PYG"] = 0, ["UGX"] = 0, ["XAF"] = 0, ["XOF"] = 0,
        ["XPF"] = 0, ["KMF"] = 0, ["RWF"] = 0, ["DJF"] = 0, ["GNF"] = 0, ["VUV"] = 0, ["BIF"] = 0,
        ["BHD"] = 3, ["KWD"] = 3, ["OMR"] = 3, ["JOD"] = 3, ["TND"] = 3, ["IQD"] = 3, ["LYD"] = 3,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private Currency(string code, string? symbol, int decimals)
    {
        Code = code;
        Symbol = symbol;
        Decimals = decimals;
    }

    public static Currency Usd { get; } = Of("USD");

    /// <summary>The three-letter code, upper case.</summary>
    public string Code { get; }

    /// <summary>Written before the number; null when the code is written after it instead.</summary>
    public string? Symbol { get; }

    public int Decimals { get; }

    /// <summary>The currency of a code as TikTok or a CSV gives it (any case, surrounding spaces); empty means US dollars.</summary>
    public static Currency Of(string? code)
    {
        var normalised = string.IsNullOrWhiteSpace(code) ? "USD" : code.Trim().ToUpperInvariant();
        return new Currency(normalised, Symbols.GetValueOrDefault(normalised), MinorUnits.GetValueOrDefault(normalised, DefaultDecimals));
    }

    /// <summary>The amount rounded to the currency's decimals (half away from zero), with thousands separators: <c>-$1,234.50</c>, <c>¥1,235</c>, <c>1,234.50 XYZ</c>.</summary>
    public string Format(decimal amount) => Format(amount, Decimals);

    /// <summary>
    /// A unit cost (CPV, CPC): under 0.10 with two significant digits, so $0.005 reads <c>$0.0050</c>, never <c>$0.01</c>
    /// (DOMAIN.md section 9); otherwise as <see cref="Format(decimal)"/>.
    /// </summary>
    public string FormatUnitCost(decimal amount)
    {
        var size = Math.Abs(amount);
        if (size == 0 || size >= 0.10m)
            return Format(amount);
        var places = 1;
        for (var scaled = size; scaled < 1m; scaled *= 10m)
            places++;
        places = Math.Max(Decimals, places);
        // 0.0999 rounds up to a tenth: written as any amount of that size.
        return Math.Abs(Math.Round(amount, places, MidpointRounding.AwayFromZero)) >= 0.10m ? Format(amount) : Format(amount, places);
    }

    /// <summary>The amount with <paramref name="decimals"/> places (whole units in a sentence: <c>$180</c>).</summary>
    public string Format(decimal amount, int decimals)
    {
        var rounded = Math.Round(amount, decimals, MidpointRounding.AwayFromZero);
        var digits = Math.Abs(rounded).ToString(decimals == 0 ? "#,0" : "#,0." + new string('0', decimals), Invariant);
        var sign = rounded < 0 ? "-" : string.Empty;
        return Symbol is null ? $"{sign}{digits} {Code}" : $"{sign}{Symbol}{digits}";
    }

    public override string ToString() => Code;
}
