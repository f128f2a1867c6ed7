using TikTokBot.Domain.Money;

namespace TikTokBot.Domain.Tests.Money;

public sealed class CurrencyTests
{
    [Theory]
    [InlineData("USD", "1234.5", "$1,234.50")]
    [InlineData("USD", "-1234.5", "-$1,234.50")]
    [InlineData("USD", "0.005", "$0.01")]
    [InlineData("USD", "-0.004", "$0.00")]
    [InlineData("EUR", "1234567.891", "€1,234,567.89")]
    [InlineData("EUR", "-0.5", "-€0.50")]
    [InlineData("JPY", "1234567.5", "¥1,234,568")]
    [InlineData("JPY", "-99.4", "-¥99")]
    [InlineData("BRL", "2500", "R$2,500.00")]
    [InlineData("BRL", "-10.125", "-R$10.13")]
    [InlineData("KRW", "15000.49", "₩15,000")]
    [InlineData("KRW", "-1000000", "-₩1,000,000")]
    [InlineData("KWD", "12.3456", "12.346 KWD")]
    [InlineData("XYZ", "1234.5", "1,234.50 XYZ")]
    [InlineData("XYZ", "-1234.567", "-1,234.57 XYZ")]
    public void Amounts_are_written_with_the_currency_symbol_or_code_and_its_own_decimals(string code, string amount, string expected)
    {
        var value = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(expected, Currency.Of(code).Format(value));
    }

    [Theory]
    // Unit costs under 0.10 keep two significant digits (DOMAIN.md section 9): a CPV of $0.005 is $0.0050, never $0.01.
    [InlineData("USD", "0.005", "$0.0050")]
    [InlineData("USD", "0.0523", "$0.052")]
    [InlineData("USD", "0.0999", "$0.10")]
    [InlineData("USD", "0.12", "$0.12")]
    [InlineData("USD", "0", "$0.00")]
    [InlineData("EUR", "0.0072", "€0.0072")]
    [InlineData("JPY", "0.75", "¥1")]
    [InlineData("JPY", "0.05", "¥0.050")]
    [InlineData("KWD", "0.0456", "0.046 KWD")]
    public void Unit_costs_under_a_tenth_keep_two_significant_digits(string code, string amount, string expected)
    {
        var value = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(expected, Currency.Of(code).FormatUnitCost(value));
        Assert.Equal(expected, Metrics.MetricFormat.Format(value, Metrics.MetricUnit.Money, code));
    }

    [Theory]
    [InlineData("USD", 2, "$")]
    [InlineData(" eur ", 2, "€")]
    [InlineData("jpy", 0, "¥")]
    [InlineData("KRW", 0, "₩")]
    [InlineData("BRL", 2, "R$")]
    [InlineData("XYZ", 2, null)]
    public void A_code_is_read_whatever_its_case_and_knows_its_decimals_and_symbol(string code, int decimals, string? symbol)
    {
        var currency = Currency.Of(code);

        Assert.Equal((code.Trim().ToUpperInvariant(), decimals, symbol), (currency.Code, currency.Decimals, currency.Symbol));
    }

    [Fact]
    public void No_code_means_US_dollars_and_equal_codes_are_equal_currencies()
    {
        Assert.Equal(Currency.Usd, Currency.Of(null));
        Assert.Equal(Currency.Usd, Currency.Of(" "));
        Assert.Equal(Currency.Of("eur"), Currency.Of("EUR"));
        Assert.NotEqual(Currency.Of("JPY"), Currency.Of("CNY"));
    }

    [Fact]
    public void Formatting_does_not_depend_on_the_current_culture()
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("de-DE");
        try
        {
            Assert.Equal("€1,234.50", Currency.Of("EUR").Format(1234.5m));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }
}
