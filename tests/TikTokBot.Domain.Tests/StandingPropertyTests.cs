using CsCheck;
using TikTokBot.Domain.Benchmarks;
using TikTokBot.Domain.Campaigns;
using TikTokBot.Domain.Diagnosis;
using TikTokBot.Domain.Funnel;
using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Objectives;
using TikTokBot.Domain.Standings;

namespace TikTokBot.Domain.Tests;

/// <summary>
/// The invariants of issue 28, each over at least 200 generated accounts of 1 to 30 campaigns (CsCheck shrinks a failure to
/// the smallest account that breaks it). The first campaign of an account is the one judged; the rest are its history.
/// </summary>
public sealed class StandingPropertyTests
{
    private const int Accounts = 200;

    private static readonly DateRange Week = new(new DateOnly(2026, 11, 24), new DateOnly(2026, 11, 30));
    private static readonly DateOnly Today = new(2026, 12, 1);
    private static readonly CampaignEngine Engine = new(new DiagnosisOptions());
    private static readonly CampaignEngine YenEngine = new(new DiagnosisOptions { UnitsPerUsDollar = { ["JPY"] = 150m } });

    /// <summary>One campaign's week as a TikTok ads person would recognise it: rates in plausible ranges, counts from them.</summary>
    private sealed record Spec(
        long Impressions, int CtrBp, int CpmCents, int CvrPermille, int AllClicksTimes, int ReachPct, int ViewPct, int SixPct, int CompletionPct,
        int PreviousCtrPct, int PreviousCompletionPct, int RoasPct, bool SameObjective)
    {
        public RawTotals Counts(decimal money = 1m, int ctrPct = 100, int completionPct = 100, int cvrPct = 100, int spendPct = 100)
        {
            var clicks = Impressions * CtrBp * ctrPct / 100 / 10_000;
            var spend = Math.Round(Impressions * CpmCents / 100m / 1000m, 2) * spendPct / 100m * money;
            var conversions = clicks * CvrPermille * cvrPct / 100 / 1000;
            var views = Impressions * ViewPct / 100;
            return new RawTotals
            {
                Impressions = Impressions, Spend = spend, DestinationClicks = clicks, AllClicks = clicks * AllClicksTimes,
                Conversions = conversions, RealTimeConversions = conversions * 9 / 10,
                VideoViews = views, VideoViews6s = views * SixPct / 100, VideoViewsP100 = Math.Min(views, views * CompletionPct * completionPct / 100 / 100),
                VideoPlaySeconds = views * 4, PurchaseValue = spend * RoasPct / 100m,
            };
        }

        public long Reach => Math.Max(1, Impressions * ReachPct / 100);

        public RawTotals Previous(decimal money = 1m) => (this with { CtrBp = Math.Max(1, CtrBp * PreviousCtrPct / 100), CompletionPct = Math.Max(1, CompletionPct * PreviousCompletionPct / 100) }).Counts(money);
    }

    private sealed record Account(Objective Objective, Spec[] Campaigns, int BudgetCase, int TargetCase, int LaunchDaysAgo, bool Purchase, bool Paused)
    {
        public Spec Judged => Campaigns[0];

        public override string ToString() =>
            $"{Objective}, {Campaigns.Length} campaigns, budget {BudgetCase}, target {TargetCase}, launched {LaunchDaysAgo} days ago, judged {Judged}";
    }

    private static readonly Gen<Spec> SpecGen = Gen.Select(
        Gen.Long[2_000, 400_000], Gen.Int[5, 300], Gen.Int[150, 2_500], Gen.Int[0, 60], Gen.Int[1, 5], Gen.Int[15, 100], Gen.Int[10, 60],
        Gen.Select(Gen.Int[5, 60], Gen.Int[1, 30], Gen.Int[50, 150], Gen.Int[40, 150], Gen.Int[0, 500], Gen.Int[0, 9]),
        (impressions, ctr, cpm, cvr, all, reach, view, rest) =>
            new Spec(impressions, ctr, cpm, cvr, all, reach, view, rest.Item1, rest.Item2, rest.Item3, rest.Item4, rest.Item5, rest.Item6 < 8));

    private static readonly Gen<Account> AccountGen = Gen.Select(
        Gen.Enum<Objective>(), SpecGen.Array[1, 30], Gen.Int[0, 3], Gen.Int[0, 3], Gen.Int[1, 120], Gen.Bool, Gen.Int[0, 9],
        (objective, campaigns, budget, target, launched, purchase, paused) => new Account(objective, campaigns, budget, target, launched, purchase, paused == 0));

