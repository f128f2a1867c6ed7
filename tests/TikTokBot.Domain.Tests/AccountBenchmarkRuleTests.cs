using TikTokBot.Domain.Benchmarks;
using TikTokBot.Domain.Diagnosis;
using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Objectives;
using static TikTokBot.Domain.Tests.Scenario;

namespace TikTokBot.Domain.Tests;

/// <summary>
/// The CTR, CPM and CPC rules judged against the account's own benchmark first: TikTok's average becomes the account's
/// median, the worse edge of TikTok's range (or its warning level) the account's worse quartile. Each account campaign has
/// 10,000 impressions, so its spend in dollars is its CPM / 10 and its clicks its CTR x 10,000. The judged campaign is the
/// scenario's: CTR 1.00%, CPM $8.00, CPC $0.80, CVR 2.50% of clicks, 0.025% of impressions, CPA $32.
/// </summary>
public sealed class AccountBenchmarkRuleTests
{
    private static CampaignHistory Past(int i, decimal spend, long clicks, long conversions = 5) =>
        new("A1", $"c{i}", $"c{i}", Objective.WebsiteConversions, new DateOnly(2026, 9, 1),
            new ScopeTotals(new RawTotals { Impressions = 10_000, Spend = spend, DestinationClicks = clicks, AllClicks = clicks * 2, Conversions = conversions }, 5_000));

    private static AccountBenchmark Account(params CampaignHistory[] campaigns) =>
        AccountBenchmarks.For("A1", Objective.WebsiteConversions, "1800000000000042", campaigns, new AccountBenchmarkOptions());

    private static Finding? Rule(string id, RawTotals current, AccountBenchmark? account, decimal target = 40m) =>
        new CampaignEngine(new DiagnosisOptions()).Diagnose(Facts(current, criteria: new SuccessCriteria(target, 20)), account).Findings
            .SingleOrDefault(f => f.RuleId == id);

    [Fact]
    public void Weak_hook_fires_below_the_accounts_median_ctr_though_above_tiktoks_average()
    {
        // CTR 1.00% clears TikTok's 0.61%. The account's 120, 150, 180 clicks of 10,000: 1.2%, 1.5%, 1.8%, median 1.5%.
        var account = Account(Past(1, 50m, 120), Past(2, 50m, 150), Past(3, 50m, 180));
        Assert.Null(Rule("weak-hook", Healthy, null));

        var finding = Rule("weak-hook", Healthy, account)!;

        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal((0.01m, 0.015m, "your account's median (3 campaigns)"), (finding.Evidence[0].Value, finding.Evidence[0].Reference, finding.Evidence[0].ReferenceLabel));
        Assert.StartsWith("The click-through rate is below your account's median (3 campaigns):", finding.Cause);
    }

    [Fact]
    public void Weak_hook_stays_quiet_above_the_accounts_median_though_below_tiktoks_average()
    {
        // 500 clicks of 100,000: 0.50%, under TikTok's 0.61%. The account's 30, 40, 45 clicks: 0.3%, 0.4%, 0.45%, median 0.4%.
        var current = Healthy with { DestinationClicks = 500 };
        var onTikTok = Rule("weak-hook", current, null)!;
        Assert.Equal((0.0061m, "platform average"), (onTikTok.Evidence[0].Reference, onTikTok.Evidence[0].ReferenceLabel));
        Assert.StartsWith("The click-through rate is below the platform average:", onTikTok.Cause);

        Assert.Null(Rule("weak-hook", current, Account(Past(1, 50m, 30), Past(2, 50m, 40), Past(3, 50m, 45))));
    }

    [Fact]
    public void Weak_hook_below_tiktoks_review_floor_is_severe_whatever_the_account_gets()
    {
        // 250 clicks of 100,000: 0.25%, under the 0.3% review floor. Above an account median of 0.2% (15, 20, 30 clicks) it
        // does not fire; under a median of 0.4% (30, 40, 45 clicks) it fires, and severely, as on TikTok's figures.
        var current = Healthy with { DestinationClicks = 250 };
        Assert.Null(Rule("weak-hook", current, Account(Past(1, 50m, 15), Past(2, 50m, 20), Past(3, 50m, 30))));

        var finding = Rule("weak-hook", current, Account(Past(1, 50m, 30), Past(2, 50m, 40), Past(3, 50m, 45)))!;
        Assert.Equal(Severity.Critical, finding.Severity);
        Assert.Equal((0.003m, "needs review below"), (finding.Evidence[0].Reference, finding.Evidence[0].ReferenceLabel));
    }

