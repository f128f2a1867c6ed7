using TikTokBot.Accounts;
using TikTokBot.Slack.BlockKit;
using TikTokBot.Domain;
using TikTokBot.Domain.Credit;
using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Objectives;
using TikTokBot.Settings;
using TikTokBot.Storage;
using TikTokBot.TikTok.Caching;
using TikTokBot.TikTok.Calendar;
using TikTokBot.TikTok.Csv;
using TikTokBot.TikTok.Naming;
using TikTokBot.TikTok.Sources;
using static TikTokBot.Reports.AccountHistory;
using static TikTokBot.Accounts.WorkspaceSources;

namespace TikTokBot.Reports;

/// <summary>
/// Reports: finds campaigns, and builds the <see cref="CampaignOverview"/> of one campaign or of many over a period, with
/// the team's success criteria and credit windows (from Settings) read once per call however many campaigns it covers. Every other
/// capability (Settings, Digests, Home, and the alerts to come) reads campaigns and their figures through here.
/// </summary>
internal sealed class ReportService(
    IWorkspaceSources sources, WorkspaceCampaigns campaigns, CampaignEngine engine, SettingsService settings, ReportCache cache,
    MetricCacheOptions cacheOptions, BusinessCalendar calendar, MetricSourceChoice deployment, AccountHistories histories,
    Microsoft.Extensions.Options.IOptions<ReportOptions> reportOptions, TimeProvider time)
{
    private readonly TimeSpan _historyWait = reportOptions.Value.HistoryWait;


    /// <summary>Rows of the CSV exports that could not be read (none for other sources), for the reply's footer.</summary>
    public IReadOnlyList<CsvProblem> SourceProblems => deployment.Problems;

    /// <summary>The instant the app's clock reads: when the figures of a reply are read.</summary>
    public DateTimeOffset Now => calendar.Instant;

    /// <summary>The business days now in UTC, for what belongs to no advertiser; a campaign's are <see cref="DaysOf"/>.</summary>
    public BusinessDays Days(string teamId) => calendar.Now();

    /// <summary>The campaign's business days now: today and yesterday in its advertiser's time zone.</summary>
    public BusinessDays DaysOf(CampaignInfo campaign) => calendar.Now(campaign.TimeZone);

    public Task<IReadOnlyList<CampaignInfo>> CampaignsAsync(string teamId, CancellationToken ct) => campaigns.ListAsync(teamId, ct);

    /// <summary>Where the workspace's figures come from: its own advertisers, or what the deployment serves it.</summary>
    public Task<WorkspaceSource> SourceAsync(string teamId, CancellationToken ct) => sources.SourceForAsync(teamId, ct);

    /// <summary>The account history of the workspace's own source (its connected advertisers, or what the deployment serves it).</summary>
    public async Task<AccountHistory> HistoryAsync(string teamId, CancellationToken ct) =>
        histories.For(await SourceAsync(teamId, ct));

    /// <summary>A campaign by what a person typed: its id, its name (or part of it), or one of the team's aliases.</summary>
    public Task<CampaignResolution> FindAsync(string teamId, string typed, CancellationToken ct) => campaigns.FindAsync(teamId, typed, ct);

    /// <summary>A campaign by its exact id (as a button carries it); null when the source no longer has it.</summary>
    public Task<CampaignInfo?> FindByIdAsync(string teamId, string campaignId, CancellationToken ct) => campaigns.FindByIdAsync(teamId, campaignId, ct);

    /// <summary>One campaign's overview over <paramref name="period"/>, as of today.</summary>
    public async Task<CampaignOverview> OverviewAsync(string teamId, CampaignInfo campaign, Period period, CancellationToken ct)
    {
        var saved = await settings.CampaignSettingsAsync(teamId, ct);
        return await OverviewAsync(teamId, await SourceAsync(teamId, ct), campaign, period, DaysOf(campaign), saved.CriteriaFor(campaign.Id), saved.CreditFor(campaign.Id), ct);
    }

    /// <summary>
    /// The overviews of the campaigns named (none: every campaign) over <paramref name="period"/> as of <paramref name="asOf"/>,
    /// each in its advertiser's days (an advertiser in Los Angeles may still be on the day Tokyo calls yesterday).
    /// </summary>
    public Task<IReadOnlyList<CampaignOverview>> OverviewsAsync(
        string teamId, IReadOnlyCollection<string>? campaignIds, Period period, DateTimeOffset asOf, CancellationToken ct) =>
        OverviewsAsync(teamId, campaignIds, period, campaign => BusinessCalendar.At(asOf, campaign.TimeZone), ct);

    /// <summary>The same as of now.</summary>
    public Task<IReadOnlyList<CampaignOverview>> OverviewsAsync(string teamId, IReadOnlyCollection<string>? campaignIds, Period period, CancellationToken ct) =>
        OverviewsAsync(teamId, campaignIds, period, calendar.Instant, ct);

    /// <summary>
    /// The overviews of the campaigns named (none: every campaign) over <paramref name="period"/> as of <paramref name="days"/>,
    /// in the source's order. Criteria and credit windows are read once for the whole batch.
    /// </summary>
    public Task<IReadOnlyList<CampaignOverview>> OverviewsAsync(
        string teamId, IReadOnlyCollection<string>? campaignIds, Period period, BusinessDays days, CancellationToken ct) =>
        OverviewsAsync(teamId, campaignIds, period, _ => days, ct);

    private async Task<IReadOnlyList<CampaignOverview>> OverviewsAsync(
        string teamId, IReadOnlyCollection<string>? campaignIds, Period period, Func<CampaignInfo, BusinessDays> daysOf, CancellationToken ct)
    {
        var saved = await settings.CampaignSettingsAsync(teamId, ct);
        var overviews = new List<CampaignOverview>();
        var source = await SourceAsync(teamId, ct);
        foreach (var campaign in await source.Source.ListCampaignsAsync(ct))
        {
            if (campaignIds is { Count: > 0 } && !campaignIds.Contains(campaign.Id))
            {
                continue;
            }

            overviews.Add(await OverviewAsync(teamId, source, campaign, period, daysOf(campaign), saved.CriteriaFor(campaign.Id), saved.CreditFor(campaign.Id), ct));
        }

        return overviews;
    }

    /// <summary>
    /// A campaign's reply rendered once (<paramref name="render"/>, which serialises it), kept in the one cache under
    /// <paramref name="key"/> for as long as its overview, tagged like it: a repeated question writes the kept bytes.
    /// </summary>
    internal Task<IReadOnlyList<SlackMessage>> ReplyOnceAsync(
        CampaignOverview overview, ReplyKey key, Func<IReadOnlyList<SlackMessage>> render, CancellationToken ct) =>
        cache.TryPeek<IReadOnlyList<SlackMessage>>(key, out var kept) && kept is not null
            ? Task.FromResult(kept)
            : cache.GetOrLoad(key, cacheOptions.LifetimeOf(overview.Range, overview.Days), overview.Tags, () => Task.FromResult(render()), ct);

    /// <summary>
    /// Something built from several overviews (a digest of a channel's campaigns), kept under all their keys: a thousand
    /// channels subscribed to the same campaigns share one build per day. Null key when there is nothing to key it by.
    /// </summary>
    public async Task<(OverviewSetKey? Key, T Value)> BuiltOnceAsync<T>(IReadOnlyList<CampaignOverview> overviews, Func<Task<T>> build, CancellationToken ct) where T : class
    {
        if (overviews.Count == 0)
        {
            return (null, await build());
        }

        var key = new OverviewSetKey(new KeyList<OverviewKey>(overviews.Select(o => o.Key).ToArray()));
        return (key, await cache.GetOrLoad(key, overviews.Min(o => cacheOptions.LifetimeOf(o.Range, o.Days)), overviews.SelectMany(o => o.Tags).Distinct().ToArray(), build, ct));
    }

    /// <summary>Something rendered from a digest (<paramref name="key"/> says what), kept as long as the digest, tagged like it.</summary>
    internal Task<T> RenderedOnceAsync<T>(CacheKey key, IReadOnlyList<CampaignOverview> overviews, Func<T> render, CancellationToken ct) where T : class =>
        overviews.Count == 0
            ? Task.FromResult(render())
            : cache.GetOrLoad(key, overviews.Min(o => cacheOptions.LifetimeOf(o.Range, o.Days)), overviews.SelectMany(o => o.Tags).Distinct().ToArray(),
                () => Task.FromResult(render()), ct);

    public async Task<CampaignBreakdown> BreakdownAsync(string teamId, CampaignInfo campaign, BreakdownDimension by, Period period, CancellationToken ct)
    {
        var range = DaysOf(campaign).Resolve(period, campaign.CreatedOn);
        var rows = await (await SourceAsync(teamId, ct)).Source.GetBreakdownAsync(campaign.Id, by, range, ct);
        return new CampaignBreakdown(campaign, by, range, rows) { ReadAt = calendar.Instant };
    }

    private async Task<CampaignOverview> OverviewAsync(
        string teamId, WorkspaceSource source, CampaignInfo campaign, Period period, BusinessDays days, SuccessCriteria? criteria, AdCreditWindow? window, CancellationToken ct)
    {
        var range = days.Resolve(period, campaign.CreatedOn);
        // The account's own benchmark comes from the history of the workspace's own source, so never from another workspace's.
        var history = histories.For(source);
        // Read ahead, so normally at hand; the first question after a start waits for the read rather than answer differently.
        var account = history is null ? null : await history.BenchmarkAsync(campaign, _historyWait, time, ct);
        var key = new OverviewKey(source.Name, campaign.Id, range, days.Today, campaign.Name, campaign.ObjectiveType, campaign.Status, criteria, window, account?.Campaigns, teamId);
        if (cache.TryPeek<CampaignOverview>(key, out var kept) && kept is not null)
        {
            return kept;
        }

        return await LoadOverviewAsync(teamId, source, campaign, period, days, criteria, window, range, account, key, ct);
    }

    // Apart from OverviewAsync so that an overview answered from memory allocates no closure for the load.
    private Task<CampaignOverview> LoadOverviewAsync(
        string teamId, WorkspaceSource source, CampaignInfo campaign, Period period, BusinessDays days, SuccessCriteria? criteria, AdCreditWindow? window,
        DateRange range, Domain.Benchmarks.AccountBenchmark? account, OverviewKey key, CancellationToken ct)
    {
        var tags = new CacheTag[source.Tags.Length + 1];
        source.Tags.CopyTo(tags, 0);
        tags[^1] = CacheTag.Workspace(teamId);
        return cache.GetOrLoad(key, cacheOptions.LifetimeOf(range, days), tags, async () =>
        {
            var facts = await source.Loader.LoadAsync(campaign, range, criteria, CancellationToken.None);
            var credit = window is null ? null : await AssessCreditAsync(source.Source, campaign, window, days.Yesterday, criteria?.TargetCostPerOutcome, CancellationToken.None);
            // One standing per metric, read by the summary's marks and every rule, with the learning day of the reply.
            var read = engine.Read(facts, account, days.Today);
            return new CampaignOverview(campaign, period, days, facts, read.Summary, read.Diagnosis, read.Learning, credit, criteria) { Key = key, Tags = tags, Account = account, ReadAt = calendar.Instant };
        }, ct);
    }

    /// <summary>A stored credit window judged against the campaign's gross spend through <paramref name="asOf"/>.</summary>
    private async Task<AssessedCredit> AssessCreditAsync(IMetricSource source, CampaignInfo campaign, AdCreditWindow window, DateOnly asOf, decimal? targetCpa, CancellationToken ct)
    {
        var grant = new CreditGrant(window.Amount, window.StartsOn, window.ExpiresOn);
        var start = window.StartsOn < asOf ? window.StartsOn : asOf;
        var range = new DateRange(start, asOf);
        var daily = await source.GetDailyAsync(Scope.Campaign(campaign.Id), range, ct);
        return new AssessedCredit(engine.AssessCredit(grant, daily, asOf, targetCpa), range, daily);
    }

    /// <summary>
    /// A campaign's overview in the app's one cache: every input of the answer by value. The workspace it was built for (its
    /// settings are inputs, so its entries are its own and a write to it drops exactly them), the source and campaign, the range,
    /// today (learning and credit are judged as of it), the campaign's name, objective and status (a renamed campaign must not
    /// be shown under its old name), the criteria, the credit window, and how many campaigns the account's benchmark was read
    /// over (an overview built before the account's history was read is not the one built after it). Its entry is tagged with
    /// the workspace and the source's advertisers, so saving a target or a credit window drops it at once; the
    /// criteria and credit are in the key too, so a change saved by another instance is never answered with the old figures
    /// once this one reads the settings again.
    /// </summary>
    internal sealed record OverviewKey(
        string Source, string CampaignId, DateRange Range, DateOnly Today = default, string Name = "", string ObjectiveType = "", string Status = "",
        SuccessCriteria? Criteria = null, AdCreditWindow? Credit = null, int? AccountCampaigns = null, string TeamId = "") : CacheKey;

    /// <summary>
    /// A campaign's rendered reply (summary, full funnel, fixes without buttons), kept in the one cache as serialised bytes
    /// beside its messages, with the workspace's footers: the notice (demo data, a refused token) and the export's unreadable
    /// rows. <see cref="Problems"/> compares as the same list: the CSV source replaces it when it reads the export again.
    /// </summary>
    internal sealed record ReplyKey(OverviewKey Overview, ReportKind Kind, string? Notice, IReadOnlyList<CsvProblem> Problems) : CacheKey;

    /// <summary>
    /// Something built from a set of overviews (a channel's digest), keyed by their keys, which hold the source, the days and
    /// every input: a thousand channels subscribed to the same campaigns share one build.
    /// </summary>
    internal sealed record OverviewSetKey(KeyList<OverviewKey> Overviews) : CacheKey;
}
