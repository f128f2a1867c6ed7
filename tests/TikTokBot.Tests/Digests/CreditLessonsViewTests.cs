using TikTokBot.Digests;
using TikTokBot.Domain.Benchmarks;
using TikTokBot.Domain.Credit;
using TikTokBot.Domain.Learning;
using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Objectives;
using TikTokBot.Slack.BlockKit;
using TikTokBot.TikTok.Sources;
using static TikTokBot.Digests.DigestBuilder;

namespace TikTokBot.Tests.Digests;

/// <summary>
/// The end of a credit window in the digest: what the credit bought, beside the account's medians. The account's other
/// conversion campaigns spent $500, $600 and $750 for 20 conversions each over 1,000 clicks: median $30.00 a conversion, 2.00% CVR.
/// </summary>
public sealed class CreditLessonsViewTests
{
    private static readonly DateOnly Day = new(2026, 11, 30);

    private static AccountBenchmark Account(int campaigns) =>
        AccountBenchmarks.For("A1", Objective.WebsiteConversions, "1800000000000046",
            new[] { 500m, 600m, 750m }.Take(campaigns).Select((spend, i) => new CampaignHistory("A1", $"c{i}", $"c{i}", Objective.WebsiteConversions, new DateOnly(2026, 9, 1),
                new ScopeTotals(new RawTotals { Impressions = 100_000, Spend = spend, DestinationClicks = 1_000, Conversions = 20 }))),
            new AccountBenchmarkOptions());

    private static string Bought(AccountBenchmark account)
    {
        static NamedTotals Named(string name, decimal spend, long clicks, long conversions) =>
            new(name, new ScopeTotals(new RawTotals { Spend = spend, DestinationClicks = clicks, Conversions = conversions }));
        // Hook B: $300 / 12 = $25.00 a conversion. 25-34: 12 of 300 clicks, 4.00%. The page: 18 of 900 clicks, 2.00%.
        var lessons = CreditLessons.From(
            [Named("Hook A", 400m, 500, 10), Named("Hook B", 300m, 400, 12)], [Named("18-24", 300m, 600, 6), Named("25-34", 300m, 300, 12)],
            new ScopeTotals(new RawTotals { Spend = 700m, DestinationClicks = 900, Conversions = 18 }), new CreditWindowOptions(), account);
        var campaign = new CampaignInfo("1800000000000046", "campaign-46 Black Friday Credit Test", "A1", "WEB_CONVERSIONS", Objective.WebsiteConversions, "ENABLE", 100m, new DateOnly(2026, 10, 1));
        var learning = LearningPhase.Assess(campaign.CreatedOn, Day, 400, 5_000m, false, 6m, new LearningPhaseOptions());
        var digest = new CampaignDigest(campaign, Day, [], learning, null, lessons, null);
        var section = Assert.Single(Assert.Single(DigestView.Messages([digest], Day)).Blocks!.OfType<SectionBlock>());
        return Assert.Single(section.Text!.Text.Split('\n'), l => l.StartsWith("What the credit bought", StringComparison.Ordinal));
    }

    [Fact]
    public void Each_lesson_says_how_far_it_is_from_the_accounts_median()
    {
        // $25 against $30: (25 - 30) / 30 = 16.7% cheaper. 4% against 2%: 100% above. 2% against 2%: at the median.
        Assert.Equal(
            "What the credit bought: best ad Hook B at $25.00 per conversion (17% cheaper than your account's median $30.00); " +
            "most responsive audience 25-34 converting 4.00% (100% above your account's median 2.00%); " +
            "landing page CVR 2.00% (at your account's median 2.00%).",
            Bought(Account(3)));
    }

    [Fact]
    public void With_too_few_campaigns_the_lessons_stand_alone()
    {
        Assert.Equal(
            "What the credit bought: best ad Hook B at $25.00 per conversion; most responsive audience 25-34 converting 4.00%; landing page CVR 2.00%.",
            Bought(Account(2)));
    }
}