    [Fact]
    public void Impressions_dearer_than_the_accounts_upper_quartile_cpm_are_low_delivery_within_tiktoks_range()
    {
        // CPM $8.00 is inside TikTok's $1.82..$9.16. The account's CPMs $4, $5, $6, $7 (spend 40..70): upper quartile at
        // position 3 x 0.75 = 2.25, so 6 + 0.25 x 1 = $6.25.
        var account = Account(Past(1, 40m, 100), Past(2, 50m, 100), Past(3, 60m, 100), Past(4, 70m, 100));
        Assert.Null(Rule("low-delivery", Healthy, null));

        var finding = Rule("low-delivery", Healthy, account)!;

        var cpm = Assert.Single(finding.Evidence, e => e.Label == "CPM");
        Assert.Equal((8m, 6.25m, "your account's upper quartile (4 campaigns)"), (cpm.Value, cpm.Reference, cpm.ReferenceLabel));
    }

    [Fact]
    public void Impressions_dear_by_tiktoks_range_but_ordinary_for_the_account_are_not_low_delivery()
    {
        // Spend $1,200 on 100,000 impressions: CPM $12, above TikTok's $9.16. The account's $10, $12, $14, $16: upper quartile
        // 14 + 0.25 x 2 = $14.50.
        var current = Healthy with { Spend = 1_200m };
        var onTikTok = Rule("low-delivery", current, null)!;
        Assert.Equal((9.16m, "top of the CPM range"), (onTikTok.Evidence[1].Reference, onTikTok.Evidence[1].ReferenceLabel));

        Assert.Null(Rule("low-delivery", current, Account(Past(1, 100m, 100), Past(2, 120m, 100), Past(3, 140m, 100), Past(4, 160m, 100))));
    }

    [Fact]
    public void What_the_budget_should_buy_is_priced_at_the_accounts_upper_quartile_cpm()
    {
        // $100 a day for 7 days at the account's $14.50 buys floor(700 / 14.50 x 1000) = 48,275 impressions; 80% is 38,620.
        // 40,000 impressions (CPM $20, over the quartile too) fall short of TikTok's floor(700 / 9.16 x 1000) = 76,419 x 80%
        // = 61,135, but not of the account's.
        var account = Account(Past(1, 100m, 100), Past(2, 120m, 100), Past(3, 140m, 100), Past(4, 160m, 100));
        var facts = Facts(Healthy with { Impressions = 40_000 }, reach: 20_000, dailyBudget: 100m);
        var engine = new CampaignEngine(new DiagnosisOptions());

        var onTikTok = engine.Diagnose(facts, null).Findings.Single(f => f.RuleId == "low-delivery");
        var onAccount = engine.Diagnose(facts, account).Findings.Single(f => f.RuleId == "low-delivery");

        Assert.Equal((76_419m, "what the budget buys at the top of the CPM range"), (onTikTok.Evidence[0].Reference, onTikTok.Evidence[0].ReferenceLabel));
        Assert.Equal((48_275m, "what the budget buys at your account's upper quartile (4 campaigns)"), (onAccount.Evidence[0].Reference, onAccount.Evidence[0].ReferenceLabel));
    }

    [Fact]
    public void Clicks_dearer_than_the_accounts_upper_quartile_are_expensive_under_tiktoks_warning_level()
    {
        // CPC $0.80 is under TikTok's $2.50. The account's $0.40, $0.50, $0.60 a click (spend 40..60, 100 clicks): upper
        // quartile at 1.5 = $0.55. Its CVRs 4%, 5%, 6% (median 5%) make the campaign's 2.50% not strong enough to pay for it.
        var account = Account(Past(1, 40m, 100, 4), Past(2, 50m, 100, 5), Past(3, 60m, 100, 6));
        Assert.Null(Rule("expensive-clicks", Healthy, null));

        var finding = Rule("expensive-clicks", Healthy, account)!;

        Assert.Equal((0.8m, 0.55m, "your account's upper quartile (3 campaigns)"), (finding.Evidence[0].Value, finding.Evidence[0].Reference, finding.Evidence[0].ReferenceLabel));
        Assert.Equal((0.05m, "your account's median (3 campaigns)"), (finding.Evidence[1].Reference, finding.Evidence[1].ReferenceLabel));
        Assert.StartsWith("Each destination click costs more than your account's upper quartile (3 campaigns),", finding.Cause);
    }

