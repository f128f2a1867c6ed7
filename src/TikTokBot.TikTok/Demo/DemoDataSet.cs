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
}

/// <summary>How one demo campaign behaves: the rates its ads deliver and how they drift over time.</summary>
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
    (decimal Amount, int StartedDaysAgo, int ExpiresInDays)? Credit = null);

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
            RealTimeShare: 0m, BaseFrequency: 2.1m),
    ];

    private static readonly (string Name, decimal Share, decimal CvrFactor)[] AdGroupShapes =
        [("Broad 18-44", 0.5m, 1.0m), ("Interest: fashion", 0.3m, 1.25m), ("Lookalike 1%", 0.2m, 0.7m)];

    private static readonly (string Name, decimal Share, decimal CtrFactor)[] AdShapes =
        [("Hook: try-on haul", 0.45m, 1.15m), ("Hook: price reveal", 0.35m, 1.0m), ("Hook: founder story", 0.2m, 0.7m)];

    private readonly Dictionary<string, Generated> _campaigns;

    public DemoDataSet(DateOnly today)
    {
        Today = today;
        _campaigns = Profiles.ToDictionary(p => p.Id, p => Generate(p, today));
    }

    /// <summary>The day the data set was generated for; the last full day of data is the day before.</summary>
    public DateOnly Today { get; }

    public IReadOnlyList<DemoCampaign> Campaigns => _campaigns.Values.Select(g => g.Campaign).ToArray();

    internal bool TryGet(string campaignId, out Generated generated) => _campaigns.TryGetValue(campaignId, out generated!);

    internal IEnumerable<Generated> All => _campaigns.Values;

    private static Generated Generate(DemoProfile p, DateOnly today)
    {
        var launched = today.AddDays(-p.LaunchedDaysAgo);
        var first = launched > today.AddDays(-HistoryDays) ? launched : today.AddDays(-HistoryDays);
        var random = new Random(int.Parse(p.Id[^4..], System.Globalization.CultureInfo.InvariantCulture));
        var rows = new List<AdDay>();
        for (var day = first; day <= today; day = day.AddDays(1))
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
        var info = new CampaignInfo(p.Id, p.Name, AdvertiserId, p.ObjectiveType, objective, "ENABLE", p.DailySpend, launched, "USD", p.Automated);
        CreditGrant? credit = p.Credit is { } c ? new CreditGrant(c.Amount, today.AddDays(-c.StartedDaysAgo), today.AddDays(c.ExpiresInDays)) : null;
        return new Generated(new DemoCampaign(info, p.Situation, p.Criteria, credit), p, rows);
    }

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
