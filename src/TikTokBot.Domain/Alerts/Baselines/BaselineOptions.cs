namespace TikTokBot.Domain.Alerts.Baselines;

/// <summary>
/// Configuration <c>Alerts:Baselines:*</c>: when a campaign is judged against its own history instead of the fixed
/// <see cref="AlertOptions"/> thresholds. Every figure is a project default, checked on the replay bench
/// (bench/README.md, "Alert baselines replay").
/// </summary>
public sealed class BaselineOptions
{
    public const string SectionName = "Alerts:Baselines";

    /// <summary>
    /// Fewer earlier same weekdays with data than this: no baseline, and the fixed rules judge the campaign.
    /// Four weeks is the least that gives a range rather than a guess.
    /// </summary>
    public int MinimumWeeks { get; set; } = 4;

    /// <summary>The same weekday is looked up at most this many weeks back: older weeks describe another campaign.</summary>
    public int MaximumWeeks { get; set; } = 8;

    /// <summary>
    /// With at least this many weeks, the single lowest and highest week are dropped from the range, so one past outage
    /// or one sale day does not widen "usual" for the next two months.
    /// </summary>
    public int DropExtremeWeeksFrom { get; set; } = 6;

    /// <summary>Cumulative figures (spend, conversions, CTR so far today) fire when they leave the usual range by more than this share of its bound.</summary>
    public decimal Margin { get; set; } = 0.4m;

    /// <summary>
    /// The latest hours' spend fires when it falls below the usual lowest spend for those hours by more than this share:
    /// 0.8 means below a fifth of the quietest usual week, which a stopped campaign is and a noisy hour rarely is.
    /// </summary>
    public decimal LatestHoursMargin { get; set; } = 0.8m;

    /// <summary>
    /// A campaign whose spend so far reached this share of its daily budget has run out of budget, not stopped: no
    /// delivery-stopped alert (TikTok may end a day a few percent short of the budget).
    /// </summary>
    public decimal BudgetSpentShare { get; set; } = 0.95m;

    /// <summary>Spend so far is only judged once its usual range starts at this much (account currency): below it noise rules.</summary>
    public decimal MinimumUsualSpend { get; set; } = 20m;

    /// <summary>
    /// The latest hours' spend is only judged over enough hours to usually spend at least this much (account currency):
    /// the last hour for a big campaign, up to <see cref="LatestHoursAtMost"/> for a small one.
    /// </summary>
    public decimal MinimumUsualHourSpend { get; set; } = 1m;

    /// <summary>At most this many latest hours are added up to reach <see cref="MinimumUsualHourSpend"/>: a stop is seen within as many scans.</summary>
    public int LatestHoursAtMost { get; set; } = 3;

    /// <summary>Conversions so far are only judged once their usual range starts at this many: fewer is Poisson noise.</summary>
    public long MinimumUsualConversions { get; set; } = 5;

    /// <summary>
    /// Conversions have stopped when none came over the clicks since the last one and, at the campaign's usual conversions
    /// per click, a Poisson count would be zero that long with a probability under this (e^-λ, λ the conversions those
    /// clicks usually bring): 0.0001 is λ ≥ 9.2, so a campaign with 10 conversions an hour is told after one silent hour and
    /// one with 2 an hour after about 5. Lower waits longer and cries wolf less.
    /// </summary>
    public double ConversionsStoppedLevel { get; set; } = 0.0001;

    /// <summary>
    /// A silence whose chance is under this but not yet under <see cref="ConversionsStoppedLevel"/> is a warning
    /// (conversions quiet, told as cost per result high): 0.001 is λ ≥ 6.9, what a campaign with a handful of conversions a
    /// day can reach in an afternoon without ever becoming certain that day. 0 turns the warning off.
    /// </summary>
    public double ConversionsQuietLevel { get; set; } = 0.001;

    /// <summary>
    /// Conversions stopped together (<see cref="BaselineCheck.ConversionsStoppedTogether"/>) needs at least this many
    /// campaigns of one advertiser silent since a common hour (2 at least): one campaign is judged on its own.
    /// </summary>
    public int TogetherMinimumCampaigns { get; set; } = 2;

    /// <summary>
    /// A campaign counts in (and is named by) conversions stopped together only when its clicks since the common hour would
    /// usually have brought at least this many conversions: one too small to say anything is not blamed by association.
    /// </summary>
    public double TogetherMinimumExpected { get; set; } = 1;

    /// <summary>
    /// The clicks since the last conversion are counted back at most this many hours (across midnight): a longer silence
    /// is judged on these hours alone.
    /// </summary>
    public int ConversionsStoppedLookbackHours { get; set; } = 24;

    /// <summary>
    /// Delivery has stopped when the latest hour had no impression at all while that hour on the days before (the median
    /// of up to 7) brought at least this many: a Poisson count of 30 is 0 once in 10^13 hours, and one past outage does
    /// not move a median. Judged on days, not weeks, so a campaign too young for a baseline is told at the first scan too.
    /// </summary>
    public long StoppedHourMinimumImpressions { get; set; } = 30;

    /// <summary>
    /// Conversions are counts: a day short of the usual lowest by fewer than this many square roots of it (the Poisson
    /// spread of a count that size) is luck, not a broken pixel. 2 means 7 short of a usual 12, 9 short of a usual 20.
    /// </summary>
    public decimal ConversionNoiseSigmas { get; set; } = 2m;

    /// <summary>
    /// The fixed cost per result and spend-without-conversions rules stay beside the baselines when so few conversions
    /// for today's spend would happen at the reference cost (target, else the 7-day average) with a probability under
    /// this: a breach that certain is told even when the campaign's own usual is just as bad (<see cref="FixedFloor"/>).
    /// </summary>
    public double FixedFloorLevel { get; set; } = 0.00001;

    /// <summary>CTR so far (today's and each past week's) is only computed after this many impressions, as the fixed CTR rule.</summary>
    public long CtrMinimumImpressions { get; set; } = 1000;
}