    private static CampaignFacts Facts(Account a, RawTotals? current = null, decimal money = 1m, string currency = "USD")
    {
        var judged = a.Judged;
        var counts = current ?? judged.Counts(money);
        var facts = new CampaignFacts
        {
            Campaign = new Campaign("judged", "Judged", a.Objective, Today.AddDays(-a.LaunchDaysAgo), DailyBudget: Budget(a, counts), OptimisesForPurchase: a.Purchase,
                Currency: currency, Status: a.Paused ? CampaignStatus.Paused : CampaignStatus.Enabled, StatusSince: a.Paused ? new DateOnly(2026, 11, 28) : null),
            Period = Week,
            Current = new ScopeTotals(counts, judged.Reach),
            Previous = new ScopeTotals(judged.Previous(money), judged.Reach),
        };
        return facts with { Criteria = Criteria(a, facts, money) };
    }

    // None, a budget the campaign spent in full, one it spent 60% of, or one it spent 85% of.
    private static decimal? Budget(Account a, RawTotals counts) => a.BudgetCase switch
    {
        1 => Math.Round(counts.Spend / 7m, 4),
        2 => Math.Round(counts.Spend / 7m / 0.6m, 4),
        3 => Math.Round(counts.Spend / 7m / 0.85m, 4),
        _ => null,
    };

    // None, the objective's cost per result at 80% of today's, a CPC target at 120%, or a ROAS minimum of 2.
    private static SuccessCriteria? Criteria(Account a, CampaignFacts facts, decimal money) => a.TargetCase switch
    {
        1 when facts.Current.Value(facts.Profile.CostPerOutcome) is { } cost => new SuccessCriteria(Math.Round(cost * 0.8m / money, 4) * money, 10),
        2 when facts.Profile.WantsDestinationClicks && facts.Current.CpcDestination is { } cpc =>
            new SuccessCriteria(Math.Round(cpc * 1.2m / money, 4) * money, 10, MetricId.CpcDestination),
        3 when facts.Profile.Objective == Objective.WebsiteConversions => new SuccessCriteria(2m, 10, MetricId.Roas),
        _ => null,
    };

    private static AccountBenchmark History(Account a, decimal money = 1m) =>
        AccountBenchmarks.For("A1", a.Objective, "judged", a.Campaigns.Skip(1).Select((c, i) => new CampaignHistory("A1", $"c{i}", $"c{i}",
            c.SameObjective ? a.Objective : Objective.Traffic, new DateOnly(2026, 9, 1), new ScopeTotals(c.Counts(money), c.Reach))), new AccountBenchmarkOptions());

    private static CampaignRead Read(Account a) => Engine.Read(Facts(a), History(a), Today);

    private static void Check(Action<Account> assert) => AccountGen.Sample(assert, iter: Accounts, threads: 1, print: a => a.ToString());

    [Fact]
    public void A_value_at_the_accounts_median_is_never_worse_than_typical()
    {
        var judged = 0;
        Check(a =>
        {
            var history = History(a);
            foreach (var own in history.Metrics)
            {
                // The judged campaign made a copy of the peer that sits at the median (an odd count has one).
                var peers = a.Campaigns.Skip(1).Where(c => c.SameObjective || a.Objective == Objective.Traffic).ToArray();
                var atMedian = peers.FirstOrDefault(p => new ScopeTotals(p.Counts(), p.Reach).Value(own.Metric) == own.Median);
                if (atMedian is null)
                    continue;
                var copy = a with { Campaigns = [atMedian with { PreviousCtrPct = 100, PreviousCompletionPct = 100 }, .. a.Campaigns.Skip(1)], TargetCase = 0 };
                var standing = Engine.Standings(Facts(copy), history)[own.Metric];
                Interlocked.Increment(ref judged);
                Assert.True(standing.Verdict != Verdict.Worse || standing.BeyondFloor, $"{own.Metric} at the median {own.Median} is {standing.Verdict} by {standing.DecidedBy}");
            }
        });

        // Not vacuous: many accounts have a peer exactly at a median (an odd number of peers).
        Assert.True(judged >= Accounts, $"{judged} medians judged");
    }