    [Fact]
    public void Clicks_over_tiktoks_warning_level_are_not_expensive_for_an_account_that_always_pays_that()
    {
        // Spend $3,000 over 1,000 clicks: $3.00 a click, over TikTok's $2.50, and 15 conversions (1.50%) under its 1.92%.
        // The account's $3.00, $3.50, $4.00 a click: upper quartile $3.75.
        var current = Healthy with { Spend = 3_000m, Conversions = 15 };
        var onTikTok = Rule("expensive-clicks", current, null)!;
        Assert.Equal((2.5m, "warning level"), (onTikTok.Evidence[0].Reference, onTikTok.Evidence[0].ReferenceLabel));
        Assert.StartsWith("Each destination click costs more than the warning level,", onTikTok.Cause);

        Assert.Null(Rule("expensive-clicks", current, Account(Past(1, 300m, 100, 1), Past(2, 350m, 100, 1), Past(3, 400m, 100, 1))));
    }

    [Fact]
    public void Cost_per_conversion_above_target_works_back_through_the_accounts_ctr_and_cpc()
    {
        // CPA $32 over a $20 target. The account's CTR 1%, 1.5%, 2% (median 1.5%) and CPC $0.40, $0.33, $0.30 (upper
        // quartile at 1.5 between $0.333 and $0.40: $0.3667 to four places).
        var account = Account(Past(1, 40m, 100), Past(2, 50m, 150), Past(3, 60m, 200));
        var finding = Rule("cpa-above-target", Healthy, account, target: 20m)!;

        var ctr = Assert.Single(finding.Evidence, e => e.Label == "CTR (destination)");
        Assert.Equal((0.015m, "your account's median (3 campaigns)"), (ctr.Reference, ctr.ReferenceLabel));
        var cpc = Assert.Single(finding.Evidence, e => e.Label == "CPC (destination)");
        Assert.Equal(0.3667m, Math.Round(cpc.Reference!.Value, 4));
        Assert.Equal("your account's upper quartile (3 campaigns)", cpc.ReferenceLabel);
        Assert.Contains("($0.80, your account's upper quartile (3 campaigns) $0.37)", finding.Fixes[1].Action);

        var onTikTok = Rule("cpa-above-target", Healthy, null, target: 20m)!;
        Assert.Contains("($0.80, range up to $1.00)", onTikTok.Fixes[1].Action);
    }

    [Fact]
    public void Top_of_funnel_fires_below_the_accounts_median_impressions_cvr()
    {
        // 25 conversions per 100,000 impressions: 0.025%, above the project's 0.0117%. The account's 4, 5, 6 of 10,000
        // impressions (0.04%, 0.05%, 0.06%: median 0.05%) over 200 clicks (2%, 2.5%, 3%: median 2.5%, which 2.50% meets).
        var account = Account(Past(1, 50m, 200, 4), Past(2, 50m, 200, 5), Past(3, 50m, 200, 6));
        Assert.Null(Rule("top-of-funnel", Healthy, null));

        var finding = Rule("top-of-funnel", Healthy, account)!;

        Assert.Equal((0.00025m, 0.0005m, "your account's median (3 campaigns)"), (finding.Evidence[0].Value, finding.Evidence[0].Reference, finding.Evidence[0].ReferenceLabel));
    }

    [Theory]
    [InlineData("weak-hook")]
    [InlineData("low-delivery")]
    [InlineData("expensive-clicks")]
    public void Two_campaigns_are_not_enough_history_and_each_rule_judges_by_tiktoks_figure(string rule)
    {
        // With a third campaign (CTR 2%, CPM $6, CPC $0.30, CVR 3%) each rule fires: median CTR 1.5%, upper-quartile CPM
        // $5.50, upper-quartile CPC $0.37 with a median CVR of 3.3%. Two are not enough, and TikTok's figures clear the campaign.
        var account = Account(Past(1, 40m, 100, 4), Past(2, 50m, 150, 5));

        Assert.False(account.EnoughHistory);
        Assert.Null(Rule(rule, Healthy, account));
        Assert.NotNull(Rule(rule, Healthy, Account(Past(1, 40m, 100, 4), Past(2, 50m, 150, 5), Past(3, 60m, 200, 6))));
    }
}
