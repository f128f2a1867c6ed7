using TikTokBot.Domain.Credit;
using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Objectives;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.TikTok.Demo;

/// <summary>What a demo campaign is there to show.</summary>
public enum DemoSituation
{
    HealthyReadyToScale,
    CreativeFatigue,
    CallToActionProblem,
    LandingPageProblem,
    LearningPhaseDayTwo,
    CreditAboutToRunOut,
    AwarenessWithCreditExpiringUnused,
    SpendWithoutConversions,

    /// <summary>An ended campaign: the account's history its own benchmarks and trends are drawn from.</summary>
    Finished,
}

/// <summary>How one demo campaign behaves: the rates its ads deliver and how they drift over time.</summary>
/// <param name="StoppedHoursAgo">
/// Today's delivery stopped this many reported hours ago (the hour in progress counted), as a small audience runs dry; its
/// day's figures are the same, only spread over fewer hours.
/// </param>
internal sealed record DemoProfile(
    string Id,
    string Name,
    string ObjectiveType,
    DemoSituation Situation,
    int LaunchedDaysAgo,
    decimal DailySpend,
    decimal Cpm,
    decimal Ctr,
    decimal AllClicksPerDestinationClick,
    decimal CvrClicks,
    decimal RealTimeShare,
    decimal BaseFrequency,
    decimal LastWeeksCtrFactor = 1m,
    decimal FrequencyGrowthPerDay = 0m,
    bool Automated = false,
    SuccessCriteria? Criteria = null,
    (decimal Amount, int StartedDaysAgo, int ExpiresInDays)? Credit = null,
    int? RanDays = null,
    int? StoppedHoursAgo = null);

/// <summary>One demo campaign: what the source lists, what it shows, and the settings a team would have entered.</summary>
public sealed record DemoCampaign(CampaignInfo Info, DemoSituation Situation, SuccessCriteria? Criteria, CreditGrant? Credit);

/// <summary>
/// A deterministic data set generated relative to "today", so the app has something worth reading on a fresh
/// machine with no TikTok account. Each campaign shows one situation of the rulebook; campaign-42 is the one the
/// README's first command talks about.
/// </summary>
public sealed class DemoDataSet
{
    public const string AdvertiserId = "7000000000000001";
    public const int HistoryDays = 45;

