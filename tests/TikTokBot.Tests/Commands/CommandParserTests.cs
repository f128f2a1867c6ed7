using TikTokBot.Commands;
using TikTokBot.Domain.Metrics;
using TikTokBot.TikTok.Calendar;
using TikTokBot.TikTok.Sources;
using TikTokBot.Requests;

namespace TikTokBot.Tests.Commands;

public sealed class CommandParserTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    [Theory]
    [InlineData("campaign-42", "campaign-42", "2026-11-15..2026-11-21")]
    [InlineData("campaign-42 7d", "campaign-42", "2026-11-15..2026-11-21")]
    [InlineData("campaign-42 14d", "campaign-42", "2026-11-08..2026-11-21")]
    [InlineData("campaign-42 30d", "campaign-42", "2026-10-23..2026-11-21")]
    [InlineData("campaign-42 today", "campaign-42", "2026-11-22")]
    [InlineData("campaign-42 YESTERDAY", "campaign-42", "2026-11-21")]
    [InlineData("campaign-42 lifetime", "campaign-42", "2026-10-01..2026-11-22")]
    [InlineData("campaign-42 2026-11-01..2026-11-20", "campaign-42", "2026-11-01..2026-11-20")]
    [InlineData("Autumn Sale EU 7d", "Autumn Sale EU", "2026-11-15..2026-11-21")]
    [InlineData("\"Autumn Sale, EU\"", "Autumn Sale, EU", "2026-11-15..2026-11-21")]
    public void A_campaign_and_a_period_ask_for_the_summary(string text, string campaign, string dates)
    {
        var summary = Assert.IsType<MetricsCommand.Summary>(CommandParser.Parse(text));

        Assert.Equal(campaign, summary.Campaign);
        Assert.Equal(dates, new BusinessDays(Today).Resolve(summary.Period, launchedOn: new DateOnly(2026, 10, 1)).ToString());
    }

    [Theory]
    [InlineData("campaign-42 full", "7d")]
    [InlineData("campaign-42 full 30d", "30d")]
    [InlineData("campaign-42 30d full", "30d")]
    public void Full_asks_for_the_full_funnel_with_the_period_on_either_side(string text, string period)
    {
        var summary = Assert.IsType<MetricsCommand.Summary>(CommandParser.Parse(text));

        Assert.Equal(("campaign-42", true, period), (summary.Campaign, summary.Full, summary.Period.ToString()));
        Assert.False(Assert.IsType<MetricsCommand.Summary>(CommandParser.Parse("campaign-42 30d")).Full);
    }

    [Theory]
    [InlineData("campaign-42 fix", "7d")]
    [InlineData("campaign-42 fix 14d", "14d")]
    [InlineData("campaign-42 14d fix", "14d")]
    public void Fix_asks_for_the_fixes_with_the_period_on_either_side(string text, string period)
    {
        var fix = Assert.IsType<MetricsCommand.Fix>(CommandParser.Parse(text));

        Assert.Equal("campaign-42", fix.Campaign);
        Assert.Equal(period, fix.Period.ToString());
    }

    [Theory]
    [InlineData("campaign-42 by adgroup", BreakdownDimension.AdGroup)]
    [InlineData("campaign-42 by ad", BreakdownDimension.Ad)]
    [InlineData("campaign-42 by AGE 30d", BreakdownDimension.Age)]
    [InlineData("campaign-42 by gender", BreakdownDimension.Gender)]
    [InlineData("campaign-42 by placement", BreakdownDimension.Placement)]
    [InlineData("campaign-42 by device", BreakdownDimension.Device)]
    public void By_asks_for_a_breakdown(string text, BreakdownDimension by)
    {
        var breakdown = Assert.IsType<MetricsCommand.Breakdown>(CommandParser.Parse(text));

        Assert.Equal("campaign-42", breakdown.Campaign);
        Assert.Equal(by, breakdown.By);
    }

    [Fact]
    public void Settings_commands_carry_their_numbers_and_dates()
    {
        Assert.Equal(new MetricsCommand.SetTarget("campaign-42", "cpa", 25m, 50), CommandParser.Parse("target campaign-42 cpa 25 min 50"));
        Assert.Equal(new MetricsCommand.SetCredit("campaign-42", 6000m, new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 31)),
            CommandParser.Parse("credit campaign-42 6000 2026-11-01..2026-12-31"));
        Assert.Equal(new MetricsCommand.SetAlias("black-friday", "Autumn Sale EU"), CommandParser.Parse("alias black-friday Autumn Sale EU"));
        Assert.IsType<MetricsCommand.List>(CommandParser.Parse("list"));
        Assert.IsType<MetricsCommand.Help>(CommandParser.Parse("  "));
        Assert.IsType<MetricsCommand.Help>(CommandParser.Parse("help"));
    }

    [Theory]
    [InlineData("taget campaign-42 cpa 25 min 50", "/ttmetrics target campaign-42 cpa 25 min 50")]
    [InlineData("target campaign-42 cpa 0 min 50", "/ttmetrics target campaign-42 cpa 25 min 50")]
    [InlineData("target campaign-42 cpa 25", "/ttmetrics target campaign-42 cpa 25 min 50")]
    [InlineData("credit campaign-42 6000 2026-12-31..2026-11-01", "/ttmetrics credit campaign-42 6000 2026-11-01..2026-12-31")]
    [InlineData("credit campaign-42 lots", "/ttmetrics credit campaign-42 6000 2026-11-01..2026-12-31")]
    [InlineData("campaign-42 by weather", "/ttmetrics campaign-42 by adgroup|ad|age|gender|placement|device")]
    [InlineData("campaign-42 2026-11-20..2026-11-01", "/ttmetrics campaign-42 2026-11-01..2026-11-20")]
    [InlineData("alias onlyone", "/ttmetrics alias black-friday campaign-42")]
    [InlineData("trnds conversions 90d", "/ttmetrics trends [conversions|leads|app|reach|traffic|video] [90d] [campaigns]")]
    [InlineData("alrts off", "/ttmetrics alerts [on [campaign-42 ...] [quiet 20:00-08:00] [Europe/Berlin] | off | check now | critical-in-quiet-hours on|off]")]
    [InlineData("uses 7100000000000000001", "/ttmetrics use <advertiser>")]
    public void Anything_else_says_what_went_wrong_and_what_to_type_instead(string text, string suggestion)
    {
        var invalid = Assert.IsType<MetricsCommand.Invalid>(CommandParser.Parse(text));

        Assert.Equal(suggestion, invalid.Suggestion);
        Assert.False(string.IsNullOrWhiteSpace(invalid.Problem));
    }

    [Fact]
    public void The_help_text_lists_every_command_form_from_the_same_definitions()
    {
        var help = CommandParser.HelpText();

        Assert.All(CommandParser.Definitions, d => Assert.Contains($"`/ttmetrics {d.Usage}`", help));
    }

    [Fact]
    public void Generated_text_never_throws_and_always_parses_to_a_command()
    {
        var random = new Random(11);
        var refusals = 0;
        string[] pieces = ["campaign-42", "fix", "by", "age", "target", "credit", "alias", "min", "7d", "2026-11-01..2026-11-20", "\"", "<!channel>",
            "..", "-1", "999999999999999999999999", "\u202e", "💥", "", " ", "\t", "cpa", "list", "help", "2026-02-30..2026-03-01"];
        for (var i = 0; i < 20_000; i++)
        {
            var text = string.Join(' ', Enumerable.Range(0, random.Next(0, 9)).Select(_ => random.Next(5) == 0
                ? new string(Enumerable.Range(0, random.Next(0, 12)).Select(_ => (char)random.Next(0x20, 0x2FFF)).ToArray())
                : pieces[random.Next(pieces.Length)]));

            // A refusal is usable: it says what went wrong and what to type instead.
            if (CommandParser.Parse(text) is MetricsCommand.Invalid invalid)
            {
                Assert.False(string.IsNullOrWhiteSpace(invalid.Problem), text);
                Assert.False(string.IsNullOrWhiteSpace(invalid.Suggestion), text);
                refusals++;
            }
        }

        // The generator reaches the refusals, so the check above ran on many of them.
        Assert.True(refusals > 1_000, $"only {refusals} refusals");
        Assert.IsType<MetricsCommand.Invalid>(CommandParser.Parse(new string('x', CommandParser.MaxLength + 1)));
    }
}
