using TikTokBot.Domain.Benchmarks;
using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Trends;

namespace TikTokBot.Domain.Standings;

/// <summary>One verdict per metric (DOMAIN.md section 8): the summary marks it and every rule reads it.</summary>
public enum Verdict
{
    /// <summary>No value: a dash.</summary>
    NoData,

    /// <summary>A value on too little volume (impressions, clicks, views) to judge.</summary>
    NotEnoughVolume,

    /// <summary>A value with nothing to hold it against (counts, or a rate without a line or history).</summary>
    Unjudged,
    Worse,
    Typical,
    Better,
}

/// <summary>Which yardstick decided a verdict, in the order of DOMAIN.md section 8.</summary>
public enum Basis
{
    None,

    /// <summary>The team's target for this very metric.</summary>
    Target,

    /// <summary>The account's quartiles over its comparable campaigns.</summary>
    Account,

    /// <summary>TikTok's published line or band (or a project default beside it).</summary>
    TikTok,

    /// <summary>A retention rate that fell sharply on the previous period (DOMAIN.md section 9).</summary>
    Trend,
}

/// <summary>
/// Where one metric of one campaign stands: its value, TikTok's line with its source, the account's quartiles with how
/// many campaigns are behind them, the team's target for this metric, the trend, and one verdict with what decided it.
/// </summary>
/// <param name="Account">The account's spread over its comparable campaigns; null without enough of them.</param>
/// <param name="AccountPosition">Where the value sits among them (a quarter only on a non-zero spread).</param>
/// <param name="Note">A watch note where TikTok's line and the account disagree, or why a trend decided; null otherwise.</param>
public sealed record MetricStanding(
    MetricId Metric,
    decimal? Value,
    Benchmark? TikTok,
    MetricBenchmark? Account,
    AccountStanding AccountPosition,
    decimal? Target,
    Trend Trend,
    Verdict Verdict,
    Basis DecidedBy,
    string? Note = null)
{
    public MetricDefinition Definition => MetricCatalogue.Get(Metric);

    public bool IsWorse => Verdict == Verdict.Worse;

    public bool TypicalOrBetter => Verdict is Verdict.Typical or Verdict.Better;

    /// <summary>Whether the value is past TikTok's floor (a problem whatever the account says).</summary>
    public bool BeyondFloor => Value is { } v && TikTok?.Floor is { } floor && StandingJudge.WorseThan(Metric, v, floor);

    /// <summary>What TikTok's floor for this metric is called: CTR's review line, frequency's fatigue point, ROAS's break-even.</summary>
    public string FloorName => Metric switch
    {
        MetricId.Frequency => "fatigue point",
        MetricId.Roas => "break-even",
        _ => "TikTok's review line",
    };

    /// <summary>The yardstick that decided, as a finding's evidence and the summary name it: "your account's median (6 campaigns)".</summary>
    public string YardstickLabel => DecidedBy switch
    {
        Basis.Target => "target",
        Basis.Account when AccountPosition is AccountStanding.BottomQuarter or AccountStanding.TopQuarter =>
            $"your account's {(Definition.Better == BetterDirection.Lower ? (Verdict == Verdict.Worse ? "upper" : "lower") : (Verdict == Verdict.Worse ? "lower" : "upper"))} quartile ({Account!.Campaigns} campaigns)",
        Basis.Account => $"your account's median ({Account!.Campaigns} campaigns)",
        Basis.TikTok when BeyondFloor => FloorName,
        Basis.TikTok => TikTok?.Source == BenchmarkTable.ProjectSource ? "project default" : "TikTok's benchmark",
        Basis.Trend => "previous period",
        _ => "",
    };

    /// <summary>The figure of <see cref="YardstickLabel"/>: the target, the quartile or median, TikTok's line, or last period's value.</summary>
    public decimal? YardstickValue => DecidedBy switch
    {
        Basis.Target => Target,
        Basis.Account when AccountPosition is AccountStanding.BottomQuarter or AccountStanding.TopQuarter =>
            (Definition.Better == BetterDirection.Lower) == (Verdict == Verdict.Worse) ? Account!.UpperQuartile : Account!.LowerQuartile,
        Basis.Account => Account!.Median,
        Basis.TikTok when BeyondFloor => TikTok!.Floor,
        Basis.TikTok => StandingJudge.WorseEdge(this),
        _ => null,
    };
}

/// <summary>Every metric's standing for one campaign and period, indexed by metric.</summary>
public sealed class CampaignStandings
{
    private readonly MetricStanding[] _standings;

    internal CampaignStandings(MetricStanding[] standings, AccountBenchmark? account)
    {
        _standings = standings;
        Account = account;
    }

    public MetricStanding this[MetricId metric] => _standings[(int)metric];

    public IReadOnlyList<MetricStanding> All => _standings;

    /// <summary>The account's benchmark the standings were judged with; null or without enough history: TikTok's lines only.</summary>
    public AccountBenchmark? Account { get; }

    public bool UsedAccount => Account is { EnoughHistory: true };
}
