namespace TikTokBot.Domain.Diagnosis;

/// <summary>
/// Thresholds of the diagnosis rules that are the project's own choice (configuration <c>Diagnosis:Rules</c>).
/// Published figures (CTR, CPC, CVR, frequency) live in <see cref="Benchmarks.BenchmarkOptions"/>.
/// </summary>
public sealed class RuleOptions
{
    /// <summary>Rates built on fewer impressions than this are noise and are not judged.</summary>
    public long MinimumImpressions { get; set; } = 1000;

    /// <summary>Clicks-based rates need at least this many destination clicks to be judged.</summary>
    public long MinimumDestinationClicks { get; set; } = 100;

    /// <summary>"Meaningful spend" with a target: this many times the target CPA.</summary>
    public decimal MeaningfulSpendTargetMultiple { get; set; } = 2m;

    /// <summary>"Meaningful spend" when no target is set, in the account currency.</summary>
    public decimal MeaningfulSpendWithoutTarget { get; set; } = 50m;

    /// <summary>Low delivery: the campaign spent less than this share of the budget of its enabled days (DOMAIN.md section 9).</summary>
    public decimal LowDeliverySpentSharePercent { get; set; } = 80m;

    /// <summary>Video rates (completion, 6-second, watch time) built on fewer video views than this are noise and are not judged.</summary>
    public long MinimumVideoViews { get; set; } = 1000;

    /// <summary>"Viewers leave early": a retention rate down at least this much on the previous period...</summary>
    public decimal RetentionDropPercent { get; set; } = 20m;

    /// <summary>...with at least this many video views in the period.</summary>
    public long RetentionDropMinimumViews { get; set; } = 10_000;

    /// <summary>Without a ROAS target, a sales campaign returning less than this per unit spent (after meaningful spend) is a problem.</summary>
    public decimal BreakEvenRoas { get; set; } = 1m;

    /// <summary>
    /// Against the account, differences within this percentage of its median are ties: a value that close to a quartile is
    /// not beyond it, and quartiles that close are no spread to rank by (the account then leaves the verdict to TikTok's line).
    /// </summary>
    public decimal AccountMarginPercent { get; set; } = 1m;

    /// <summary>A fall against the previous period counts once it is at least this large (fatigue, scaling, real-time).</summary>
    public decimal DeclinePercent { get; set; } = 10m;

    /// <summary>Call-to-action problem: destination clicks below this share of all clicks.</summary>
    public decimal MinimumDestinationSharePercent { get; set; } = 30m;

    /// <summary>A campaign this many days old or younger is "new" for the real-time rules.</summary>
    public int NewCampaignDays { get; set; } = 7;

    /// <summary>Real-time CVR is compared over this many most recent days against the days before.</summary>
    public int RecentDays { get; set; } = 3;

    /// <summary>Real-time CVR "falling": the recent days are at least this much below the earlier days.</summary>
    public decimal RealTimeCvrDropPercent { get; set; } = 20m;

    /// <summary>CPA above target becomes critical at this multiple of the target.</summary>
    public decimal CriticalCpaMultiple { get; set; } = 2m;
}
