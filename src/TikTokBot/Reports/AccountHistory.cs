using System.Collections.Concurrent;
using TikTokBot.Accounts;
using TikTokBot.Domain.Benchmarks;
using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Objectives;
using TikTokBot.TikTok.Caching;
using TikTokBot.TikTok.Calendar;
using TikTokBot.TikTok.Quota;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.Reports;

/// <summary>
/// The account histories of every workspace source, one per source: a workspace's connected advertisers have theirs, the
/// deployment's own source and the demo data theirs. Two workspaces share one only when they read the same source (the same
/// advertisers through the same token, or the demo), so one never sees another's campaigns.
/// </summary>
public sealed class AccountHistories(ReportCache cache, MetricCacheOptions cacheOptions, AccountBenchmarkOptions options, BusinessCalendar calendar)
{
    private readonly ConcurrentDictionary<string, AccountHistory> _bySource = new(StringComparer.Ordinal);

    public AccountBenchmarkOptions Options => options;

    /// <summary>
    /// The history of <paramref name="source"/>. Keyed by its name, which stands for its advertisers and token: any source under
    /// one name reads the same figures, and the report cache under that name holds one read per day for all of them.
    /// </summary>
    public AccountHistory For(WorkspaceSource source) =>
        _bySource.GetOrAdd(source.Name, static (name, a) => new AccountHistory(a.Source, name, a.cache, a.cacheOptions, a.options, a.calendar),
            (source.Source, cache, cacheOptions, options, calendar));
}

/// <summary>
/// One workspace source's history for its own benchmarks and trends: every campaign's totals over the last
/// <see cref="AccountBenchmarkOptions.HistoryDays"/> closed days, read once per source and day and shared by every request.
/// </summary>
/// <remarks>
/// Cache key: <c>(source name, "account-history", "", window)</c>. The window ends yesterday, so the key changes at midnight
/// and a day's history is read once; the source's name stands for its advertisers and token (<see cref="WorkspaceSource.Name"/>),
/// so two workspaces on different advertisers never share it. Closed days only: the lifetime is the closed-days one.
/// </remarks>
public sealed class AccountHistory(
    IMetricSource source, string sourceName, ReportCache cache, MetricCacheOptions cacheOptions, AccountBenchmarkOptions options, BusinessCalendar calendar)
{
    // Keyed by the day's history itself (one instance per day in the report cache), so it goes when that history does.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyList<CampaignHistory>,
        ConcurrentDictionary<(string Advertiser, Objective Objective, string CampaignId), AccountBenchmark>> _benchmarks = new();

    public AccountBenchmarkOptions Options => options;

    /// <summary>Every campaign with delivery in the window (running and ended), as the benchmarks take them.</summary>
    public Task<IReadOnlyList<CampaignHistory>> ReadAsync(CancellationToken ct) => ReadAsync(null, ct);

    /// <summary>
    /// The account's benchmark for <paramref name="campaign"/> if today's history is already read; otherwise starts the read
    /// in the background and answers null, so a summary never waits the minutes a cold read of 90 days can take.
    /// </summary>
    public AccountBenchmark? BenchmarkIfRead(CampaignInfo campaign)
    {
        if (campaign.Objective is not { } objective)
            return null;
        if (!cache.TryPeek<IReadOnlyList<CampaignHistory>>(Key(null), out var history) || history is null)
            return null;
        // Worked out once per campaign and day's history: every summary asks, and the medians cost more than the rest of a cached reply.
        return _benchmarks.GetValue(history, static _ => new())
            .GetOrAdd((campaign.AdvertiserId, objective, campaign.Id), key => AccountBenchmarks.For(key.Advertiser, key.Objective, key.CampaignId, history, options));
    }

    /// <summary>
    /// Starts reading the day's history if it is not read yet. Called once a report is built, so the history's many
    /// reads queue behind the request's own under the TikTok rate limiter, never in front of them.
    /// </summary>
    /// <returns>Whether a read was started (false: the history is read already, or could not be kept).</returns>
    public bool StartReading()
    {
        if (cache.TryPeek<IReadOnlyList<CampaignHistory>>(Key(null), out var history) && history is not null)
            return false;
        // With closed days not cached, a history read in the background is kept by nobody: every summary would start
        // another 90-day read, and those reads would queue in front of the next summaries under the rate limiter.
        if (cacheOptions.ClosedDaysLifetime <= TimeSpan.Zero)
            return false;
        // On the thread pool: a source that answers synchronously (the demo) would otherwise read it all on this request.
        // Its TikTok calls go last: nobody is waiting on them yet.
        using (TikTokCallScope.Enter(TikTokCallPriority.HistoryReadAhead))
        {
            _ = Task.Run(() => ReadAsync(CancellationToken.None)).ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
        }
        return true;
    }

    private ReportKey Key(int? days) => new(sourceName, "account-history", "", AccountBenchmarks.Window(calendar.Now().Today, HistoryOptions(days)));

    private AccountBenchmarkOptions HistoryOptions(int? days) => days is { } d ? new AccountBenchmarkOptions { HistoryDays = d } : options;

    /// <summary>The history over the last <paramref name="days"/> closed days (null: the configured HistoryDays).</summary>
    public Task<IReadOnlyList<CampaignHistory>> ReadAsync(int? days, CancellationToken ct)
    {
        var key = Key(days);
        return cache.GetOrLoad(key, cacheOptions.ClosedDaysLifetime, () => LoadAsync(HistoryOptions(days)), ct);
    }

    /// <summary>The account's benchmark for <paramref name="campaign"/>'s objective, the campaign itself left out.</summary>
    public async Task<AccountBenchmark?> BenchmarkForAsync(CampaignInfo campaign, CancellationToken ct) =>
        campaign.Objective is { } objective
            ? AccountBenchmarks.For(campaign.AdvertiserId, objective, campaign.Id, await ReadAsync(ct), options)
            : null;

    // Read once per UTC day (the key), but each campaign over its advertiser's own closed days: an advertiser in Los
    // Angeles is still on the day UTC calls yesterday, and its open day must not count in the history.
    private async Task<IReadOnlyList<CampaignHistory>> LoadAsync(AccountBenchmarkOptions window)
    {
        var listed = await source.ListCampaignsAsync(CancellationToken.None);
        var ended = await source.ListEndedCampaignsAsync(CancellationToken.None);
        var history = new List<CampaignHistory>();
        foreach (var campaign in listed.Concat(ended).DistinctBy(c => c.Id))
        {
            var days = AccountBenchmarks.Window(calendar.Now(campaign.TimeZone).Today, window);
            if (campaign.Objective is not { } objective || campaign.CreatedOn > days.End)
            {
                continue;
            }

            var scope = Scope.Campaign(campaign.Id);
            var daily = await source.GetDailyAsync(scope, days, CancellationToken.None);
            if (daily.Count == 0)
            {
                continue;
            }

            var reach = await source.GetReachAsync(scope, days, CancellationToken.None);
            history.Add(new CampaignHistory(campaign.AdvertiserId, campaign.Id, campaign.Name, objective, campaign.CreatedOn,
                new ScopeTotals(RawTotals.Sum(daily.Select(d => d.Counts)), reach)));
        }

        return history;
    }
}
