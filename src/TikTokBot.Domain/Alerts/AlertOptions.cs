namespace TikTokBot.Domain.Alerts;

/// <summary>
/// Configuration <c>Alerts:*</c>: when a scan speaks up. Rulebook figures (DOMAIN.md sections 5 and 6) unless said
/// to be a project default.
/// </summary>
public sealed class AlertOptions
{
    public const string SectionName = "Alerts";

    /// <summary>How often each workspace's campaigns are scanned.</summary>
    public TimeSpan ScanEvery { get; set; } = TimeSpan.FromMinutes(60);

    /// <summary>At most this many alerts a channel a day; the rest go into one summary (project default).</summary>
    public int MaxPerChannelPerDay { get; set; } = 10;

    /// <summary>
    /// An alert claimed but not posted this long ago (Slack refused it, or the scan died) is tried again by the next scan
    /// that still finds it (project default).
    /// </summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Spend without conversions: today's spend reaches this many times the target cost per result.</summary>
    public decimal SpendWithoutConversionsTargetMultiple { get; set; } = 2m;

    /// <summary>Meaningful spend when no target is set, in the account currency.</summary>
    public decimal MeaningfulSpendWithoutTarget { get; set; } = 50m;

    /// <summary>Real-time cost per result at or above this multiple of the target (after meaningful spend).</summary>
    public decimal CostPerResultTargetMultiple { get; set; } = 1.5m;

    /// <summary>Real-time cost per result at or above this multiple of the 7-day average (after meaningful spend).</summary>
    public decimal CostPerResultAverageMultiple { get; set; } = 1.5m;

    /// <summary>The averages compare today against this many full days before it.</summary>
    public int AverageDays { get; set; } = 7;

    /// <summary>CTR today at or below this share of the 7-day CTR is a drop.</summary>
    public decimal CtrDropShare { get; set; } = 0.5m;

    /// <summary>Today's CTR is only judged after this many impressions today (as the diagnosis rules).</summary>
    public long CtrMinimumImpressions { get; set; } = 1000;

    /// <summary>Frequency at or above this is a warning (fatigue starts).</summary>
    public decimal FrequencyWarning { get; set; } = 3m;

    /// <summary>Frequency at or above this is an alert.</summary>
    public decimal FrequencyAlert { get; set; } = 4m;

    /// <summary>A daily budget projected to run out before this advertiser-local time is spending too fast (project default).</summary>
    public TimeOnly BudgetRunsOutBefore { get; set; } = new(18, 0);

    /// <summary>Budget pace is only judged this many hours into the advertiser's day: earlier the pace is noise (project default).</summary>
    public int BudgetPaceMinimumHours { get; set; } = 2;

    /// <summary>Ad credit projected to run out within this many days at the recent burn rate.</summary>
    public int CreditRunsOutWithinDays { get; set; } = 3;

    /// <summary>Learning limited: the campaign's day of learning from which too few conversions is reported.</summary>
    public int LearningLimitedDay { get; set; } = 7;

    /// <summary>An ad group leaves learning after about this many conversions.</summary>
    public int LearningExitConversions { get; set; } = 50;

    /// <summary>An enabled campaign with no impressions for this many of the last hours of data (project default).</summary>
    public int NoDeliveryHours { get; set; } = 2;
}
