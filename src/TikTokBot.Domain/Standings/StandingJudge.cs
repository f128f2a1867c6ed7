using System.Globalization;
using TikTokBot.Domain.Benchmarks;
using TikTokBot.Domain.Campaigns;
using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Trends;

namespace TikTokBot.Domain.Standings;

/// <summary>
/// Works out every metric's standing once per campaign and period, by the precedence of DOMAIN.md section 8: the team's
/// target for the metric, else the account's quartiles (at least the minimum comparable campaigns), else TikTok's line;
/// where the account and TikTok disagree, TikTok's floor and strong line bound the verdict.
/// </summary>
public static class StandingJudge
{
    private static readonly MetricId[] Retention = [MetricId.VideoCompletionRate, MetricId.SixSecondViewRate, MetricId.AverageWatchTime];

    /// <param name="account">The account's benchmark for the campaign's objective (the campaign left out); null: TikTok's lines only.</param>
    public static CampaignStandings For(CampaignFacts facts, BenchmarkTable table, DiagnosisOptions options, AccountBenchmark? account)
    {
        var usable = account is { EnoughHistory: true } ? account : null;
        var factor = UnitsPerUsDollar(options, facts.Campaign.Currency);
        var profile = facts.Profile;
        var targetMetric = facts.Criteria is null ? (MetricId?)null : facts.Criteria.Metric ?? profile.CostPerOutcome;
        var all = new MetricStanding[MetricCatalogue.All.Count];
        foreach (var definition in MetricCatalogue.All)
        {
            var id = definition.Id;
            var value = facts.Current.Value(id);
            var tiktok = table.For(id, profile, facts.Campaign.OptimisesForPurchase);
            if (tiktok is not null && definition.Unit == MetricUnit.Money)
                tiktok = tiktok.Scaled(factor);
            // A target on cost per conversion is the target of the same cost counted live.
            var target = targetMetric == id || (targetMetric == MetricId.CostPerConversion && id == MetricId.RealTimeCostPerConversion)
                ? facts.Criteria!.TargetCostPerOutcome
                : (decimal?)null;
            var own = usable?.For(id);
            var position = usable is null || value is not { } v0 ? AccountStanding.NotEnoughHistory
                : AccountBenchmarks.Standing(usable, id, v0, options.Rules.AccountMarginPercent);
            var trend = Trend.Compare(id, value, facts.Previous?.Value(id), "", options.Trends);
            var standing = new MetricStanding(id, value, tiktok, own, position, target, trend, Verdict.NoData, Basis.None);
            all[(int)id] = value is null ? standing
                : !EnoughVolume(id, facts.Current.Counts, options.Rules) ? standing with { Verdict = Verdict.NotEnoughVolume }
                : Judge(standing, facts, options);
        }

        return new CampaignStandings(all, usable);
    }

    /// <summary>Units of the campaign's currency per US dollar, for TikTok's lines quoted in dollars (1 when not configured).</summary>
    public static decimal UnitsPerUsDollar(DiagnosisOptions options, string currency) =>
        options.UnitsPerUsDollar.TryGetValue(Money.Currency.Of(currency).Code, out var rate) && rate > 0 ? rate : 1m;

    /// <summary>Whether <paramref name="value"/> is on the worse side of <paramref name="line"/> (for a neutral metric, above it).</summary>
    public static bool WorseThan(MetricId metric, decimal value, decimal line) =>
        MetricCatalogue.Get(metric).Better == BetterDirection.Higher ? value < line : value > line;

    public static bool BetterThan(MetricId metric, decimal value, decimal line) =>
        MetricCatalogue.Get(metric).Better switch
        {
            BetterDirection.Higher => value > line,
            BetterDirection.Lower => value < line,
            _ => false,
        };

    /// <summary>TikTok's line past which a value is worse: the warning level where one is set, else the band's worse edge.</summary>
    public static decimal? WorseEdge(MetricStanding standing) => standing.TikTok is not { } line ? null
        : line.WorseBeyond ?? (standing.Definition.Better == BetterDirection.Higher ? line.Low : line.High);

