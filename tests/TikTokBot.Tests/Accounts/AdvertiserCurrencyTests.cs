using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using TikTokBot.Domain.Metrics;
using TikTokBot.Testing;
using TikTokBot.TikTok.Demo;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.Tests.Accounts;

/// <summary>
/// Four advertisers in four currencies connected to one workspace through the fake TikTok: every money figure of a
/// campaign is in its advertiser's currency, with that currency's decimals, and <c>list</c> totals each currency apart.
/// </summary>
public sealed partial class AdvertiserCurrencyTests : IAsyncLifetime
{
    private const string Team = "T0CURRENCIES";
    private static readonly DateOnly Today = new(2026, 12, 1);
    private static readonly FakeAdvertiser Dollars = new("7300000000000000001", "New York Dollars", "USD", "America/New_York", CampaignIds: ["1800000000000041"]);
    private static readonly FakeAdvertiser Euros = new("7300000000000000002", "Berlin Euros", "EUR", "Europe/Berlin", CampaignIds: ["1800000000000042"]);
    private static readonly FakeAdvertiser Yen = new("7300000000000000003", "Tokyo Yen", "JPY", "Asia/Tokyo", CampaignIds: ["1800000000000043"]);
    private static readonly FakeAdvertiser Reais = new("7300000000000000004", "Sao Paulo Reais", "BRL", "America/Sao_Paulo", CampaignIds: ["1800000000000044"]);

    // 09:00 UTC is 1 December in all four zones: each advertiser's last 7 closed days are 24 to 30 November.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private FakeTikTokApi _tiktok = null!;
    private AccountsAppFactory _app = null!;

    public async Task InitializeAsync()
    {
        _tiktok = await FakeTikTokApi.StartAsync(Today);
        _tiktok.Accounts.Add(Dollars, Euros, Yen, Reais);
        _app = new AccountsAppFactory(_tiktok, _clock);
        _app.CreateKestrelClient().Dispose();
        await _app.ConnectAsync(Team, Dollars, Euros, Yen, Reais);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _tiktok.DisposeAsync();
    }

    /// <summary>The campaign's spend over 24-30 November as the fake TikTok reports it: the demo data's figures.</summary>
    private static async Task<decimal> SpendAsync(string campaignId)
    {
        var demo = new DemoMetricSource(new NoonClock(Today));
        var daily = await demo.GetDailyAsync(Scope.Campaign(campaignId), new DateRange(new DateOnly(2026, 11, 24), new DateOnly(2026, 11, 30)), CancellationToken.None);
        return daily.Sum(d => d.Counts.Spend);
    }

    [Theory]
    [InlineData("campaign-41", "1800000000000041", "$", 2)]
    [InlineData("campaign-42", "1800000000000042", "€", 2)]
    [InlineData("campaign-43", "1800000000000043", "¥", 0)]
    [InlineData("campaign-44", "1800000000000044", "R$", 2)]
    public async Task A_summary_shows_money_in_its_advertisers_currency_with_its_decimals(string typed, string campaignId, string symbol, int decimals)
    {
        var spend = await SpendAsync(campaignId);
        var rounded = Math.Round(spend, decimals, MidpointRounding.AwayFromZero);
        var expected = symbol + rounded.ToString(decimals == 0 ? "#,0" : "#,0.00", System.Globalization.CultureInfo.InvariantCulture);

        var reply = await _app.AskAsync(Team, typed);

        Assert.True(spend > 100m, $"the demo spend {spend} is too small to show thousands separators or decimals");
        Assert.Contains($"spend {expected},", reply, StringComparison.Ordinal);
        // No money of this reply is in another currency.
        foreach (var (other, pattern) in Amounts.Where(a => a.Key != symbol))
        {
            Assert.False(Regex.IsMatch(reply, pattern), $"an amount in {other} in the reply of a {symbol} advertiser:\n{reply}");
        }

        if (decimals == 0)
        {
            Assert.DoesNotMatch(@"¥[\d,]+\.\d", reply);
        }
    }

    [Fact]
    public async Task List_groups_by_advertiser_and_totals_each_currency_apart()
    {
        var spends = new Dictionary<string, decimal>
        {
            ["$"] = await SpendAsync("1800000000000041"),
            ["€"] = await SpendAsync("1800000000000042"),
            ["¥"] = await SpendAsync("1800000000000043"),
            ["R$"] = await SpendAsync("1800000000000044"),
        };

        // Slack takes one table a message: four advertisers, four messages.
        var list = await _app.AskAsync(Team, "list", messages: 4);

        var total = TotalLine().Match(list);
        Assert.True(total.Success, list);
        var parts = total.Groups[1].Value.Split(" · ");
        Assert.Equal(4, parts.Length);
        Assert.Contains($"${spends["$"]:#,0.00}", parts);
        Assert.Contains($"€{spends["€"]:#,0.00}", parts);
        Assert.Contains($"¥{Math.Round(spends["¥"], 0, MidpointRounding.AwayFromZero):#,0}", parts);
        Assert.Contains($"R${spends["R$"]:#,0.00}", parts);
        // One table per advertiser, each headed by its name, id and currency.
        foreach (var (advertiser, code) in new[] { (Dollars, "USD"), (Euros, "EUR"), (Yen, "JPY"), (Reais, "BRL") })
        {
            Assert.Contains($"*{advertiser.Name}* · advertiser {advertiser.AdvertiserId} · {code}", list, StringComparison.Ordinal);
        }
    }

    /// <summary>An amount written in each currency; a dollar sign after R is the real's.</summary>
    private static readonly Dictionary<string, string> Amounts = new()
    {
        ["$"] = @"(?<!R)\$\d", ["€"] = @"€\d", ["¥"] = @"¥\d", ["R$"] = @"R\$\d",
    };

    [GeneratedRegex(@"Total spend: ([^\n]+)")]
    private static partial Regex TotalLine();
}