    private static readonly DemoProfile[] Profiles =
    [
        new("1800000000000041", "campaign-41 Evergreen Prospecting", "WEB_CONVERSIONS", DemoSituation.HealthyReadyToScale,
            LaunchedDaysAgo: 60, DailySpend: 220m, Cpm: 6.20m, Ctr: 0.0112m, AllClicksPerDestinationClick: 1.9m, CvrClicks: 0.031m,
            RealTimeShare: 0.96m, BaseFrequency: 1.6m, Criteria: new SuccessCriteria(30m, 50)),
        new("1800000000000042", "campaign-42 Autumn Sale", "WEB_CONVERSIONS", DemoSituation.CreativeFatigue,
            LaunchedDaysAgo: 50, DailySpend: 180m, Cpm: 7.40m, Ctr: 0.0105m, AllClicksPerDestinationClick: 2.2m, CvrClicks: 0.024m,
            RealTimeShare: 0.95m, BaseFrequency: 3.3m, LastWeeksCtrFactor: 0.62m, FrequencyGrowthPerDay: 0.01m, Criteria: new SuccessCriteria(40m, 50)),
        new("1800000000000043", "campaign-43 App Install Push", "APP_PROMOTION", DemoSituation.CallToActionProblem,
            LaunchedDaysAgo: 40, DailySpend: 150m, Cpm: 5.10m, Ctr: 0.0072m, AllClicksPerDestinationClick: 6.5m, CvrClicks: 0.12m,
            RealTimeShare: 0.97m, BaseFrequency: 1.8m, Criteria: new SuccessCriteria(4m, 200)),
        new("1800000000000044", "campaign-44 Webinar Leads", "LEAD_GENERATION", DemoSituation.LandingPageProblem,
            LaunchedDaysAgo: 35, DailySpend: 120m, Cpm: 6.80m, Ctr: 0.0130m, AllClicksPerDestinationClick: 1.7m, CvrClicks: 0.008m,
            RealTimeShare: 0.94m, BaseFrequency: 1.7m, Criteria: new SuccessCriteria(90m, 40)),
        new("1800000000000045", "campaign-45 New Collection Launch", "PRODUCT_SALES", DemoSituation.LearningPhaseDayTwo,
            LaunchedDaysAgo: 1, DailySpend: 200m, Cpm: 8.10m, Ctr: 0.0090m, AllClicksPerDestinationClick: 2.0m, CvrClicks: 0.011m,
            RealTimeShare: 0.90m, BaseFrequency: 1.2m, Automated: true, Criteria: new SuccessCriteria(35m, 50)),
        new("1800000000000046", "campaign-46 Black Friday Credit Test", "WEB_CONVERSIONS", DemoSituation.CreditAboutToRunOut,
            LaunchedDaysAgo: 21, DailySpend: 300m, Cpm: 6.90m, Ctr: 0.0098m, AllClicksPerDestinationClick: 2.1m, CvrClicks: 0.022m,
            RealTimeShare: 0.95m, BaseFrequency: 1.9m, Criteria: new SuccessCriteria(30m, 50), Credit: (6_000m, 18, 40)),
        new("1800000000000047", "campaign-47 Brand Awareness Q4", "REACH", DemoSituation.AwarenessWithCreditExpiringUnused,
            LaunchedDaysAgo: 30, DailySpend: 60m, Cpm: 3.40m, Ctr: 0.0040m, AllClicksPerDestinationClick: 4.0m, CvrClicks: 0m,
            RealTimeShare: 0m, BaseFrequency: 1.5m, Credit: (5_000m, 30, 20)),
        new("1800000000000048", "campaign-48 Retargeting Test", "CONVERSIONS", DemoSituation.SpendWithoutConversions,
            LaunchedDaysAgo: 14, DailySpend: 90m, Cpm: 7.90m, Ctr: 0.0095m, AllClicksPerDestinationClick: 1.8m, CvrClicks: 0m,
            RealTimeShare: 0m, BaseFrequency: 2.1m, StoppedHoursAgo: 3),
    ];

    // The account's history: campaigns that ran and ended in the last 90 days, a few per objective, so the account's own
    // benchmarks and trends have something to draw from. Costs per result fall and click-through rises from the oldest
    // to the newest, as an account that learns would show.
    private static readonly DemoProfile[] FinishedProfiles =
    [
        Ended("1800000000000031", "campaign-31 Summer Clearance", "WEB_CONVERSIONS", 88, 24, 180m, 7.8m, 0.0102m, 0.022m),
        Ended("1800000000000032", "campaign-32 Back to School", "WEB_CONVERSIONS", 75, 21, 200m, 7.1m, 0.0110m, 0.026m),
        Ended("1800000000000033", "campaign-33 Early Autumn Edit", "WEB_CONVERSIONS", 58, 20, 190m, 6.9m, 0.0118m, 0.029m),
        Ended("1800000000000034", "campaign-34 Loyalty Retargeting", "WEB_CONVERSIONS", 44, 18, 150m, 8.2m, 0.0125m, 0.033m),
        Ended("1800000000000035", "campaign-35 App Launch Wave 1", "APP_PROMOTION", 85, 25, 140m, 5.6m, 0.0085m, 0.10m),
        Ended("1800000000000036", "campaign-36 App Launch Wave 2", "APP_PROMOTION", 62, 22, 140m, 5.3m, 0.0092m, 0.13m),
        Ended("1800000000000037", "campaign-37 App Re-engagement", "APP_PROMOTION", 45, 20, 120m, 5.0m, 0.0098m, 0.15m),
        Ended("1800000000000038", "campaign-38 Guide Download", "LEAD_GENERATION", 86, 25, 100m, 7.2m, 0.0115m, 0.045m),
        Ended("1800000000000039", "campaign-39 Demo Requests", "LEAD_GENERATION", 66, 22, 110m, 6.9m, 0.0121m, 0.052m),
        Ended("1800000000000040", "campaign-40 Newsletter Sign-ups", "LEAD_GENERATION", 48, 18, 90m, 6.5m, 0.0128m, 0.060m),
        Ended("1800000000000029", "campaign-29 Brand Awareness Q3", "REACH", 89, 30, 70m, 3.9m, 0.0036m, 0m),
        Ended("1800000000000030", "campaign-30 Summer Reach", "REACH", 70, 28, 65m, 3.6m, 0.0039m, 0m),
        Ended("1800000000000028", "campaign-28 Store Opening Reach", "REACH", 50, 20, 60m, 3.3m, 0.0042m, 0m),
    ];