    private static bool EnoughVolume(MetricId metric, RawTotals counts, Diagnosis.RuleOptions rules) => metric switch
    {
        MetricId.Ctr or MetricId.Cpm or MetricId.CvrImpressions or MetricId.Frequency or MetricId.CpcDestination or MetricId.DestinationShareOfClicks
            => counts.Impressions >= rules.MinimumImpressions,
        MetricId.CvrClicks or MetricId.RealTimeCvr => counts.DestinationClicks >= rules.MinimumDestinationClicks,
        MetricId.VideoCompletionRate or MetricId.SixSecondViewRate or MetricId.AverageWatchTime => counts.VideoViews >= rules.MinimumVideoViews,
        _ => true,
    };

    /// <summary>A verdict, what decided it, and the note beside it: worked out before the standing is built, so it is built once.</summary>
    private readonly record struct Judgement(Verdict Verdict, Basis DecidedBy, string? Note = null);

    private static MetricStanding Judge(MetricStanding s, CampaignFacts facts, DiagnosisOptions options)
    {
        var value = s.Value!.Value;
        Judgement judged;
        if (s.Target is { } target)
        {
            judged = new(WorseThan(s.Metric, value, target) ? Verdict.Worse : BetterThan(s.Metric, value, target) ? Verdict.Better : Verdict.Typical, Basis.Target);
        }
        else
        {
            judged = ByAccount(s, facts.Campaign.Currency, options.Rules.AccountMarginPercent) ?? ByTikTok(s) ?? new(Verdict.Unjudged, Basis.None);
            judged = RetentionFell(s, judged, facts, options) ?? judged;
        }

        return s with { Verdict = judged.Verdict, DecidedBy = judged.DecidedBy, Note = judged.Note };
    }

    private static Judgement? ByAccount(MetricStanding s, string currency, decimal marginPercent)
    {
        if (s.Account is not { } own || s.Definition.Better == BetterDirection.Neutral)
            return null;
        // Without a spread the account cannot rank a value off its median: at the median is typical, always; any other
        // value is left to TikTok's line.
        var spread = AccountBenchmarks.HasSpread(own, marginPercent);
        Verdict? verdict = s.AccountPosition switch
        {
            AccountStanding.BottomQuarter => Verdict.Worse,
            AccountStanding.TopQuarter => Verdict.Better,
            AccountStanding.AtMedian => Verdict.Typical,
            AccountStanding.BelowMedian or AccountStanding.AboveMedian when spread => Verdict.Typical,
            _ => null,
        };
        if (verdict is not { } v)
            return null;
        if (s.TikTok is not { } line)
            return new(v, Basis.Account);
        var value = s.Value!.Value;
        if (line.Floor is { } floor && WorseThan(s.Metric, value, floor))
            return new(Verdict.Worse, Basis.TikTok, WorseThan(s.Metric, own.Median, floor) ? "low across your whole account" : null);
        if (v == Verdict.Worse && line.Strong is { } strong && BetterThan(s.Metric, value, strong))
            return new(Verdict.Typical, Basis.Account, "below your account's usual");
        if (v == Verdict.Typical && ByTikTok(s) is { Verdict: Verdict.Worse })
            return new(v, Basis.Account, $"past TikTok's {MetricFormat.Format(WorseEdge(s), s.Definition.Unit, currency)} line, like most of your campaigns");
        return new(v, Basis.Account);
    }

    private static Judgement? ByTikTok(MetricStanding s)
    {
        if (s.TikTok is not { } line)
            return null;
        var value = s.Value!.Value;
        var worse = WorseEdge(s);
        var better = s.Definition.Better switch
        {
            BetterDirection.Higher => line.High,
            BetterDirection.Lower => line.Low,
            _ => null,
        };
        var verdict = worse is { } w && WorseThan(s.Metric, value, w) ? Verdict.Worse
            : better is { } b && BetterThan(s.Metric, value, b) ? Verdict.Better
            : Verdict.Typical;
        return new(verdict, Basis.TikTok);
    }

    /// <summary>A retention rate down sharply on the previous period, on enough views, is worse whatever its level (DOMAIN.md section 9).</summary>
    private static Judgement? RetentionFell(MetricStanding s, Judgement judged, CampaignFacts facts, DiagnosisOptions options)
    {
        if (judged.Verdict == Verdict.Worse || !Retention.Contains(s.Metric) || facts.Current.Counts.VideoViews < options.Rules.RetentionDropMinimumViews ||
            s.Trend.ChangePercent is not { } change || change > -options.Rules.RetentionDropPercent)
        {
            return null;
        }

        return new(Verdict.Worse, Basis.Trend, string.Create(CultureInfo.InvariantCulture, $"down {-change:0}% on the previous period"));
    }
}
