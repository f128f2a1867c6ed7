using TikTokBot.Domain;
using TikTokBot.Domain.Campaigns;
using TikTokBot.Domain.Credit;
using TikTokBot.Domain.Learning;
using TikTokBot.Domain.Metrics;
using TikTokBot.Reports;
using TikTokBot.TikTok.Calendar;
using TikTokBot.TikTok.Sources;
using TikTokBot.Domain.Diagnosis;
using static TikTokBot.Reports.ReportService;

namespace TikTokBot.Digests;

/// <summary>
/// Builds the daily digest of a workspace's campaigns: each campaign's overview of the last 7 closed days comes from
/// Reports (so the digest, <c>list</c> and the Home tab judge alike), yesterday's figures against the week before it, and,
/// at the end of a credit window, what the credit bought.
/// </summary>
internal sealed class DigestBuilder(ReportService reports, CampaignEngine engine)
{
    /// <summary>The digest with every campaign read as of the same <paramref name="days"/>.</summary>
    public async Task<IReadOnlyList<CampaignDigest>> BuildAsync(string teamId, IReadOnlyCollection<string>? campaignIds, BusinessDays days, CancellationToken ct) =>
        await BuildAsync(teamId, await reports.OverviewsAsync(teamId, campaignIds, Period.Default, days, ct), ct);

    /// <summary>The digest as of <paramref name="asOf"/>: each campaign reports its advertiser's last closed day, in the advertiser's time zone.</summary>
    public async Task<IReadOnlyList<CampaignDigest>> BuildAsync(string teamId, IReadOnlyCollection<string>? campaignIds, DateTimeOffset asOf, CancellationToken ct) =>
        (await BuildKeyedAsync(teamId, campaignIds, asOf, ct)).Digests;

    /// <summary>The same with its key in the one cache, so what is rendered from it is kept under that key too.</summary>
    public async Task<DigestBuild> BuildKeyedAsync(string teamId, IReadOnlyCollection<string>? campaignIds, DateTimeOffset asOf, CancellationToken ct)
    {
        var overviews = await reports.OverviewsAsync(teamId, campaignIds, Period.Default, asOf, ct);
        var (key, digests) = await reports.BuiltOnceAsync(overviews, () => BuildEachAsync(teamId, overviews, CancellationToken.None), ct);
        return new DigestBuild(key, digests) { Overviews = overviews };
    }

    /// <summary>Something rendered from a built digest, kept in the one cache under <paramref name="key"/> as long as the digest, tagged like it.</summary>
    internal Task<T> RenderedOnceAsync<T>(TikTok.Caching.CacheKey key, DigestBuild built, Func<T> render, CancellationToken ct) where T : class =>
        reports.RenderedOnceAsync(key, built.Overviews, render, ct);

    /// <summary>The day a digest's header names: the one day all its campaigns report, else <paramref name="otherwise"/>.</summary>
    public static DateOnly DayOf(IReadOnlyList<CampaignDigest> digests, DateOnly otherwise) =>
        digests.Select(d => d.Day).Distinct().ToList() is [var only] ? only : otherwise;

    // Built once per set of overviews (their keys hold the source, the days and every input), not once per channel.
    private async Task<IReadOnlyList<CampaignDigest>> BuildAsync(string teamId, IReadOnlyList<CampaignOverview> overviews, CancellationToken ct) =>
        (await reports.BuiltOnceAsync(overviews, () => BuildEachAsync(teamId, overviews, CancellationToken.None), ct)).Value;

    private async Task<IReadOnlyList<CampaignDigest>> BuildEachAsync(string teamId, IReadOnlyList<CampaignOverview> overviews, CancellationToken ct)
    {
        var digests = new List<CampaignDigest>();
        var workspace = await reports.SourceAsync(teamId, ct);
        var (source, loader) = (workspace.Source, workspace.Loader);
        foreach (var overview in overviews)
        {
            var campaign = overview.Campaign;
            var yesterday = overview.Days.Yesterday;
            var facts = await loader.LoadAsync(campaign, new DateRange(yesterday, yesterday), overview.Criteria, ct);
            var week = await loader.LoadAsync(campaign, DateRange.Ending(yesterday.AddDays(-1), 7), overview.Criteria, ct);
            var bought = overview.Credit is { } credit && (credit.Report.IsEndOfWindow || yesterday >= credit.Report.Grant.Expiry)
                ? await LessonsAsync(teamId, source, campaign, credit, ct)
                : null;
            digests.Add(new CampaignDigest(campaign, yesterday, Compare(facts, week), overview.Learning, overview.Credit?.Report, bought, overview.TopFinding)
            {
                FreshnessLine = overview.FreshnessLine,
                CreditDays = overview.CreditLeads && overview.Credit is { } shown ? CreditTimeline.From(shown.Report, shown.Daily) : [],
                LearningDays = overview.LearningLeads
                    ? LearningProgress.Cumulative(overview.Facts.Daily, overview.Facts.Campaign.LaunchedOn, overview.Learning.Conversions)
                    : [],
            });
        }

        return digests;
    }