    [Fact]
    public void No_quarter_label_without_a_spread()
    {
        Check(a =>
        {
            foreach (var s in Read(a).Standings.All)
            {
                if (s.AccountPosition is AccountStanding.BottomQuarter or AccountStanding.TopQuarter)
                    Assert.NotEqual(s.Account!.LowerQuartile, s.Account.UpperQuartile);
            }
        });
    }

    [Fact]
    public void A_metric_the_summary_marks_typical_or_better_carries_no_problem_finding()
    {
        Check(a =>
        {
            var read = Read(a);
            var marked = read.Summary.Stages.SelectMany(s => s.Readings).Where(r => r.Standing.TypicalOrBetter).Select(r => r.Metric.Id).ToHashSet();
            Assert.DoesNotContain(read.Diagnosis.Findings, f => f.IsProblem && f.Metric is { } m && marked.Contains(m));
        });
    }

    [Fact]
    public void Multiplying_every_money_figure_by_a_currency_factor_changes_no_finding()
    {
        Check(a =>
        {
            var dollars = Engine.Read(Facts(a), History(a), Today).Diagnosis.Findings;
            var yen = YenEngine.Read(Facts(a, money: 150m, currency: "JPY"), History(a, 150m), Today).Diagnosis.Findings;
            Assert.Equal(dollars.Select(f => (f.RuleId, f.Severity, f.Metric)), yen.Select(f => (f.RuleId, f.Severity, f.Metric)));
        });
    }

    [Theory]
    [InlineData(MetricId.Ctr)]
    [InlineData(MetricId.Cpm)]
    [InlineData(MetricId.CvrClicks)]
    [InlineData(MetricId.VideoCompletionRate)]
    public void Improving_one_metric_never_adds_a_finding_about_it(MetricId metric)
    {
        Check(a =>
        {
            var before = Engine.Read(Facts(a), History(a), Today).Diagnosis.Findings;
            var better = metric switch
            {
                MetricId.Ctr => a.Judged.Counts(ctrPct: 125),
                MetricId.Cpm => a.Judged.Counts(spendPct: 80),
                MetricId.CvrClicks => a.Judged.Counts(cvrPct: 130),
                _ => a.Judged.Counts(completionPct: 130),
            };
            var after = Engine.Read(Facts(a, better), History(a), Today).Diagnosis.Findings;
            int Worst(IEnumerable<Finding> findings) => findings.Where(f => f.Metric == metric).Select(f => (int)f.Severity + 1).DefaultIfEmpty(0).Max();
            Assert.True(Worst(after) <= Worst(before), $"{metric}: {string.Join(",", before.Select(f => f.RuleId))} -> {string.Join(",", after.Select(f => f.RuleId))}");
        });
    }

    [Fact]
    public void A_campaign_that_spends_its_budget_never_gets_delivery_is_low()
    {
        Check(a =>
        {
            var spent = a with { BudgetCase = a.BudgetCase % 2 == 0 ? 1 : 3 };
            Assert.DoesNotContain(Read(spent).Diagnosis.Findings, f => f.RuleId == "low-delivery");
        });
    }

    [Fact]
    public void A_video_first_campaign_never_gets_a_conversion_pixel_or_landing_page_finding()
    {
        var videoFirst = new[] { Objective.VideoViews, Objective.Awareness, Objective.CommunityEngagement };
        Check(a =>
        {
            var video = a with { Objective = videoFirst[a.LaunchDaysAgo % 3] };
            var findings = Read(video).Diagnosis.Findings;
            Assert.DoesNotContain(findings, f => f.Stage is FunnelStage.Conversion or FunnelStage.RealTime);
            Assert.DoesNotContain(findings.SelectMany(f => f.Fixes), fix => fix.Kind is FixKind.Tracking or FixKind.LandingPage);
            Assert.DoesNotContain(findings, f => f.RuleId is "spend-without-results" or "tracking-check" or "landing-page");
        });
    }

    [Fact]
    public void The_findings_do_not_depend_on_the_order_the_history_was_read_in()
    {
        // The history is read ahead in whatever order the source lists campaigns; an answer must not depend on it.
        Check(a =>
        {
            var reversed = a with { Campaigns = [a.Judged, .. a.Campaigns.Skip(1).Reverse()] };
            Assert.Equal(Read(a).Diagnosis.Findings.Select(f => (f.RuleId, f.Severity)), Read(reversed).Diagnosis.Findings.Select(f => (f.RuleId, f.Severity)));
        });
    }
}
