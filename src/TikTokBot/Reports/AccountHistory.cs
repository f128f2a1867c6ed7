using TikTokBot.Domain.Benchmarks;
using TikTokBot.Domain.Metrics;
using TikTokBot.TikTok.Caching;
using TikTokBot.TikTok.Calendar;
using TikTokBot.TikTok.Quota;
using TikTokBot.TikTok.Sources;
using TikTokBot.Accounts;
using TikTokBot.Domain.Objectives;
using static TikTokBot.Accounts.WorkspaceSources;

namespace TikTokBot.Reports;

/// <summary>
/// One workspace source's history for its own benchmarks and trends: every campaign's totals over the last
/// <see cref="AccountBenchmarkOptions.HistoryDays"/> closed days, read ahead (at start, on connect, and after each advertiser's
/// day closes: <see cref="AccountHistoryReadAhead"/>), kept in storage across restarts, and shared by every request.
/// </summary>
/// <remarks>
/// Cache key: <see cref="AccountHistoryKey"/> (source name, window, closed days), tagged with the source's advertisers
/// (<paramref name="tags"/>); each campaign's benchmark over it is kept under a <see cref="BenchmarkKey"/> beside it.
/// </remarks>
internal sealed class AccountHistory(
    IMetricSource source, string sourceName, ReportCache cache, MetricCacheOptions cacheOptions, AccountBenchmarkOptions options, BusinessCalendar calendar,
    Storage.AccountHistoryStore store, CacheTag[] tags)
{
    public AccountBenchmarkOptions Options => options;

    /// <summary>Every campaign with delivery in the window (running and ended), as the benchmarks take them.</summary>
    public Task<IReadOnlyList<CampaignHistory>> ReadAsync(CancellationToken ct) => ReadAsync(null, ct);

    /// <summary>
    /// The account's benchmark for <paramref name="campaign"/> over the history as it stands: read ahead, so normally at hand;
    /// while a read is still under way (just after a start or a connect) the answer waits up to <paramref name="wait"/> for it,
    /// so the first question gets the same answer as the next. Null when the read takes longer (the reply says so).
    /// </summary>
    public async Task<AccountBenchmark?> BenchmarkAsync(CampaignInfo campaign, TimeSpan wait, TimeProvider time, CancellationToken ct)
    {
        if (campaign.Objective is not { } objective)
            return null;
        (AccountHistoryKey Key, IReadOnlyList<CampaignHistory> History) read;
        try
        {
            read = await ReadKeyedAsync(null, ct).WaitAsync(wait, time, ct);
        }
        catch (TimeoutException)
        {
            return null;
        }

        // Worked out once per campaign and day's history: every summary asks, and the medians cost more than the rest of a cached reply.
        var key = new BenchmarkKey(read.Key, campaign.AdvertiserId, objective, campaign.Id);
        if (cache.TryPeek<AccountBenchmark>(key, out var known))
        {
            return known;
        }

        return await WorkOutOnceAsync(key, read.History, ct);
    }

    // Apart from BenchmarkAsync so that a benchmark answered from memory allocates no closure for the load.
    private Task<AccountBenchmark> WorkOutOnceAsync(BenchmarkKey key, IReadOnlyList<CampaignHistory> history, CancellationToken ct) =>
        cache.GetOrLoad(key, cacheOptions.ClosedDaysLifetime, tags,
            () => Task.FromResult(AccountBenchmarks.For(key.Advertiser, key.Objective, key.CampaignId, history, options)), ct);

    /// <summary>Reads the history now unless the current one is read already (the read-ahead's call); what it read.</summary>
    public async Task<IReadOnlyList<CampaignHistory>> ReadAheadAsync(CancellationToken ct)
    {
        // Nobody waits on a read-ahead: its TikTok calls go after every person's, digest's and alert scan's.
        using (TikTokCallScope.Enter(TikTokCallPriority.HistoryReadAhead))
        {
            return await ReadAsync(null, ct);
        }
    }

    /// <summary>The closed days a history covers: the yesterday of each advertiser time zone the source reads, oldest zone first.</summary>
    private async Task<string> ClosedDaysAsync(CancellationToken ct)
    {
        // Every cached summary asks: a loop over the few zones there are rather than four LINQ stages.
        var campaigns = await source.ListCampaignsAsync(ct);
        var zones = new List<string>(2);
        for (var i = 0; i < campaigns.Count; i++)
        {
            if (!zones.Contains(campaigns[i].TimeZone))
                zones.Add(campaigns[i].TimeZone);
        }

        zones.Sort(StringComparer.Ordinal);
        return zones.Count == 1 ? ClosedDay(zones[0]) : string.Join(";", zones.ConvertAll(ClosedDay));
    }

    private string ClosedDay(string zone) => $"{zone}={calendar.Now(zone).Yesterday:yyyy-MM-dd}";

    private AccountHistoryKey Key(int? days, string closedDays) =>
        new(sourceName, AccountBenchmarks.Window(calendar.Now().Today, HistoryOptions(days)), closedDays);

    private AccountBenchmarkOptions HistoryOptions(int? days) => days is { } d ? new AccountBenchmarkOptions { HistoryDays = d } : options;

    /// <summary>The history over the last <paramref name="days"/> closed days (null: the configured HistoryDays).</summary>
    public async Task<IReadOnlyList<CampaignHistory>> ReadAsync(int? days, CancellationToken ct) => (await ReadKeyedAsync(days, ct)).History;

    private async Task<(AccountHistoryKey Key, IReadOnlyList<CampaignHistory> History)> ReadKeyedAsync(int? days, CancellationToken ct)
    {
        var closed = await ClosedDaysAsync(ct);
        var key = Key(days, closed);
        // Every cached summary asks: a history read already is answered without a load's closure or its storage key.
        return (key, cache.TryPeek<IReadOnlyList<CampaignHistory>>(key, out var known) && known is not null ? known : await LoadOnceAsync(key, closed, days, ct));
    }

    private Task<IReadOnlyList<CampaignHistory>> LoadOnceAsync(AccountHistoryKey key, string closed, int? days, CancellationToken ct)
    {
        // The configured window is kept in storage under its closed days: a restart reads it back rather than from TikTok.
        var storeKey = days is null ? $"{key.Window}|{closed}" : null;
        return cache.GetOrLoad(key, cacheOptions.ClosedDaysLifetime, tags, () => LoadKeptAsync(storeKey, HistoryOptions(days)), ct);
    }

    private async Task<IReadOnlyList<CampaignHistory>> LoadKeptAsync(string? storeKey, AccountBenchmarkOptions window)
    {
        if (storeKey is not null && await store.FindAsync(sourceName, storeKey, CancellationToken.None) is { } kept)
            return kept;
        var read = await LoadAsync(window);
        if (storeKey is not null)
            await store.SaveAsync(sourceName, storeKey, read, CancellationToken.None);
        return read;
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

    /// <summary>
    /// The account histories of every workspace source, one per source: a workspace's connected advertisers have theirs, the
    /// deployment's own source and the demo data theirs. Two workspaces share one only when they read the same source (the same
    /// advertisers through the same token, or the demo), so one never sees another's campaigns.
    /// </summary>
    internal sealed class AccountHistories(
        ReportCache cache, MetricCacheOptions cacheOptions, AccountBenchmarkOptions options, BusinessCalendar calendar, Storage.AccountHistoryStore store)
    {
        public AccountBenchmarkOptions Options => options;

        /// <summary>
        /// The history of <paramref name="source"/>. Keyed in the one cache by its name, which stands for its advertisers and token:
        /// any source under one name reads the same figures, and the cache under that name holds one read per day for all of them.
        /// A history holds nothing of its own, so one is made per ask.
        /// </summary>
        public AccountHistory For(WorkspaceSource source) => new(source.Source, source.Name, cache, cacheOptions, options, calendar, store, source.Tags);
    }

    /// <summary>
    /// A source's account history over <see cref="Window"/>: <see cref="ClosedDays"/> is each advertiser time zone's
    /// yesterday (<c>zone=yyyy-MM-dd;...</c>), so the key changes when any advertiser's day closes and that day's history is
    /// read once; the source's name stands for its advertisers and token, so two workspaces on different advertisers never share it.
    /// </summary>
    internal sealed record AccountHistoryKey(string Source, DateRange Window, string ClosedDays) : CacheKey;

    /// <summary>The account's benchmark for one campaign, worked out once per day's history (<see cref="History"/>): the medians cost more than the rest of a cached reply.</summary>
    internal sealed record BenchmarkKey(AccountHistoryKey History, string Advertiser, Objective Objective, string CampaignId) : CacheKey;
}