    /// <summary>What the workspace's digest must say besides its campaigns (demo data, a refused token), or null.</summary>
    public async Task<string?> NoticeAsync(string teamId, CancellationToken ct) => (await reports.SourceAsync(teamId, ct)).Notice;
    /// <summary>The objective's primary metrics: yesterday's value against the previous week's, both from summed counts.</summary>
    private static IReadOnlyList<DigestComparison> Compare(CampaignFacts yesterday, CampaignFacts week) =>
        yesterday.Profile.Primary.Append(yesterday.Profile.Outcome).Distinct()
            .Where(m => m != MetricId.Reach)
            .Select(m =>
            {
                var now = yesterday.Current.Value(m);
                var before = week.Current.Value(m);
                // Counts are compared with the average day; rates and costs are already per outcome.
                if (MetricCatalogue.Get(m).Unit == MetricUnit.Count && before is { } total)
                {
                    before = total / week.Period.Days;
                }

                decimal? change = now is { } n && before is { } b && b != 0 ? (n - b) / b * 100m : null;
                return new DigestComparison(m, now, before, change);
            })
            .ToArray();

    /// <summary>At the end of the window: what the credit bought besides results, beside the account's medians.</summary>
    private async Task<CreditLessons> LessonsAsync(string teamId, IMetricSource source, CampaignInfo campaign, AssessedCredit credit, CancellationToken ct)
    {
        // The digest runs in the background, so it may wait for the day's history (read once, shared with every reply).
        var account = await (await reports.HistoryAsync(teamId, ct)).BenchmarkForAsync(campaign, ct);
        var ads = await source.GetBreakdownAsync(campaign.Id, BreakdownDimension.Ad, credit.Range, ct);
        var ages = await source.GetBreakdownAsync(campaign.Id, BreakdownDimension.Age, credit.Range, ct);
        var whole = new ScopeTotals(RawTotals.Sum(credit.Daily.Select(d => d.Counts)));
        return CreditLessons.From(ads.Select(a => new NamedTotals(a.Name, a.Totals)), ages.Select(a => new NamedTotals(SegmentNames.Describe(BreakdownDimension.Age, a.Name), a.Totals)), whole,
            engine.Options.CreditWindow, account);
    }

    /// <summary>One campaign's part of a daily digest.</summary>
    internal sealed record CampaignDigest(
        CampaignInfo Campaign,
        DateOnly Day,
        IReadOnlyList<DigestComparison> Comparisons,
        LearningPhaseAssessment Learning,
        CreditWindowReport? Credit,
        CreditLessons? CreditBought,
        Finding? TopFinding)
    {
        /// <summary>The credit window day by day for its chart (read, then projected to the run-out day); empty when the window is not shown.</summary>
        public IReadOnlyList<CreditDay> CreditDays { get; init; } = [];

        /// <summary>Conversions since the start of learning day by day for its chart; empty when the campaign is not learning.</summary>
        public IReadOnlyList<LearningDay> LearningDays { get; init; } = [];

        /// <summary>The freshness line of the campaign's figures (yesterday's conversions may still grow); null when not known.</summary>
        public string? FreshnessLine { get; init; }
    }

    /// <summary>A built digest and its key in the one cache (null when it covers no campaign, so nothing was kept).</summary>
    internal sealed record DigestBuild(OverviewSetKey? Key, IReadOnlyList<CampaignDigest> Digests)
    {
        /// <summary>The overviews it was built from: what rendering it is kept as long as, and tagged with.</summary>
        public IReadOnlyList<CampaignOverview> Overviews { get; init; } = [];
    }

    /// <summary>Yesterday against the average day of the 7 days before it, for one metric.</summary>
    internal sealed record DigestComparison(MetricId Metric, decimal? Yesterday, decimal? PreviousWeek, decimal? ChangePercent);
}