    private static readonly (string Name, decimal Share, decimal CvrFactor)[] AdGroupShapes =
        [("Broad 18-44", 0.5m, 1.0m), ("Interest: fashion", 0.3m, 1.25m), ("Lookalike 1%", 0.2m, 0.7m)];

    private static readonly (string Name, decimal Share, decimal CtrFactor)[] AdShapes =
        [("Hook: try-on haul", 0.45m, 1.15m), ("Hook: price reveal", 0.35m, 1.0m), ("Hook: founder story", 0.2m, 0.7m)];

    private readonly Dictionary<string, Generated> _campaigns;
    private readonly Dictionary<string, Generated> _finished;

    public DemoDataSet(DateOnly today)
    {
        Today = today;
        _campaigns = Profiles.ToDictionary(p => p.Id, p => Generate(p, today));
        _finished = FinishedProfiles.ToDictionary(p => p.Id, p => Generate(p, today));
    }

    /// <summary>The day the data set was generated for; the last full day of data is the day before.</summary>
    public DateOnly Today { get; }

    public IReadOnlyList<DemoCampaign> Campaigns => _campaigns.Values.Select(g => g.Campaign).ToArray();

    /// <summary>Campaigns that ended before today (disabled, with the day they were turned off): the account's history.</summary>
    public IReadOnlyList<DemoCampaign> Finished => _finished.Values.Select(g => g.Campaign).ToArray();

    internal bool TryGet(string campaignId, out Generated generated) =>
        _campaigns.TryGetValue(campaignId, out generated!) || _finished.TryGetValue(campaignId, out generated!);

    internal IEnumerable<Generated> All => _campaigns.Values;

    private static Generated Generate(DemoProfile p, DateOnly today)
    {
        var launched = today.AddDays(-p.LaunchedDaysAgo);
        // A running campaign's rows start at most HistoryDays back; an ended one has all its days, ending before today.
        var first = p.RanDays is not null || launched > today.AddDays(-HistoryDays) ? launched : today.AddDays(-HistoryDays);
        var last = p.RanDays is { } ran ? launched.AddDays(ran - 1) : today;
        var random = new Random(int.Parse(p.Id[^4..], System.Globalization.CultureInfo.InvariantCulture));
        var rows = new List<AdDay>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            // Today is still running: about 40% of a day's delivery so far.
            var share = day == today ? 0.4m : 1m;
            // A fatiguing campaign's click-through slides over the last two weeks towards LastWeeksCtrFactor.
            var fadeProgress = Math.Clamp((day.DayNumber - today.AddDays(-14).DayNumber) / 14m, 0m, 1m);
            var fading = 1m - (1m - p.LastWeeksCtrFactor) * fadeProgress;
            for (var g = 0; g < AdGroupShapes.Length; g++)
            {
                for (var a = 0; a < AdShapes.Length; a++)
                {
                    var noise = 0.9m + (decimal)random.NextDouble() * 0.2m;
                    var spend = Math.Round(p.DailySpend * share * AdGroupShapes[g].Share * AdShapes[a].Share * noise, 2);
                    var impressions = (long)(spend / p.Cpm * 1000m);
                    var clicks = Count(random, impressions * p.Ctr * AdShapes[a].CtrFactor * fading);
                    var conversions = Count(random, clicks * p.CvrClicks * AdGroupShapes[g].CvrFactor);
                    var views = impressions * 7 / 10;
                    rows.Add(new AdDay(day, g, a, new RawTotals
                    {
                        Impressions = impressions,
                        Spend = spend,
                        DestinationClicks = clicks,
                        AllClicks = Count(random, clicks * p.AllClicksPerDestinationClick),
                        Conversions = conversions,
                        RealTimeConversions = Count(random, conversions * p.RealTimeShare),
                        VideoViews = views,
                        VideoViews2s = views * 55 / 100,
                        VideoViews6s = views * 28 / 100,
                        VideoViewsP25 = views * 40 / 100,
                        VideoViewsP50 = views * 24 / 100,
                        VideoViewsP75 = views * 15 / 100,
                        VideoViewsP100 = views * 9 / 100,
                        VideoPlaySeconds = views * 4.2m,
                        PurchaseValue = p.ObjectiveType is "PRODUCT_SALES" or "WEB_CONVERSIONS" ? conversions * 62m : 0m,
                    }));
                }
            }
        }

        ObjectiveCatalogue.TryFromTikTok(p.ObjectiveType, out var objective);
        var info = p.RanDays is null
            ? new CampaignInfo(p.Id, p.Name, AdvertiserId, p.ObjectiveType, objective, "ENABLE", p.DailySpend, launched, "USD", p.Automated)
            : new CampaignInfo(p.Id, p.Name, AdvertiserId, p.ObjectiveType, objective, "DISABLE", p.DailySpend, launched, "USD", p.Automated,
                "CAMPAIGN_STATUS_DISABLE", last.AddDays(1));
        CreditGrant? credit = p.Credit is { } c ? new CreditGrant(c.Amount, today.AddDays(-c.StartedDaysAgo), today.AddDays(c.ExpiresInDays)) : null;
        return new Generated(new DemoCampaign(info, p.Situation, p.Criteria, credit), p, rows);
    }

    private static DemoProfile Ended(
        string id, string name, string objectiveType, int launchedDaysAgo, int ranDays, decimal dailySpend, decimal cpm, decimal ctr, decimal cvrClicks) =>
        new(id, name, objectiveType, DemoSituation.Finished, launchedDaysAgo, dailySpend, cpm, ctr, AllClicksPerDestinationClick: 2.0m, cvrClicks,
            RealTimeShare: cvrClicks > 0 ? 0.95m : 0m, BaseFrequency: 1.7m, RanDays: ranDays);

    /// <summary>A whole count with the right expectation: small per-ad rates would otherwise always round to zero.</summary>
    private static long Count(Random random, decimal expected)
    {
        var whole = decimal.Floor(expected);
        return (long)whole + ((decimal)random.NextDouble() < expected - whole ? 1 : 0);
    }

    internal sealed record AdDay(DateOnly Date, int AdGroup, int Ad, RawTotals Counts);

    internal sealed record Generated(DemoCampaign Campaign, DemoProfile Profile, IReadOnlyList<AdDay> Rows)
    {
        public static string AdGroupId(string campaignId, int adGroup) => $"{campaignId}-g{adGroup + 1}";

        public static string AdId(string campaignId, int adGroup, int ad) => $"{campaignId}-g{adGroup + 1}-a{ad + 1}";

        public static string AdGroupName(int adGroup) => AdGroupShapes[adGroup].Name;

        public static string AdName(int ad) => AdShapes[ad].Name;

        /// <summary>
        /// Unique people: impressions over a frequency that grows with the length of the range (the same people come
        /// back) and, for a fatiguing campaign, with time.
        /// </summary>
        public long Reach(IEnumerable<AdDay> rows, DateRange range)
        {
            var impressions = rows.Sum(r => r.Counts.Impressions);
            var age = Math.Max(0, range.End.DayNumber - Campaign.Info.CreatedOn.DayNumber);
            var frequency = Profile.BaseFrequency * (1m + 0.25m * (decimal)Math.Log(range.Days)) + Profile.FrequencyGrowthPerDay * age;
            return (long)(impressions / Math.Max(frequency, 1m));
        }
    }
}
